// ModelSession: one model ready to run, for the firmware's commands, the generated-model tests and
// the host tools (tools/strata-run/model_file wraps a .tflite file read from disk in one).
//
// It owns the strata::Model view and the strata::Interpreter over a caller-provided arena (the
// firmware passes its BSP_ARENA array of kArenaBytes), loads and prepares once, copies a sample
// into the input tensor and reads the outputs back as real numbers. No heap, no board code: only
// the middleware's public API, so the same class runs on the host and on every board.
#pragma once

#include <stdint.h>

#include "strata/interpreter.hpp"
#include "strata/model.hpp"
#include "strata/profiler.hpp"
#include "strata/status.hpp"
#include "strata_models/model_info.hpp"

namespace strata_models {

class ModelSession {
 public:
  ModelSession(const ModelInfo& info, uint8_t* arena, uint32_t arena_bytes);
  ModelSession(const ModelSession&) = delete;
  ModelSession& operator=(const ModelSession&) = delete;

  // Loads the model and prepares the interpreter on the first call; later calls return the
  // status of that first attempt (a model that failed once fails the same way again). With a
  // counter, that first attempt is counted (prepare_count(), in counter->unit).
  const strata::Status& Prepare(const strata::CycleCounter* counter = nullptr);
  uint64_t prepare_count() const { return prepare_count_; }
  bool ready() const { return attempted_ && status_.ok(); }

  const ModelInfo& info() const { return *info_; }
  const strata::Model& model() const { return model_; }
  const strata::Interpreter& interpreter() const { return interpreter_; }
  // Host tools write inputs and invoke directly, with their own timing and profiling.
  strata::Interpreter& interpreter() { return interpreter_; }
  uint32_t arena_bytes() const { return arena_bytes_; }

  // Copies sample `k` into input 0; false when not ready, k is out of range or sizes differ.
  bool LoadSample(uint32_t k);
  // Runs the graph once; `profiler` (may be null) receives one event per executed operator.
  strata::Status Invoke(strata::Profiler* profiler);

  // Output `o` as real numbers: float32 as is, int8/uint8/int16 dequantized with the tensor's
  // scale and zero point. Out-of-range indices read as 0.
  uint32_t OutputElements(uint32_t o) const;
  float OutputValue(uint32_t o, uint32_t i) const;
  // Index of the largest element of output `o` (ties: the first), its value in *score; -1 when
  // the output is empty or the session is not ready.
  int32_t TopClass(uint32_t o, float* score) const;

 private:
  void PrepareOnce();  // load and prepare into status_
  const ModelInfo* info_;
  uint32_t arena_bytes_;
  strata::Model model_;
  strata::Interpreter interpreter_;
  strata::Status status_;
  bool attempted_ = false;
  uint64_t prepare_count_ = 0;
};

}  // namespace strata_models
