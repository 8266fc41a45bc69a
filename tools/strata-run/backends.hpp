// Kernel backends strata-run can use, by name ("reference", "optimized").
#pragma once

#include <string>
#include <vector>

#include "strata/op_resolver.hpp"

namespace strata_run {

// The resolver for a backend, or nullptr if it is not built in. An optimized backend falls back to
// the reference kernels for ops it lacks.
const strata::OpResolver* FindBackend(const std::string& name);
std::vector<std::string> BackendNames();
// The names along a backend's fallback chain, e.g. {"optimized", "reference"}: entry d names the
// resolver at depth d (Interpreter::op_resolver_depth).
std::vector<std::string> BackendChain(const std::string& name);

}  // namespace strata_run
