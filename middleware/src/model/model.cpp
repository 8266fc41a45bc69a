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
  const uint32_t num_subgraphs = model->subgraphs() ? model->subgraphs()->size() : 0;
  if (num_subgraphs == 0) return Status::Error(StatusCode::kMalformedModel, "model has no subgraph");
  if (num_subgraphs > kMaxSubgraphs) {
    return Status::Error(StatusCode::kUnsupported, "model has %u subgraphs, at most %u supported",
                         static_cast<unsigned>(num_subgraphs),
                         static_cast<unsigned>(kMaxSubgraphs));
  }
  uint32_t ops = 0;
  uint32_t tensors = 0;
  for (uint32_t s = 0; s < num_subgraphs; ++s) {
    const tflite::SubGraph* subgraph = model->subgraphs()->Get(s);
    STRATA_RETURN_IF_ERROR(CheckTensors(model, subgraph));
    STRATA_RETURN_IF_ERROR(CheckGraph(model, subgraph, s == 0));
    out->first_op_[s] = static_cast<uint16_t>(ops);
    out->first_tensor_[s] = static_cast<uint16_t>(tensors);
    ops += subgraph->operators() ? subgraph->operators()->size() : 0;
    tensors += subgraph->tensors() ? subgraph->tensors()->size() : 0;
    if (ops > kMaxOperators || tensors > kMaxTensors) {
      return Status::Error(StatusCode::kUnsupported,
                           "the subgraphs hold %u operators and %u tensors, at most %u and %u",
                           static_cast<unsigned>(ops), static_cast<unsigned>(tensors),
                           static_cast<unsigned>(kMaxOperators), static_cast<unsigned>(kMaxTensors));
    }
  }
  out->first_op_[num_subgraphs] = static_cast<uint16_t>(ops);
  out->first_tensor_[num_subgraphs] = static_cast<uint16_t>(tensors);
  out->data_ = static_cast<const uint8_t*>(data);
  out->size_ = size;
  out->model_ = model;
  out->num_subgraphs_ = num_subgraphs;
  out->num_tensors_ = tensors;
  out->num_operators_ = ops;
  return Status::Ok();
}

const tflite::SubGraph* Model::Subgraph(uint32_t s) const {
  return s < num_subgraphs_ ? model_->subgraphs()->Get(s) : nullptr;
}

uint32_t Model::subgraph_first_op(uint32_t s) const {
  return s <= num_subgraphs_ ? first_op_[s] : num_operators_;
}

uint32_t Model::subgraph_num_ops(uint32_t s) const {
  return s < num_subgraphs_ ? static_cast<uint32_t>(first_op_[s + 1] - first_op_[s]) : 0;
}

uint32_t Model::subgraph_first_tensor(uint32_t s) const {
  return s <= num_subgraphs_ ? first_tensor_[s] : num_tensors_;
}

uint32_t Model::op_subgraph(uint32_t i) const {
  uint32_t s = 0;
  while (s + 1 < num_subgraphs_ && i >= first_op_[s + 1]) ++s;
  return s;
}

uint32_t Model::tensor_subgraph(int32_t t) const {
  uint32_t s = 0;
  while (s + 1 < num_subgraphs_ && static_cast<uint32_t>(t) >= first_tensor_[s + 1]) ++s;
  return s;
}

uint32_t Model::subgraph_num_inputs(uint32_t s) const {
  const tflite::SubGraph* g = Subgraph(s);
  return g && g->inputs() ? g->inputs()->size() : 0;
}

uint32_t Model::subgraph_num_outputs(uint32_t s) const {
  const tflite::SubGraph* g = Subgraph(s);
  return g && g->outputs() ? g->outputs()->size() : 0;
}

int32_t Model::subgraph_input(uint32_t s, uint32_t k) const {
  return k < subgraph_num_inputs(s) ? Subgraph(s)->inputs()->Get(k) + first_tensor_[s] : -1;
}

int32_t Model::subgraph_output(uint32_t s, uint32_t k) const {
  return k < subgraph_num_outputs(s) ? Subgraph(s)->outputs()->Get(k) + first_tensor_[s] : -1;
}

const tflite::Operator* Model::op(uint32_t i) const {
  if (i >= num_operators_) return nullptr;
  const uint32_t s = op_subgraph(i);
  return Subgraph(s)->operators()->Get(i - first_op_[s]);
}

const tflite::Tensor* Model::RawTensor(int32_t t) const {
  const uint32_t s = tensor_subgraph(t);
  return Subgraph(s)->tensors()->Get(static_cast<uint32_t>(t) - first_tensor_[s]);
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
  if (k >= op_num_inputs(i)) return -1;
  const int32_t t = op(i)->inputs()->Get(k);
  return t < 0 ? -1 : t + first_tensor_[op_subgraph(i)];
}

int32_t Model::op_output(uint32_t i, uint32_t k) const {
  return k < op_num_outputs(i) ? op(i)->outputs()->Get(k) + first_tensor_[op_subgraph(i)] : -1;
}

}  // namespace strata
