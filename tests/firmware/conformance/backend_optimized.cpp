#include "backend.hpp"
#include "optimized/registry.hpp"

const strata::OpResolver& conformance_backend() { return strata::kernels::optimized::registry(); }
const char* conformance_backend_name() { return "optimized"; }
