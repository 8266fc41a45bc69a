// Internal: the consistency checks Model::Load runs after the flatbuffers Verifier.
#pragma once

#include <stdint.h>

#include "strata/model.hpp"
#include "strata/status.hpp"
#include "tflite_generated.h"

namespace strata {

// Checks every tensor of subgraph 0: type, shape, buffer, quantization.
Status CheckTensors(const tflite::Model* model, const tflite::SubGraph* subgraph);
// Checks graph inputs/outputs, operator codes and operator tensor indices. The main graph must
// have outputs; a called subgraph may have none (CALL_ONCE's initialization).
Status CheckGraph(const tflite::Model* model, const tflite::SubGraph* subgraph, bool main);

// Element count and byte size (int4: ceil(elements / 2)) of a verified tensor's shape; false on
// a negative dimension or when the size exceeds 2^31 - 1 bytes.
bool ShapeSize(const tflite::Tensor* tensor, uint64_t* elements, uint64_t* bytes);

// Writes "[d0,d1,...]" into buf (truncated to cap).
void FormatShape(const tflite::Tensor* tensor, char* buf, uint32_t cap);

// The tensor's name or "" (names are optional in the format).
inline const char* TensorName(const tflite::Tensor* t) {
  return t->name() != nullptr ? t->name()->c_str() : "";
}

}  // namespace strata
