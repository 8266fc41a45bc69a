// allowed: the contract, its own SoC layer, the Cortex-M layer, the C++ library
#include <cstdint>

#include "board_config.hpp"
#include "bsp/board.hpp"
#include "cortex_m/stack.hpp"
// forbidden: the runtime (by name, and through the header flatc generates from its schema), and the
// app by a relative path
#include "strata/interpreter.hpp"
#include "tflite_generated.h"
#include "../../../app/shell.hpp"
