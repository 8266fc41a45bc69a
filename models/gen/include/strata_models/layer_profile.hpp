// LayerProfile: a strata::Profiler that keeps one count per operator, for per-layer tables.
//
// The caller provides the record array (one per operator of the model, e.g. a static array of
// the generated kNumOps), so there is no heap. Counts are in the counter's unit ("cycles" or
// "instructions"). Operators the interpreter never runs (reshapes aliased to their input,
// constants folded at prepare) keep ran == false.
#pragma once

#include <stdint.h>

#include "strata/profiler.hpp"

namespace strata_models {

struct LayerRecord {
  uint64_t count;
  bool ran;
};

class LayerProfile final : public strata::Profiler {
 public:
  LayerProfile(const strata::CycleCounter& counter, LayerRecord* records, uint32_t capacity)
      : strata::Profiler(counter), records_(records), capacity_(capacity) {}

  // Clears every record (call before each profiled Invoke).
  void Reset();

  void BeginOp(uint32_t op_index, const char* op_name) override;
  void EndOp(uint32_t op_index, const char* op_name, uint64_t elapsed) override;

  uint32_t capacity() const { return capacity_; }
  const LayerRecord& record(uint32_t op_index) const;
  // Sum over the operators that ran.
  uint64_t total() const;
  // Events for operators beyond the capacity (they are counted in total() but not per op).
  uint32_t dropped() const { return dropped_; }

 private:
  LayerRecord* records_;
  uint32_t capacity_;
  uint64_t overflow_count_ = 0;
  uint32_t dropped_ = 0;
};

}  // namespace strata_models
