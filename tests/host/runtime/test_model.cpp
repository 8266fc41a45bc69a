// TestModel (see test_model.hpp).
#include "test_model.hpp"

#include <cstring>

namespace strata_test {

int32_t TestModel::AddTensor(const TensorSpec& spec) {
  tensors_.push_back(spec);
  return static_cast<int32_t>(tensors_.size() - 1);
}

int32_t TestModel::AddFloat(const std::vector<int32_t>& shape, const std::vector<float>& values,
                            const std::string& name) {
  TensorSpec spec;
  spec.shape = shape;
  spec.name = name.empty() ? "t" + std::to_string(tensors_.size()) : name;
  spec.data = FloatBytes(values);
  return AddTensor(spec);
}

std::vector<uint8_t> FloatBytes(const std::vector<float>& values) {
  std::vector<uint8_t> bytes(values.size() * 4);
  if (!values.empty()) std::memcpy(bytes.data(), values.data(), bytes.size());
  return bytes;
}

std::vector<uint8_t> TestModel::Build() const {
  flatbuffers::FlatBufferBuilder fbb;
  std::vector<flatbuffers::Offset<tflite::Buffer>> buffers;
  buffers.push_back(tflite::CreateBuffer(fbb));  // buffer 0: the empty sentinel
  std::vector<flatbuffers::Offset<tflite::Tensor>> tensors;
  for (const TensorSpec& t : tensors_) {
    uint32_t buffer = 0;
    if (!t.data.empty()) {
      fbb.ForceVectorAlignment(t.data.size(), 1, 16);
      auto data = fbb.CreateVector(t.data);
      buffers.push_back(tflite::CreateBuffer(fbb, data));
      buffer = static_cast<uint32_t>(buffers.size() - 1);
    }
    if (t.buffer_override >= 0) buffer = static_cast<uint32_t>(t.buffer_override);
    flatbuffers::Offset<tflite::QuantizationParameters> quant = 0;
    if (!t.scales.empty() || !t.zero_points.empty()) {
      quant = tflite::CreateQuantizationParameters(
          fbb, 0, 0, fbb.CreateVector(t.scales), fbb.CreateVector(t.zero_points),
          tflite::QuantizationDetails_NONE, 0, t.quantized_dimension);
    }
    tensors.push_back(tflite::CreateTensor(fbb, fbb.CreateVector(t.shape), t.type, buffer,
                                           fbb.CreateString(t.name), quant, t.is_variable));
  }
  std::vector<flatbuffers::Offset<tflite::OperatorCode>> codes;
  std::vector<flatbuffers::Offset<tflite::Operator>> ops;
  for (const OpSpec& op : ops_) {
    const int8_t deprecated = static_cast<int8_t>(op.code < 127 ? op.code : 127);
    codes.push_back(tflite::CreateOperatorCode(
        fbb, deprecated, op.custom_code.empty() ? 0 : fbb.CreateString(op.custom_code), op.version,
        static_cast<tflite::BuiltinOperator>(op.code)));
    const uint32_t opcode =
        static_cast<uint32_t>(op.opcode_override >= 0 ? op.opcode_override : codes.size() - 1);
    ops.push_back(tflite::CreateOperator(fbb, opcode, fbb.CreateVector(op.inputs),
                                         fbb.CreateVector(op.outputs)));
  }
  flatbuffers::Offset<flatbuffers::Vector<flatbuffers::Offset<tflite::SubGraph>>> subgraphs = 0;
  if (!omit_subgraphs_) {
    auto sg = tflite::CreateSubGraph(fbb, fbb.CreateVector(tensors), fbb.CreateVector(inputs_),
                                     fbb.CreateVector(outputs_), fbb.CreateVector(ops),
                                     fbb.CreateString("main"));
    subgraphs = fbb.CreateVector(&sg, 1);
  }
  auto model =
      tflite::CreateModel(fbb, version_, fbb.CreateVector(codes), subgraphs,
                          fbb.CreateString("strata test model"), fbb.CreateVector(buffers));
  tflite::FinishModelBuffer(fbb, model);
  return std::vector<uint8_t>(fbb.GetBufferPointer(), fbb.GetBufferPointer() + fbb.GetSize());
}

AlignedBytes::AlignedBytes(const std::vector<uint8_t>& bytes, size_t offset)
    : storage_((bytes.size() + offset + 7) / 8 + 1), offset_(offset), size_(bytes.size()) {
  if (!bytes.empty()) std::memcpy(data(), bytes.data(), bytes.size());
}

}  // namespace strata_test
