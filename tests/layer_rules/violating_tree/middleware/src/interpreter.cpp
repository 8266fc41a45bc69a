// middleware reaching into the board contract: forbidden
#include "strata/interpreter.hpp"

#include "bsp/board.hpp"
