// The backend table of strata-run (see backends.hpp).
#include "backends.hpp"

#include "kernel.hpp"

namespace strata {
namespace kernels {
namespace reference {
const Registry& registry();
}
#if defined(STRATA_HAVE_OPTIMIZED)
namespace optimized {
const Registry& registry();
}
#endif
}  // namespace kernels
}  // namespace strata

namespace strata_run {
namespace {

struct Backend {
  const char* name;
  const strata::OpResolver* resolver;
};

const std::vector<Backend>& Backends() {
  using strata::kernels::Registry;
  static const Registry& reference = strata::kernels::reference::registry();
#if defined(STRATA_HAVE_OPTIMIZED)
  static const Registry& opt = strata::kernels::optimized::registry();
  static const strata::OpResolver optimized(opt.entries(), opt.count(), &reference);
#endif
  static const std::vector<Backend> backends = {
    {"reference", &reference},
#if defined(STRATA_HAVE_OPTIMIZED)
    {"optimized", &optimized},
#endif
  };
  return backends;
}

}  // namespace

const strata::OpResolver* FindBackend(const std::string& name) {
  for (const Backend& b : Backends()) {
    if (name == b.name) return b.resolver;
  }
  return nullptr;
}

std::vector<std::string> BackendNames() {
  std::vector<std::string> names;
  for (const Backend& b : Backends()) names.push_back(b.name);
  return names;
}

}  // namespace strata_run
