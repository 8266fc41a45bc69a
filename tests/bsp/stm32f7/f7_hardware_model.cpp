#include "f7_hardware_model.hpp"

#include "fake_mmio.hpp"
#include "registers.hpp"

namespace f7_test {

namespace reg = bsp::stm32f7::reg;

void install(const HardwareModel& model) {
  fake_mmio::reset();
  fake_mmio::preset(reg::kRccCr, 0x00000083);       // HSION, HSIRDY, HSITRIM = 16
  fake_mmio::preset(reg::kRccPllcfgr, 0x24003010);  // reset value (RM0385 RCC_PLLCFGR)
  fake_mmio::preset(reg::kRccAhb1enr, 0x00100000);  // DTCMRAMEN
  fake_mmio::preset(reg::gpio_port(reg::kPortA) + reg::kGpioModer, 0xA8000000);  // SWD pins
  fake_mmio::preset(reg::gpio_port(reg::kPortB) + reg::kGpioModer, 0x00000280);
  fake_mmio::ready_after(reg::kRccCr, reg::kCrHseOn, reg::kRccCr, reg::kCrHseRdy, model.hse_reads);
  fake_mmio::ready_after(reg::kRccCr, reg::kCrPllOn, reg::kRccCr, reg::kCrPllRdy, model.pll_reads);
  fake_mmio::ready_after(reg::kRccCr, reg::kCrPllOn, reg::kPwrCsr, reg::kPwrCsrVosRdy,
                         model.vos_reads);
  fake_mmio::ready_after(reg::kPwrCr, reg::kPwrCrOdEn, reg::kPwrCsr, reg::kPwrCsrOdRdy,
                         model.od_reads);
  fake_mmio::ready_after(reg::kPwrCr, reg::kPwrCrOdSwEn, reg::kPwrCsr, reg::kPwrCsrOdSwRdy,
                         model.odsw_reads);
  const bool switch_works = model.pll_switch_works;
  fake_mmio::on_read(reg::kRccCfgr, [switch_works](uint32_t stored) {
    uint32_t sw = stored & reg::kCfgrSwMask;
    if (sw == reg::kCfgrSwPll && !switch_works) sw = reg::kCfgrSwHsi;
    return (stored & ~reg::kCfgrSwsMask) | (sw << 2);
  });
  const uint32_t max_latency = model.max_latency;
  fake_mmio::on_write(reg::kFlashAcr, [max_latency](uint32_t written) {
    const uint32_t latency = written & reg::kAcrLatencyMask;
    if (latency <= max_latency) return written;
    return (written & ~reg::kAcrLatencyMask) | max_latency;
  });
}

int first_read(uintptr_t address, uint32_t mask, uint32_t expected) {
  const auto& log = fake_mmio::log();
  for (size_t i = 0; i < log.size(); ++i) {
    if (!log[i].is_write && log[i].address == address && (log[i].value & mask) == expected) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

int read_count(uintptr_t address) {
  int count = 0;
  for (const auto& access : fake_mmio::log()) {
    if (!access.is_write && access.address == address) ++count;
  }
  return count;
}

}  // namespace f7_test
