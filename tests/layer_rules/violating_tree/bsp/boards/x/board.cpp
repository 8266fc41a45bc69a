// bsp/ reaching into the middleware public API: forbidden
#include "strata/interpreter.hpp"
// bsp/ reaching into the app by relative path: forbidden
#include "../../../app/shell.hpp"
#include "bsp/board.hpp"
