// ModelSession (see strata_models/model_session.hpp).
#include "strata_models/model_session.hpp"

#include <string.h>

namespace strata_models {

ModelSession::ModelSession(const ModelInfo& info, uint8_t* arena, uint32_t arena_bytes)
    : info_(&info),
      arena_bytes_(arena_bytes),
      interpreter_(model_, *info.resolver, arena, arena_bytes) {}

const strata::Status& ModelSession::Prepare(const strata::CycleCounter* counter) {
  if (attempted_) return status_;
  attempted_ = true;
  const uint64_t start = counter != nullptr ? counter->now() : 0;
  PrepareOnce();
  if (counter != nullptr) prepare_count_ = counter->now() - start;
  return status_;
}

void ModelSession::PrepareOnce() {
  status_ = strata::Model::Load(info_->data, info_->bytes, &model_);
  if (!status_.ok()) return;
  if (info_->plan != nullptr) {
    status_ = interpreter_.Prepare(*info_->plan);
  } else if (info_->prepare_without_plan != nullptr) {
    status_ = info_->prepare_without_plan(interpreter_);
  } else {
    status_ = strata::Status::Error(strata::StatusCode::kInvalidArgument,
                                    "model %s has no build-time plan", info_->name);
  }
}

bool ModelSession::LoadSample(uint32_t k) {
  if (!ready() || k >= info_->num_samples || interpreter_.num_inputs() < 1) return false;
  const SampleInfo& sample = info_->samples[k];
  const strata::TensorView input = interpreter_.input(0);
  if (input.data == nullptr || input.bytes != sample.bytes) return false;
  memcpy(input.data, sample.data, sample.bytes);
  return true;
}

strata::Status ModelSession::Invoke(strata::Profiler* profiler) {
  if (!ready()) {
    return strata::Status::Error(strata::StatusCode::kNotReady, "model %s is not prepared",
                                 info_->name);
  }
  interpreter_.set_profiler(profiler);
  strata::Status status = interpreter_.Invoke();
  interpreter_.set_profiler(nullptr);
  return status;
}

uint32_t ModelSession::OutputElements(uint32_t o) const {
  if (!ready() || o >= interpreter_.num_outputs()) return 0;
  return interpreter_.output(o).elements;
}

float ModelSession::OutputValue(uint32_t o, uint32_t i) const {
  if (i >= OutputElements(o)) return 0.0f;
  const strata::TensorView t = interpreter_.output(o);
  const float scale = t.num_quant > 0 ? t.scale : 1.0f;
  switch (t.type) {
    case strata::DataType::kFloat32:
      return t.float_data()[i];
    case strata::DataType::kInt8:
      return scale * static_cast<float>(t.int8_data()[i] - t.zero_point);
    case strata::DataType::kUInt8:
      return scale * static_cast<float>(t.uint8_data()[i] - t.zero_point);
    case strata::DataType::kInt16:
      return scale * static_cast<float>(t.int16_data()[i] - t.zero_point);
    default:
      return 0.0f;
  }
}

int32_t ModelSession::TopClass(uint32_t o, float* score) const {
  const uint32_t n = OutputElements(o);
  if (n == 0) return -1;
  uint32_t best = 0;
  float best_value = OutputValue(o, 0);
  for (uint32_t i = 1; i < n; ++i) {
    const float v = OutputValue(o, i);
    if (v > best_value) {
      best = i;
      best_value = v;
    }
  }
  if (score != nullptr) *score = best_value;
  return static_cast<int32_t>(best);
}

}  // namespace strata_models
