// The kernels backend the conformance runner firmware is linked with (one source per backend).
#pragma once

#include "strata/op_resolver.hpp"

const strata::OpResolver& conformance_backend();
const char* conformance_backend_name();
