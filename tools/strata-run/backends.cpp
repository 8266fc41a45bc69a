// The backend table of strata-run (see backends.hpp).
#include "backends.hpp"

#include "reference/registry.hpp"
#if defined(STRATA_HAVE_OPTIMIZED)
#include "optimized/registry.hpp"
#endif

namespace strata_run {
namespace {

struct Backend {
  const char* name;
  const strata::OpResolver* resolver;
};

const Backend kBackends[] = {
    {"reference", &strata::kernels::reference::registry()},
#if defined(STRATA_HAVE_OPTIMIZED)
    {"optimized", &strata::kernels::optimized::registry()},
#endif
};

}  // namespace

const strata::OpResolver* FindBackend(const std::string& name) {
  for (const Backend& b : kBackends) {
    if (name == b.name) return b.resolver;
  }
  return nullptr;
}

std::vector<std::string> BackendNames() {
  std::vector<std::string> names;
  for (const Backend& b : kBackends) names.push_back(b.name);
  return names;
}

// Every backend's fallback holds reference kernels (the generated registries say so).
std::vector<std::string> BackendChain(const std::string& name) {
  std::vector<std::string> chain;
  for (const strata::OpResolver* r = FindBackend(name); r != nullptr; r = r->fallback()) {
    chain.push_back(chain.empty() ? name : "reference");
  }
  return chain;
}

}  // namespace strata_run
