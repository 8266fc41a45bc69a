// The sequence follows ST's order (RM0090 / RM0383 RCC, as ST's HAL does it, without the F7's
// over-drive): voltage scale, oscillator, PLL, wait states raised and read back before the clock
// goes up, APB dividers at /16 during the switch, then their final values.
#include "clock_bringup.hpp"

#include "bsp/mmio.hpp"
#include "flash_interface.hpp"
#include "power_control.hpp"
#include "spaced_wait.hpp"
#include "stm32f4_registers.hpp"

namespace bsp::stm32f4 {
namespace {

constexpr uint32_t kRevisionA = 0x1000;

// Starts the HSE (bypass first: HSEBYP may only change while HSEON is 0). On timeout the oscillator
// is switched off again so a half-started crystal is not left running.
bool start_hse(const ClockPlan& plan, uint32_t max_polls) {
  if (plan.hse_bypass) mmio::set_bits(reg::kRccCr, reg::kCrHseByp);
  mmio::set_bits(reg::kRccCr, reg::kCrHseOn);
  if (wait_spaced(reg::kRccCr, reg::kCrHseRdy, reg::kCrHseRdy, max_polls)) return true;
  mmio::clear_bits(reg::kRccCr, reg::kCrHseOn);
  mmio::clear_bits(reg::kRccCr, reg::kCrHseByp);
  return false;
}

uint32_t final_apb_bits(const ClockPlan& plan) {
  return (apb_prescaler_code(plan.apb1_divider) << reg::kCfgrPpre1Shift) |
         (apb_prescaler_code(plan.apb2_divider) << reg::kCfgrPpre2Shift);
}

bool switch_to_pll(const ClockPlan& plan, uint32_t max_polls) {
  constexpr uint32_t kApbMask = reg::kCfgrPpre1Mask | reg::kCfgrPpre2Mask;
  // /16 on both APBs while SYSCLK jumps, so neither bus exceeds its limit for a moment.
  mmio::modify(reg::kRccCfgr, kApbMask, reg::kCfgrPpre1Mask | reg::kCfgrPpre2Mask);
  mmio::modify(reg::kRccCfgr, reg::kCfgrHpreMask,
               ahb_prescaler_code(plan.ahb_divider) << reg::kCfgrHpreShift);
  mmio::modify(reg::kRccCfgr, reg::kCfgrSwMask, reg::kCfgrSwPll);
  if (!wait_spaced(reg::kRccCfgr, reg::kCfgrSwsMask, reg::kCfgrSwsPll, max_polls)) return false;
  mmio::modify(reg::kRccCfgr, kApbMask, final_apb_bits(plan));
  return true;
}

// Back to the reset clock: SYSCLK = HSI, all dividers /1, PLL off. Wait states stay as they are:
// more than needed is safe at 16 MHz.
void stay_on_hsi() {
  mmio::modify(reg::kRccCfgr, reg::kCfgrSwMask, reg::kCfgrSwHsi);
  mmio::clear_bits(reg::kRccCfgr, reg::kCfgrHpreMask | reg::kCfgrPpre1Mask | reg::kCfgrPpre2Mask);
  mmio::clear_bits(reg::kRccCr, reg::kCrPllOn);
}

// Starts the PLL and moves SYSCLK to it; returns the ClockFailure bit of the step that failed, or
// 0.
uint32_t run_pll_path(const ClockPlan& plan, const PllSettings& pll, bool from_hse,
                      const WaitBudget& budget) {
  mmio::modify(reg::kRccPllcfgr, reg::kPllcfgrFieldsMask, pllcfgr_fields(pll, from_hse));
  mmio::set_bits(reg::kRccCr, reg::kCrPllOn);
  if (!wait_spaced(reg::kRccCr, reg::kCrPllRdy, reg::kCrPllRdy, budget.pll_polls)) {
    return kPllNotReady;
  }
  if (plan.wait_vos_ready && !power::wait_scale_ready(budget.vos_polls)) return kVosNotReady;
  if (!flash::set_latency(plan.flash_latency)) return kLatencyRejected;
  if (!switch_to_pll(plan, budget.switch_polls)) return kSwitchNotConfirmed;
  return 0;
}

bool prefetch_allowed(PrefetchPolicy policy) {
  if (policy == PrefetchPolicy::kAlways) return true;
  // REV_ID reads 0 where DBGMCU_IDCODE is not readable without a debugger; that is treated like
  // revision A, i.e. prefetch stays off, because the revision is unknown.
  const uint32_t revision = mmio::read(reg::kDbgmcuIdcode) >> 16;
  return revision != kRevisionA && revision != 0;
}

}  // namespace

ClockResult bring_up_clocks(const ClockPlan& plan, const WaitBudget& budget) {
  ClockResult result{kHsiHz, kHsiHz, kHsiHz, kHsiHz, SysclkSource::kHsi, 0, 0, false};
  power::select_scale1(plan.vos_field);

  bool from_hse = false;
  if (plan.hse_hz != 0) {
    from_hse = start_hse(plan, budget.hse_polls);
    if (!from_hse) result.failures |= kHseNotReady;
  }
  const PllSettings& pll = from_hse ? plan.pll_hse : plan.pll_hsi;
  const uint32_t failure = run_pll_path(plan, pll, from_hse, budget);
  if (failure != 0) {
    result.failures |= failure;
    stay_on_hsi();
  } else {
    result.source = from_hse ? SysclkSource::kPllFromHse : SysclkSource::kPllFromHsi;
    result.sysclk_hz = pll_output_hz(from_hse ? plan.hse_hz : kHsiHz, pll);
    result.hclk_hz = result.sysclk_hz / plan.ahb_divider;
    result.pclk1_hz = result.hclk_hz / plan.apb1_divider;
    result.pclk2_hz = result.hclk_hz / plan.apb2_divider;
  }
  result.prefetch = prefetch_allowed(plan.prefetch);
  flash::enable_accelerator(result.prefetch);
  result.flash_latency = mmio::read(reg::kFlashAcr) & reg::kAcrLatencyMask;
  return result;
}

}  // namespace bsp::stm32f4
