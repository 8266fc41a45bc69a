// ModelInfo: what the generator (models/gen/strata_gen.py) knows about one built-in model, as
// constants in flash: the .tflite bytes, an op resolver holding only the ops the model uses, the
// arena figures the runtime's own planner computed at build time, the input/output metadata, the
// MACs per operator and the sample inputs of the model's folder. Firmware code reads a model
// through this one struct, so the app never depends on which model a firmware was built with.
// The arena itself is not here: the app reserves it in the board's arena region with
// `kArenaBytes` from the generated strata_model.hpp.
#pragma once

#include <stdint.h>

#include "strata/interpreter.hpp"
#include "strata/op_resolver.hpp"
#include "strata/tensor.hpp"

namespace strata_models {

// Rank limit of the metadata tables (graph inputs/outputs of real MCU models are rank <= 4).
constexpr uint32_t kMaxInfoRank = 6;

struct TensorInfo {
  const char* name;
  strata::DataType type;
  uint32_t rank;
  int32_t dims[kMaxInfoRank];
  uint32_t bytes;
  float scale;  // 0 when the tensor is not quantized
  int32_t zero_point;
};

struct ArenaFigures {
  uint32_t total_bytes;  // what Interpreter::Prepare(plan) needs (the firmware reserves exactly this)
  uint32_t lower_bound;  // persistent + the largest sum of simultaneously live activations
  uint32_t persistent_bytes;  // head: tensor table, op records, op data
  uint32_t activation_bytes;  // tail: planned activations and scratch
  uint32_t scratch_bytes;     // largest per-op scratch buffer
};

// One sample input of the model's folder, in the model's input type. `label` is the class a
// classifier must give (-1: none); `expected` holds reference output values (regressors), or null.
struct SampleInfo {
  const char* name;
  const uint8_t* data;
  uint32_t bytes;
  int32_t label;
  const float* expected;
  uint32_t num_expected;
  float input_value;  // first input element as a real number (for display), e.g. sine's x
};

struct ModelInfo {
  const char* name;     // display name, e.g. "mnist-int8"
  const char* file;     // the .tflite file name the firmware was generated from
  const char* kernels;  // kernels backend of the resolver, e.g. "reference"
  const uint8_t* data;  // the .tflite bytes, 16-byte aligned
  uint32_t bytes;
  const strata::OpResolver* resolver;
  const strata::BuildTimePlan* plan;  // the activations' placement, computed at build time
  // How a model without a build-time plan is prepared (host tools reading a file: the planner's
  // search, Interpreter::Prepare()); null in firmware, which therefore never links the search.
  strata::Status (*prepare_without_plan)(strata::Interpreter& interpreter);
  ArenaFigures arena;
  const TensorInfo* inputs;
  uint32_t num_inputs;
  const TensorInfo* outputs;
  uint32_t num_outputs;
  const uint64_t* op_macs;  // per operator, in model order
  uint32_t num_ops;
  uint64_t total_macs;
  const SampleInfo* samples;
  uint32_t num_samples;
};

}  // namespace strata_models
