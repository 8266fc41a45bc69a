// The STM32F7 boards' console (the USART of the board's kBoardConfig) and cycle counter (DWT CYCCNT
// at the core clock).
#include "board_config.hpp"
#include "bsp/console.hpp"
#include "bsp/cycle_counter.hpp"
#include "bsp/memory.hpp"
#include "cortex_m/dwt.hpp"
#include "usart.hpp"

namespace bsp {

namespace console {

void write(const char* data, std::size_t length) {
  const stm32f7::usart::Port& port = *stm32f7::kBoardConfig.console;
  for (std::size_t i = 0; i < length; ++i) stm32f7::usart::put(port, data[i]);
}

int read_byte() { return stm32f7::usart::get(*stm32f7::kBoardConfig.console); }

}  // namespace console

namespace cycle_counter {

// cortex_m::dwt::start() writes the lock access register first: without it the F7's DWT ignores the
// enable while no debugger is attached (DWT_LAR, the CoreSight lock access register: Cortex-M7
// TRM).
void start() { cortex_m::dwt::start(); }

// In ITCM: called around every operator, so its own fetch time stays constant (no cache misses).
BSP_FAST_CODE uint64_t now() { return cortex_m::dwt::now(); }

const char* unit() { return "cycles"; }

bool counts_cycles() { return true; }

}  // namespace cycle_counter
}  // namespace bsp
