// the middleware talks to no board, and a generated model is not its business
#include "strata/interpreter.hpp"

#include "bsp/board.hpp"
#include "strata_model.hpp"
