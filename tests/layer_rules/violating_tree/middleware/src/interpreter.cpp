// middleware reaching into the board contract: forbidden
#include "bsp/board.hpp"
#include "strata/interpreter.hpp"
