#include "strata_models/model_session.hpp"
// host tools never include board code
#include "bsp/console.hpp"
