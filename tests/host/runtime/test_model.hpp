// TestModel: builds small .tflite flatbuffers in memory for runtime tests, with knobs to break
// them in specific ways (the malformed-model tests).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "flatbuffers/flatbuffers.h"
#include "tflite_generated.h"

namespace strata_test {

struct TensorSpec {
  TensorSpec() = default;
  TensorSpec(std::vector<int32_t> s, tflite::TensorType t, std::string n)
      : shape(std::move(s)), type(t), name(std::move(n)) {}

  std::vector<int32_t> shape;
  tflite::TensorType type = tflite::TensorType_FLOAT32;
  std::string name;
  std::vector<uint8_t> data;  // constant data (empty: activation)
  std::vector<float> scales;  // quantization (empty: none)
  std::vector<int64_t> zero_points;
  int32_t quantized_dimension = 0;
  bool is_variable = false;
  int32_t buffer_override = -1;  // use this buffer index instead of the tensor's own
};

struct OpSpec {
  OpSpec(int32_t c, int32_t v, std::vector<int32_t> in, std::vector<int32_t> out)
      : code(c), version(v), inputs(std::move(in)), outputs(std::move(out)) {}

  int32_t code = tflite::BuiltinOperator_ADD;
  int32_t version = 1;
  std::vector<int32_t> inputs;
  std::vector<int32_t> outputs;
  int32_t opcode_override = -1;  // use this opcode index instead of the op's own
  std::string custom_code;
};

class TestModel {
 public:
  int32_t AddTensor(const TensorSpec& spec);
  // Float32 activation (or constant when `values` is non-empty).
  int32_t AddFloat(const std::vector<int32_t>& shape, const std::vector<float>& values = {},
                   const std::string& name = "");
  void AddOp(const OpSpec& op) { ops_.push_back(op); }
  void SetInputs(const std::vector<int32_t>& inputs) { inputs_ = inputs; }
  void SetOutputs(const std::vector<int32_t>& outputs) { outputs_ = outputs; }
  void set_version(uint32_t v) { version_ = v; }
  void set_omit_subgraphs(bool v) { omit_subgraphs_ = v; }

  // The serialized model, starting 16-byte aligned inside `storage`.
  std::vector<uint8_t> Build() const;

 private:
  std::vector<TensorSpec> tensors_;
  std::vector<OpSpec> ops_;
  std::vector<int32_t> inputs_;
  std::vector<int32_t> outputs_;
  uint32_t version_ = 3;
  bool omit_subgraphs_ = false;
};

// Owns model bytes at an 8-byte aligned address (a std::vector<uint8_t> is not guaranteed to be).
class AlignedBytes {
 public:
  explicit AlignedBytes(const std::vector<uint8_t>& bytes, size_t offset = 0);
  const uint8_t* data() const {
    return reinterpret_cast<const uint8_t*>(storage_.data()) + offset_;
  }
  uint8_t* data() { return reinterpret_cast<uint8_t*>(storage_.data()) + offset_; }
  size_t size() const { return size_; }

 private:
  std::vector<uint64_t> storage_;
  size_t offset_;
  size_t size_;
};

std::vector<uint8_t> FloatBytes(const std::vector<float>& values);

}  // namespace strata_test
