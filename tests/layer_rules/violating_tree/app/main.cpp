// allowed: the runtime, the contract, a header no layer owns
#include "bsp/board.hpp"
#include "strata/interpreter.hpp"
#include "strata_config.hpp"
// forbidden: past the contract, a layer it does not declare, a board's generated header
#include "cortex_m/stack.hpp"
#include "strata_models/model_session.hpp"
#include "board_config.hpp"
