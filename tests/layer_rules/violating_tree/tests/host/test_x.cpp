// host tests must not depend on a board
#include <bsp/console.hpp>

#include "strata/interpreter.hpp"
