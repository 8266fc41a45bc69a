// Model: a verified, read-only view over a .tflite flatbuffer (TensorFlow Lite schema version 3).
// Load() runs the flatbuffers Verifier and then checks every index, shape, type, buffer size and
// quantization array the runtime relies on, so that nothing downstream can read out of bounds.
// The model bytes are not copied: they must stay valid (usually in flash) while the Model and any
// Interpreter built from it are in use. Only subgraph 0 is used.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "strata/status.hpp"
#include "strata/tensor.hpp"

namespace tflite {
struct Model;
struct SubGraph;
struct Operator;
}  // namespace tflite

namespace strata {

// Limits the runtime relies on (checked at load).
constexpr int32_t kMaxRank = 8;
constexpr uint32_t kMaxOperators = 0xFFF0;  // op indices are stored as uint16 in the arena
constexpr uint32_t kMaxTensors = 0xFFF0;

class Model {
 public:
  Model() = default;

  // Verifies `data` and fills *out. `data` must be 4-byte aligned; constant tensors must be
  // aligned to their element size (the converter aligns buffers to 16 bytes).
  static Status Load(const void* data, size_t size, Model* out);

  bool loaded() const { return model_ != nullptr; }
  const tflite::Model* flatbuffer() const { return model_; }
  const tflite::SubGraph* subgraph() const { return subgraph_; }
  const uint8_t* data() const { return data_; }
  size_t size() const { return size_; }

  uint32_t num_tensors() const { return num_tensors_; }
  uint32_t num_operators() const { return num_operators_; }
  uint32_t num_inputs() const;
  uint32_t num_outputs() const;
  int32_t input_tensor(uint32_t i) const;   // tensor index of graph input i
  int32_t output_tensor(uint32_t i) const;  // tensor index of graph output i

  const tflite::Operator* op(uint32_t i) const;
  int32_t op_code(uint32_t i) const;  // effective BuiltinOperator value
  int32_t op_version(uint32_t i) const;
  const char* op_custom_code(uint32_t i) const;  // custom op name, or nullptr
  uint32_t op_num_inputs(uint32_t i) const;
  uint32_t op_num_outputs(uint32_t i) const;
  int32_t op_input(uint32_t op, uint32_t k) const;  // tensor index, -1 for an absent input
  int32_t op_output(uint32_t op, uint32_t k) const;

  // Everything about tensor i except arena data: constants get their model data pointer.
  TensorView tensor(int32_t i) const;
  uint32_t tensor_bytes(int32_t i) const;
  bool tensor_is_constant(int32_t i) const;  // has data in the model
  bool tensor_is_variable(int32_t i) const;

 private:
  const uint8_t* data_ = nullptr;
  size_t size_ = 0;
  const tflite::Model* model_ = nullptr;
  const tflite::SubGraph* subgraph_ = nullptr;
  uint32_t num_tensors_ = 0;
  uint32_t num_operators_ = 0;
};

}  // namespace strata
