// Structure-aware mutations of a .tflite for the model fuzzer that change several related fields
// together, so that a hostile model stays consistent enough to pass Model::Load and the kernels'
// checks and reach Invoke: a dimension together with the same dimension of the operator's other
// operands, the lengths of constant buffers and the per-channel quantization arrays; constants'
// contents with extreme values of their type; a tensor's scales and zero points; an operator input
// replaced by a constant of the same shape. Byte-level and single-field mutations
// (model_mutator.hpp) rarely produce such models.
//
// The model is unpacked with the flatbuffers object API (a copy of the schema in namespace
// tflite_obj, see CMakeLists.txt), edited and packed again, so lengths may change.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace strata_fuzz {

// Applies 1..3 consistent mutations to the model in `data` and writes the new model to *out.
// False when `data` is not a verifiable model with a subgraph or no mutation applied.
bool MutateModelConsistently(const uint8_t* data, size_t size, uint32_t seed,
                             std::vector<uint8_t>* out);

}  // namespace strata_fuzz
