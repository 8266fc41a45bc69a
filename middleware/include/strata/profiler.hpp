// Profiler: per-operator begin/end events from Interpreter::Invoke. An application subclasses it
// (e.g. to accumulate a per-layer table) and passes it to the interpreter; there is no global state
// and nothing in the interpreter is patched. The interpreter reads the caller's counter right
// before and after each kernel, so the reported count covers the kernel alone. Ops that never run
// (reshapes aliased to their input, constants folded at prepare) produce no events.
#pragma once

#include <stdint.h>

#include "strata/port.hpp"

namespace strata {

class Profiler {
 public:
  explicit Profiler(const CycleCounter& counter) : counter_(counter) {}

  const CycleCounter& counter() const { return counter_; }

  virtual void BeginOp(uint32_t op_index, const char* op_name) = 0;
  // `elapsed` is counter.now() after the kernel minus counter.now() before it, in counter.unit.
  virtual void EndOp(uint32_t op_index, const char* op_name, uint64_t elapsed) = 0;

 protected:
  ~Profiler() = default;  // never deleted through the interface (no heap)

 private:
  CycleCounter counter_;
};

}  // namespace strata
