// Model::Load's graph checks: subgraph inputs/outputs, operator codes, operator tensor indices.
#include "model/model_checks.hpp"

#include "strata/op_resolver.hpp"

namespace strata {
namespace {

bool HasConstantData(const tflite::Model* model, const tflite::Tensor* t) {
  const uint32_t num_buffers = model->buffers() ? model->buffers()->size() : 0;
  if (t->buffer() >= num_buffers) return false;
  const tflite::Buffer* b = model->buffers()->Get(t->buffer());
  return b->data() != nullptr && b->data()->size() > 0;
}

Status CheckGraphEnds(const tflite::Model* model, const tflite::SubGraph* sg,
                      uint32_t num_tensors) {
  const flatbuffers::Vector<int32_t>* lists[2] = {sg->inputs(), sg->outputs()};
  for (int which = 0; which < 2; ++which) {
    const char* kind = which == 0 ? "input" : "output";
    const flatbuffers::Vector<int32_t>* list = lists[which];
    const uint32_t n = list ? list->size() : 0;
    for (uint32_t k = 0; k < n; ++k) {
      const int t = list->Get(k);
      if (t < 0 || static_cast<uint32_t>(t) >= num_tensors) {
        return Status::Error(StatusCode::kMalformedModel,
                             "subgraph %s %u refers to tensor %d (model has %u tensors)", kind,
                             static_cast<unsigned>(k), t, static_cast<unsigned>(num_tensors));
      }
      const tflite::Tensor* tensor = sg->tensors()->Get(t);
      if (which == 0 && HasConstantData(model, tensor)) {
        return Status::Error(StatusCode::kMalformedModel,
                             "subgraph input %u (tensor %d %s) has constant data",
                             static_cast<unsigned>(k), t, TensorName(tensor));
      }
    }
  }
  return Status::Ok();
}

Status CheckOpTensors(const tflite::Model* model, const tflite::SubGraph* sg, uint32_t index,
                      const char* op_name, uint32_t num_tensors) {
  const tflite::Operator* op = sg->operators()->Get(index);
  const flatbuffers::Vector<int32_t>* lists[2] = {op->inputs(), op->outputs()};
  for (int which = 0; which < 2; ++which) {
    const char* kind = which == 0 ? "input" : "output";
    const uint32_t n = lists[which] ? lists[which]->size() : 0;
    if (n > 255) {
      return Status::Error(StatusCode::kUnsupported, "operator %u (%s): %u %ss, at most 255",
                           static_cast<unsigned>(index), op_name, static_cast<unsigned>(n), kind);
    }
    for (uint32_t k = 0; k < n; ++k) {
      const int t = lists[which]->Get(k);
      const bool absent_ok = which == 0 && t == -1;  // optional inputs are marked -1
      if (!absent_ok && (t < 0 || static_cast<uint32_t>(t) >= num_tensors)) {
        return Status::Error(StatusCode::kMalformedModel,
                             "operator %u (%s): %s %u refers to tensor %d (model has %u tensors)",
                             static_cast<unsigned>(index), op_name, kind, static_cast<unsigned>(k),
                             t, static_cast<unsigned>(num_tensors));
      }
      if (which == 1 && HasConstantData(model, sg->tensors()->Get(t))) {
        return Status::Error(StatusCode::kMalformedModel,
                             "operator %u (%s): output %u (tensor %d %s) has constant data",
                             static_cast<unsigned>(index), op_name, static_cast<unsigned>(k), t,
                             TensorName(sg->tensors()->Get(t)));
      }
    }
  }
  return Status::Ok();
}

bool IsListed(const flatbuffers::Vector<int32_t>* list, int32_t tensor) {
  const uint32_t n = list ? list->size() : 0;
  for (uint32_t k = 0; k < n; ++k) {
    if (list->Get(k) == tensor) return true;
  }
  return false;
}

// Every graph output must get its value from somewhere: an operator writes it, or it is a graph
// input or a constant. Otherwise Invoke would return whatever the arena held (stale bytes).
Status CheckOutputsAreWritten(const tflite::Model* model, const tflite::SubGraph* sg) {
  const flatbuffers::Vector<int32_t>* outputs = sg->outputs();
  const uint32_t num_ops = sg->operators() ? sg->operators()->size() : 0;
  for (uint32_t k = 0; k < outputs->size(); ++k) {
    const int32_t t = outputs->Get(k);
    const tflite::Tensor* tensor = sg->tensors()->Get(t);
    if (IsListed(sg->inputs(), t) || HasConstantData(model, tensor)) continue;
    bool written = false;
    for (uint32_t i = 0; i < num_ops && !written; ++i) {
      written = IsListed(sg->operators()->Get(i)->outputs(), t);
    }
    if (!written) {
      return Status::Error(StatusCode::kMalformedModel,
                           "subgraph output %u (tensor %d %s) is written by no operator and is "
                           "neither a graph input nor a constant",
                           static_cast<unsigned>(k), static_cast<int>(t), TensorName(tensor));
    }
  }
  return Status::Ok();
}

Status CheckOperatorCodes(const tflite::Model* model) {
  const uint32_t n = model->operator_codes() ? model->operator_codes()->size() : 0;
  for (uint32_t c = 0; c < n; ++c) {
    const int version = model->operator_codes()->Get(c)->version();
    if (version < 1) {
      return Status::Error(StatusCode::kMalformedModel, "operator code %u has version %d",
                           static_cast<unsigned>(c), version);
    }
  }
  return Status::Ok();
}

}  // namespace

Status CheckGraph(const tflite::Model* model, const tflite::SubGraph* sg, bool main) {
  const uint32_t num_tensors = sg->tensors() ? sg->tensors()->size() : 0;
  // A graph without operators is valid when its outputs are its inputs or constants (checked
  // below); a main graph without outputs computes nothing.
  if (main && (sg->outputs() == nullptr || sg->outputs()->size() == 0)) {
    const bool empty = sg->operators() == nullptr || sg->operators()->size() == 0;
    return Status::Error(StatusCode::kMalformedModel,
                         empty ? "subgraph is empty: no operators and no outputs"
                               : "subgraph has no outputs: it computes nothing");
  }
  STRATA_RETURN_IF_ERROR(CheckGraphEnds(model, sg, num_tensors));
  STRATA_RETURN_IF_ERROR(CheckOperatorCodes(model));
  const uint32_t num_codes = model->operator_codes() ? model->operator_codes()->size() : 0;
  const uint32_t num_ops = sg->operators() ? sg->operators()->size() : 0;
  if (num_ops > kMaxOperators) {
    return Status::Error(StatusCode::kUnsupported, "subgraph has %u operators, at most %u",
                         static_cast<unsigned>(num_ops), static_cast<unsigned>(kMaxOperators));
  }
  for (uint32_t i = 0; i < num_ops; ++i) {
    const tflite::Operator* op = sg->operators()->Get(i);
    if (op->opcode_index() >= num_codes) {
      return Status::Error(
          StatusCode::kMalformedModel,
          "operator %u: opcode index %u out of range (model has %u operator codes)",
          static_cast<unsigned>(i), static_cast<unsigned>(op->opcode_index()),
          static_cast<unsigned>(num_codes));
    }
    const tflite::OperatorCode* code = model->operator_codes()->Get(op->opcode_index());
    const int32_t deprecated = code->deprecated_builtin_code();
    const int32_t builtin = code->builtin_code() > deprecated ? code->builtin_code() : deprecated;
    STRATA_RETURN_IF_ERROR(CheckOpTensors(model, sg, i, OpName(builtin), num_tensors));
  }
  return CheckOutputsAreWritten(model, sg);
}

}  // namespace strata
