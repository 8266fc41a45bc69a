// Model: loading (verifier + checks) and flatbuffer accessors (see strata/model.hpp).
#include "strata/model.hpp"

#include "model/model_checks.hpp"
#include "model/model_verifier.hpp"
#include "tflite_generated.h"

namespace strata {
namespace {

constexpr uint32_t kSchemaVersion = 3;

Status CheckContainer(const void* data, size_t size) {
  if (data == nullptr) return Status::Error(StatusCode::kInvalidArgument, "model data is null");
  if ((reinterpret_cast<uintptr_t>(data) & 3u) != 0) {
    return Status::Error(StatusCode::kInvalidArgument, "model data must be 4-byte aligned");
  }
  if (size < 8) {
    return Status::Error(StatusCode::kMalformedModel,
                         "model is %zu bytes: too small for a flatbuffer (truncated file?)", size);
  }
  if (size >= 0x7FFFFFFFu) {
    return Status::Error(StatusCode::kUnsupported, "model is %zu bytes: at most 2 GiB supported",
                         size);
  }
  if (!tflite::ModelBufferHasIdentifier(data)) {
    const char* id = static_cast<const char*>(data) + 4;
    char shown[5];
    for (int i = 0; i < 4; ++i) shown[i] = (id[i] >= 32 && id[i] < 127) ? id[i] : '?';
    shown[4] = '\0';
    return Status::Error(StatusCode::kMalformedModel,
                         "not a TensorFlow Lite model: file identifier is '%s', expected 'TFL3'",
                         shown);
  }
  if (!VerifyModelStructure(static_cast<const uint8_t*>(data), size)) {
    return Status::Error(StatusCode::kMalformedModel,
                         "flatbuffer verification failed: truncated or corrupt model (%zu bytes)",
                         size);
  }
  return Status::Ok();
}

}  // namespace

Status Model::Load(const void* data, size_t size, Model* out) {
  if (out == nullptr) return Status::Error(StatusCode::kInvalidArgument, "output model is null");
  *out = Model();
  STRATA_RETURN_IF_ERROR(CheckContainer(data, size));
  const tflite::Model* model = tflite::GetModel(data);
  if (model->version() != kSchemaVersion) {
    return Status::Error(StatusCode::kUnsupported, "model schema version is %u, expected %u",
                         static_cast<unsigned>(model->version()),
                         static_cast<unsigned>(kSchemaVersion));
  }
  if (model->subgraphs() == nullptr || model->subgraphs()->size() == 0) {
    return Status::Error(StatusCode::kMalformedModel, "model has no subgraph");
  }
  const tflite::SubGraph* subgraph = model->subgraphs()->Get(0);
  STRATA_RETURN_IF_ERROR(CheckTensors(model, subgraph));
  STRATA_RETURN_IF_ERROR(CheckGraph(model, subgraph));
  out->data_ = static_cast<const uint8_t*>(data);
  out->size_ = size;
  out->model_ = model;
  out->subgraph_ = subgraph;
  out->num_tensors_ = subgraph->tensors() ? subgraph->tensors()->size() : 0;
  out->num_operators_ = subgraph->operators() ? subgraph->operators()->size() : 0;
  return Status::Ok();
}

uint32_t Model::num_inputs() const {
  return subgraph_ && subgraph_->inputs() ? subgraph_->inputs()->size() : 0;
}

uint32_t Model::num_outputs() const {
  return subgraph_ && subgraph_->outputs() ? subgraph_->outputs()->size() : 0;
}

int32_t Model::input_tensor(uint32_t i) const {
  return i < num_inputs() ? subgraph_->inputs()->Get(i) : -1;
}

int32_t Model::output_tensor(uint32_t i) const {
  return i < num_outputs() ? subgraph_->outputs()->Get(i) : -1;
}

const tflite::Operator* Model::op(uint32_t i) const {
  return i < num_operators_ ? subgraph_->operators()->Get(i) : nullptr;
}

int32_t Model::op_code(uint32_t i) const {
  const tflite::OperatorCode* code = model_->operator_codes()->Get(op(i)->opcode_index());
  // Old converters only set the int8 field; new ones set both (codes >= 127 need the int32 one).
  int32_t deprecated = code->deprecated_builtin_code();
  int32_t extended = code->builtin_code();
  return extended > deprecated ? extended : deprecated;
}

int32_t Model::op_version(uint32_t i) const {
  return model_->operator_codes()->Get(op(i)->opcode_index())->version();
}

const char* Model::op_custom_code(uint32_t i) const {
  const tflite::OperatorCode* code = model_->operator_codes()->Get(op(i)->opcode_index());
  return code->custom_code() ? code->custom_code()->c_str() : nullptr;
}

uint32_t Model::op_num_inputs(uint32_t i) const {
  const tflite::Operator* o = op(i);
  return o && o->inputs() ? o->inputs()->size() : 0;
}

uint32_t Model::op_num_outputs(uint32_t i) const {
  const tflite::Operator* o = op(i);
  return o && o->outputs() ? o->outputs()->size() : 0;
}

int32_t Model::op_input(uint32_t i, uint32_t k) const {
  return k < op_num_inputs(i) ? op(i)->inputs()->Get(k) : -1;
}

int32_t Model::op_output(uint32_t i, uint32_t k) const {
  return k < op_num_outputs(i) ? op(i)->outputs()->Get(k) : -1;
}

}  // namespace strata
