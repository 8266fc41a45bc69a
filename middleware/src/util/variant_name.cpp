// Names of the kernel variants (see kernels/kernel.hpp): the op manifest's spelling.
#include "kernel.hpp"

namespace strata {

const char* VariantName(Variant v) {
  static const char* const kNames[kNumVariants] = {
      "none",  "float32", "int8",   "int16", "int32",   "int64",  "uint8",
      "bool",  "hybrid",  "int4",   "float16", "uint32", "any"};
  const uint32_t i = static_cast<uint32_t>(v);
  return i < kNumVariants ? kNames[i] : "none";
}

}  // namespace strata
