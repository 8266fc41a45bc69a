// Model: a verified, read-only view over a .tflite flatbuffer (TensorFlow Lite schema version 3).
// Load() runs the flatbuffers Verifier and then checks every index, shape, type, buffer size and
// quantization array the runtime relies on, so that nothing downstream can read out of bounds.
// The model bytes are not copied: they must stay valid (usually in flash) while the Model and any
// Interpreter built from it are in use.
//
// Subgraphs: subgraph 0 is the model; the others are run by control-flow operators (IF, WHILE,
// CALL_ONCE). Operators and tensors of all subgraphs share one index space, subgraph 0's first:
// operator i of subgraph s is operator subgraph_first_op(s) + i, and every tensor index an operator
// or a subgraph lists is already translated into that space. num_inputs()/input_tensor() are
// subgraph 0's, the model's interface.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "strata/status.hpp"
#include "strata/tensor.hpp"

namespace tflite {
struct Model;
struct SubGraph;
struct Tensor;
struct Operator;
}  // namespace tflite

namespace strata {

// Limits the runtime relies on (checked at load).
constexpr int32_t kMaxRank = 8;
constexpr uint32_t kMaxOperators = 0xFFF0;  // op indices are stored as uint16 in the arena
constexpr uint32_t kMaxTensors = 0xFFF0;
constexpr uint32_t kMaxSubgraphs = 8;

class Model {
 public:
  Model() = default;

  // Verifies `data` and fills *out. `data` must be 4-byte aligned; constant tensors must be
  // aligned to their element size (the converter aligns buffers to 16 bytes).
  static Status Load(const void* data, size_t size, Model* out);

  bool loaded() const { return model_ != nullptr; }
  const tflite::Model* flatbuffer() const { return model_; }
  uint32_t num_subgraphs() const { return num_subgraphs_; }
  uint32_t subgraph_first_op(uint32_t s) const;  // s == num_subgraphs(): num_operators()
  uint32_t subgraph_num_ops(uint32_t s) const;
  uint32_t subgraph_first_tensor(uint32_t s) const;
  uint32_t subgraph_num_inputs(uint32_t s) const;
  uint32_t subgraph_num_outputs(uint32_t s) const;
  int32_t subgraph_input(uint32_t s, uint32_t k) const;  // tensor index, -1 when out of range
  int32_t subgraph_output(uint32_t s, uint32_t k) const;
  uint32_t op_subgraph(uint32_t i) const;     // the subgraph operator i belongs to
  uint32_t tensor_subgraph(int32_t t) const;  // the subgraph tensor t belongs to
  const uint8_t* data() const { return data_; }
  size_t size() const { return size_; }

  uint32_t num_tensors() const { return num_tensors_; }
  uint32_t num_operators() const { return num_operators_; }
  uint32_t num_inputs() const { return subgraph_num_inputs(0); }
  uint32_t num_outputs() const { return subgraph_num_outputs(0); }
  int32_t input_tensor(uint32_t i) const { return subgraph_input(0, i); }  // graph input i
  int32_t output_tensor(uint32_t i) const { return subgraph_output(0, i); }

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
  const tflite::SubGraph* Subgraph(uint32_t s) const;
  const tflite::Tensor* RawTensor(int32_t t) const;  // t in range

  const tflite::Model* model_ = nullptr;
  uint32_t num_subgraphs_ = 0;
  uint32_t num_tensors_ = 0;
  uint32_t num_operators_ = 0;
  // First operator / tensor of each subgraph, and the totals at index num_subgraphs_.
  uint16_t first_op_[kMaxSubgraphs + 1] = {};
  uint16_t first_tensor_[kMaxSubgraphs + 1] = {};
};

}  // namespace strata
