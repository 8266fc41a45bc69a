#include "fmc_sdram.hpp"

#include "bsp/mmio.hpp"
#include "registers.hpp"

namespace bsp::stm32f7::fmc {
namespace {

namespace mmio = bsp::mmio;

// SDCMR command modes and target bit (bank 1 only) (RM0385 FMC_SDCMR).
constexpr uint32_t kModeClockEnable = 1;
constexpr uint32_t kModePrechargeAll = 2;
constexpr uint32_t kModeAutoRefresh = 3;
constexpr uint32_t kModeLoadMode = 4;
constexpr uint32_t kTargetBank1 = 1u << 4;

constexpr uint32_t kSdclkFieldShift = 10;
constexpr uint32_t kReadBurst = 1u << 12;

uint32_t sdcr_value(const SdramDevice& d, uint32_t divider) {
  const uint32_t columns = d.column_bits - 8u;  // NC [1:0]: 00 = 8 bits
  const uint32_t rows = d.row_bits - 11u;       // NR [3:2]: 00 = 11 bits
  const uint32_t width = d.bus_width_bits == 8 ? 0u : d.bus_width_bits == 16 ? 1u : 2u;
  const uint32_t banks = d.internal_banks == 4 ? 1u : 0u;  // NB b6
  // SDCLK [11:10] = divider (10 = /2, 11 = /3); read burst on, RPIPE 0 as in ST's set-up.
  return columns | (rows << 2) | (width << 4) | (banks << 6) | (uint32_t{d.cas_latency} << 7) |
         (divider << kSdclkFieldShift) | kReadBurst;
}

uint32_t sdtr_value(const SdramTiming& t) {
  // Each field holds cycles - 1.
  return (t.load_mode_to_active - 1u) | ((t.exit_self_refresh - 1u) << 4) |
         ((t.self_refresh - 1u) << 8) | ((t.row_cycle - 1u) << 12) |
         ((t.write_recovery - 1u) << 16) | ((t.row_precharge - 1u) << 20) |
         ((t.row_to_column - 1u) << 24);
}

bool command(uint32_t mode, uint32_t refreshes, uint32_t mode_register) {
  if (!mmio::wait_until(reg::kFmcSdsr, reg::kSdsrBusy, 0, kBusyMaxPolls)) return false;
  const uint32_t nrfs = refreshes > 0 ? refreshes - 1 : 0;
  mmio::write(reg::kFmcSdcmr, mode | kTargetBank1 | (nrfs << 5) | (mode_register << 9));
  return true;
}

}  // namespace

uint32_t refresh_count(uint32_t sdclk_hz, uint32_t refresh_period_ns) {
  const uint64_t cycles = static_cast<uint64_t>(sdclk_hz) * refresh_period_ns / 1000000000u;
  const uint32_t count = cycles > 20 ? static_cast<uint32_t>(cycles - 20) : 0;
  if (count < 41) return 41;
  return count > 0x1FFF ? 0x1FFF : count;
}

SdramPlan plan(const SdramDevice& device, uint32_t hclk_hz) {
  SdramPlan result{};
  for (uint32_t divider = 2; divider <= 3; ++divider) {
    if (hclk_hz / divider <= device.max_sdclk_hz) {
      result.valid = true;
      result.sdclk_divider = divider;
      result.sdclk_hz = hclk_hz / divider;
      result.refresh_count = refresh_count(result.sdclk_hz, device.refresh_period_ns);
      result.sdcr = sdcr_value(device, divider);
      result.sdtr = sdtr_value(device.timing);
      return result;
    }
  }
  return result;
}

SdramStatus init(const SdramDevice& device, const SdramPlan& plan, void (*delay_us)(uint32_t)) {
  if (!plan.valid) return SdramStatus::kClockTooHigh;
  mmio::write(reg::kFmcSdcr1, plan.sdcr);
  mmio::write(reg::kFmcSdtr1, plan.sdtr);
  if (!command(kModeClockEnable, 1, 0)) return SdramStatus::kBusyTimeout;
  delay_us(kPowerUpDelayUs);
  if (!command(kModePrechargeAll, 1, 0)) return SdramStatus::kBusyTimeout;
  if (!command(kModeAutoRefresh, device.auto_refresh_cycles, 0)) return SdramStatus::kBusyTimeout;
  if (!command(kModeLoadMode, 1, device.mode_register)) return SdramStatus::kBusyTimeout;
  if (!mmio::wait_until(reg::kFmcSdsr, reg::kSdsrBusy, 0, kBusyMaxPolls)) {
    return SdramStatus::kBusyTimeout;
  }
  mmio::write(reg::kFmcSdrtr, plan.refresh_count << 1);  // COUNT sits in bits [13:1]
  return SdramStatus::kOk;
}

const char* status_text(SdramStatus status) {
  switch (status) {
    case SdramStatus::kOk:
      return "ok";
    case SdramStatus::kClockTooHigh:
      return "HCLK too high for the SDRAM even at HCLK/3";
    case SdramStatus::kBusyTimeout:
      return "FMC stayed busy (command timeout)";
  }
  return "unknown";
}

}  // namespace bsp::stm32f7::fmc
