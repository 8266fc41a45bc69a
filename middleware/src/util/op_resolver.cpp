// Kernel lookup by builtin code and version (see strata/op_resolver.hpp). Linear scans: resolvers
// hold a few dozen entries and lookups happen only at prepare time.
#include "strata/op_resolver.hpp"

namespace strata {

const Kernel* OpResolver::FindOwn(int32_t builtin_code, int32_t version) const {
  for (uint32_t i = 0; i < count_; ++i) {
    const OpRegistration& e = entries_[i];
    if (e.builtin_code == builtin_code && version >= e.min_version && version <= e.max_version) {
      return e.kernel;
    }
  }
  return nullptr;
}

const Kernel* OpResolver::Find(int32_t builtin_code, int32_t version) const {
  for (const OpResolver* r = this; r != nullptr; r = r->fallback_) {
    const Kernel* k = r->FindOwn(builtin_code, version);
    if (k != nullptr) return k;
  }
  return nullptr;
}

const OpRegistration* OpResolver::FindAnyVersion(int32_t builtin_code) const {
  for (const OpResolver* r = this; r != nullptr; r = r->fallback_) {
    for (uint32_t i = 0; i < r->count_; ++i) {
      if (r->entries_[i].builtin_code == builtin_code) return &r->entries_[i];
    }
  }
  return nullptr;
}

}  // namespace strata
