// OpResolver: maps a TensorFlow Lite builtin operator (code + version) to the kernel that runs it.
// A resolver is a plain table of registrations, so a firmware can build one from a small static
// array listing only the ops its model uses, and a backend (reference, optimized) can expose its
// full table. An optional fallback resolver is searched when an op is missing, which is how the
// optimized backend falls back to the reference kernels.
#pragma once

#include <stdint.h>

namespace strata {

struct Kernel;  // strata kernels/kernel.hpp

// The type variants of an op's kernels: which invoke function runs an operator, chosen by its
// prepare() from the operand types. The manifest names them in lower case ("int8", "hybrid").
enum class Variant : uint8_t {
  kNone = 0,  // not chosen (prepare must set one)
  kFloat32,
  kInt8,
  kInt16,  // int16 activations (with int8 weights for the ops that have weights: "16x8")
  kInt32,
  kInt64,
  kUInt8,
  kBool,
  kHybrid,   // float32 activations, int8 weights quantized on the fly
  kInt4,     // int8 activations, int4 weights (two a byte)
  kFloat16,  // float32 activations, float16 weights read directly
  kUInt32,
  kAny,  // type-agnostic data movement (copies elements of any size)
};
constexpr uint32_t kNumVariants = static_cast<uint32_t>(Variant::kAny) + 1;
static_assert(kNumVariants <= 32, "OpCall::kernel_bits holds 5 bits of variant");

// "int8", "float32", ...; "none" for kNone and out-of-range values.
const char* VariantName(Variant v);

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

  // The kernel for this op and version in this resolver or its fallbacks, or nullptr.
  const Kernel* Find(int32_t builtin_code, int32_t version) const;
  // The same in this resolver's own entries only (the interpreter walks the fallbacks itself: a
  // kernel that lacks the variant an operator needs hands it to the next resolver).
  const Kernel* FindOwn(int32_t builtin_code, int32_t version) const;
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
