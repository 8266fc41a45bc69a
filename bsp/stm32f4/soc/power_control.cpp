#include "power_control.hpp"

#include "bsp/mmio.hpp"
#include "rcc.hpp"
#include "spaced_wait.hpp"
#include "stm32f4_registers.hpp"

namespace bsp::stm32f4::power {

void select_scale1(VosField field) {
  rcc::enable_clock(reg::kRccApb1enr, reg::kApb1PwrEn);
  mmio::modify(reg::kPwrCr, vos_mask(field), vos_scale1_bits(field));
}

bool wait_scale_ready(uint32_t max_polls) {
  return wait_spaced(reg::kPwrCsr, reg::kPwrCsrVosRdy, reg::kPwrCsrVosRdy, max_polls);
}

}  // namespace bsp::stm32f4::power
