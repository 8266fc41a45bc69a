// OpResolver: maps a TensorFlow Lite builtin operator (code + version) to the kernel that runs it.
// A resolver is a plain table of registrations, so a firmware can build one from a small static
// array listing only the ops its model uses, and a backend (reference, optimized) can expose its
// full table. An optional fallback resolver is searched when an op is missing, which is how the
// optimized backend falls back to the reference kernels.
#pragma once

#include <stdint.h>

namespace strata {

struct Kernel;  // strata kernels/kernel.hpp

struct OpRegistration {
  int32_t builtin_code;  // tflite::BuiltinOperator value
  int32_t min_version;   // inclusive range of operator versions the kernel implements
  int32_t max_version;
  const Kernel* kernel;
};

class OpResolver {
 public:
  constexpr OpResolver(const OpRegistration* entries, uint32_t count,
                       const OpResolver* fallback = nullptr)
      : entries_(entries), count_(count), fallback_(fallback) {}

  // The kernel for this op and version, or nullptr.
  const Kernel* Find(int32_t builtin_code, int32_t version) const;
  // The registration for this op regardless of version (to tell "unknown op" from "wrong version"),
  // or nullptr.
  const OpRegistration* FindAnyVersion(int32_t builtin_code) const;

  const OpRegistration* entries() const { return entries_; }
  uint32_t count() const { return count_; }
  const OpResolver* fallback() const { return fallback_; }

 private:
  const OpRegistration* entries_;
  uint32_t count_;
  const OpResolver* fallback_;
};

// Name of a builtin operator as in the TensorFlow Lite schema, e.g. "CONV_2D"; "UNKNOWN" when out
// of the known range.
const char* OpName(int32_t builtin_code);

}  // namespace strata
