// host tests may use the app, never a board
#include <bsp/console.hpp>

#include "shell.hpp"
#include "strata/interpreter.hpp"
