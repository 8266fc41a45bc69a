// The clock state the early boot hook recorded, for the board's own shell commands (`clocks`).
#pragma once

#include "clock_plan.hpp"
#include "clock_result.hpp"

namespace bsp::stm32f4 {

const ClockResult& clock_result();
const ClockPlan& clock_plan();

}  // namespace bsp::stm32f4
