// Brings the STM32F4 clock tree from its reset state (HSI 16 MHz, PLL off) to a board's ClockPlan,
// with every wait on the hardware bounded and a fallback at each step:
//   HSE not ready            -> PLL from the HSI (same target clock where the plan allows)
//   PLL / VOS / latency / switch fails -> SYSCLK stays on the HSI at 16 MHz
// The ART caches and prefetch are enabled on every path. QEMU's netduinoplus2 has no RCC model
// (registers read 0), so under QEMU the bring-up always ends on the HSI, and says so.
#pragma once

#include <cstdint>

#include "clock_plan.hpp"
#include "clock_result.hpp"

namespace bsp::stm32f4 {

// Poll limits of the bounded waits, in spaced polls (>= kMinCyclesPerPoll cycles each,
// spaced_wait.hpp): at 16 MHz the HSE gets >= 100 ms (ST's HSE_STARTUP_TIMEOUT), the PLL and the
// regulator >= 6 ms each (they need well under 1 ms), the clock switch >= 1 ms.
struct WaitBudget {
  uint32_t hse_polls = 16000;
  uint32_t pll_polls = 1000;
  uint32_t vos_polls = 1000;
  uint32_t switch_polls = 200;
};

// Runs the bring-up. Needs only registers and the stack (it runs in the early boot hook).
ClockResult bring_up_clocks(const ClockPlan& plan, const WaitBudget& budget = WaitBudget());

}  // namespace bsp::stm32f4
