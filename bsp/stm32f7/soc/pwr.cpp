#include "pwr.hpp"

#include "bsp/mmio.hpp"
#include "peripheral_clock.hpp"
#include "registers.hpp"

namespace bsp::stm32f7::pwr {

namespace mmio = bsp::mmio;

void select_scale1() {
  enable_peripheral_clock(reg::kRccApb1enr, reg::kApb1PwrEn);
  mmio::modify(reg::kPwrCr, reg::kPwrCrVosMask, reg::kPwrCrVosScale1);
}

bool wait_voltage_ready(uint32_t max_polls) {
  return mmio::wait_until(reg::kPwrCsr, reg::kPwrCsrVosRdy, reg::kPwrCsrVosRdy, max_polls);
}

bool enable_overdrive(uint32_t max_polls) {
  mmio::set_bits(reg::kPwrCr, reg::kPwrCrOdEn);
  if (!mmio::wait_until(reg::kPwrCsr, reg::kPwrCsrOdRdy, reg::kPwrCsrOdRdy, max_polls)) {
    disable_overdrive();
    return false;
  }
  mmio::set_bits(reg::kPwrCr, reg::kPwrCrOdSwEn);
  if (!mmio::wait_until(reg::kPwrCsr, reg::kPwrCsrOdSwRdy, reg::kPwrCsrOdSwRdy, max_polls)) {
    disable_overdrive();
    return false;
  }
  return true;
}

void disable_overdrive() {
  // Switch first, then the regulator, the reverse of the enable order.
  mmio::clear_bits(reg::kPwrCr, reg::kPwrCrOdSwEn);
  mmio::clear_bits(reg::kPwrCr, reg::kPwrCrOdEn);
}

}  // namespace bsp::stm32f7::pwr
