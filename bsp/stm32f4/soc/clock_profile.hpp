// Picks the board's clock plan for the configured clock profile (STRATA_CLOCK_PROFILE, carried in
// strata_config::kClockProfile). The build already rejects unknown profiles (board.cmake lists
// them), so the first plan is only a safety net.
#pragma once

#include <cstddef>

#include "clock_plan.hpp"

namespace bsp::stm32f4 {

// The plan whose `profile` equals `name`, else plans[0]. No library calls: runs in the early hook.
const ClockPlan& select_plan(const ClockPlan* plans, std::size_t count, const char* name);

}  // namespace bsp::stm32f4
