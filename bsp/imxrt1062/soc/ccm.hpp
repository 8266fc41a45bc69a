// CCM clock gates and peripheral clock roots of the i.MX RT1062: turning a peripheral's clock on
// before its registers are used, and choosing the clocks that must not follow the core clock.
#pragma once

#include "bsp/mmio.hpp"
#include "imxrt1062_registers.hpp"

namespace bsp::imxrt1062::ccm {

// Sets the gate's two CCGR bits to 11 (on in run and wait modes, IMXRT1060RM CCM_CCGRn) and reads
// the register back, so the write has reached the CCM before the peripheral is touched.
inline void gate_on(const reg::Gate& gate) {
  const uintptr_t ccgr = reg::ccm_ccgr(gate.ccgr);
  mmio::set_bits(ccgr, reg::kCcgrOn << gate.shift);
  (void)mmio::read(ccgr);
}

// UART_CLK_ROOT = 24 MHz oscillator / 1 (Teensy's choice, CCM_CSCDR1): the console baud rate then
// stays exact whatever clock profile the core runs.
inline constexpr uint32_t kUartRootHz = reg::kOscHz;
inline void select_uart_root_osc() {
  mmio::modify(reg::kCcmCscdr1, reg::kCscdr1UartClkSelOsc | reg::kCscdr1UartClkPodfMask,
               reg::kCscdr1UartClkSelOsc);
}

}  // namespace bsp::imxrt1062::ccm
