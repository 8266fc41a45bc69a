// A structure-aware mutation of a .tflite for the model fuzzer: it keeps the flatbuffer valid (the
// verifier still accepts it) but makes its contents inconsistent — shape dimensions, tensor and
// buffer indices, types, operator inputs/outputs, opcode indices and versions, quantization scales,
// zero points and quantized dimensions, option fields such as strides and filter sizes — and
// shortens vectors (rank, per-channel arrays, buffer data, operator input lists) so sizes stop
// matching. Byte-level mutation rarely gets past the flatbuffer verifier; this reaches the
// runtime's own checks, which must turn every such model into a Status.
#pragma once

#include <cstddef>
#include <cstdint>

namespace strata_fuzz {

// Applies 1..4 mutations to the model in `data` (in place, same size). False when `data` is not a
// verifiable model (the caller then mutates bytes instead). `data` must be 16-byte aligned.
bool MutateModel(uint8_t* data, size_t size, uint32_t seed);

}  // namespace strata_fuzz
