#include "pwr.hpp"

#include "bsp/mmio.hpp"
#include "peripheral_clock.hpp"
#include "registers.hpp"

namespace bsp::stm32f7::pwr {

namespace mmio = bsp::mmio;

void select_scale1() {
  enable_peripheral_clock(reg::kRccApb1enr, reg::kApb1enrPwr);
  mmio::modify(reg::kPwrCr1, reg::kPwrCr1VosMask, reg::kPwrCr1VosScale1);
}

bool wait_voltage_ready(uint32_t max_polls) {
  return mmio::wait_until(reg::kPwrCsr1, reg::kPwrCsr1Vosrdy, reg::kPwrCsr1Vosrdy, max_polls);
}

bool enable_overdrive(uint32_t max_polls) {
  mmio::set_bits(reg::kPwrCr1, reg::kPwrCr1Oden);
  if (!mmio::wait_until(reg::kPwrCsr1, reg::kPwrCsr1Odrdy, reg::kPwrCsr1Odrdy, max_polls)) {
    disable_overdrive();
    return false;
  }
  mmio::set_bits(reg::kPwrCr1, reg::kPwrCr1Odswen);
  if (!mmio::wait_until(reg::kPwrCsr1, reg::kPwrCsr1Odswrdy, reg::kPwrCsr1Odswrdy, max_polls)) {
    disable_overdrive();
    return false;
  }
  return true;
}

void disable_overdrive() {
  // Switch first, then the regulator, the reverse of the enable order.
  mmio::clear_bits(reg::kPwrCr1, reg::kPwrCr1Odswen);
  mmio::clear_bits(reg::kPwrCr1, reg::kPwrCr1Oden);
}

}  // namespace bsp::stm32f7::pwr
