#include "backend.hpp"
#include "reference/registry.hpp"

const strata::OpResolver& conformance_backend() { return strata::kernels::reference::registry(); }
const char* conformance_backend_name() { return "reference"; }
