#include "iwdg.hpp"

#include "bsp/mmio.hpp"

namespace bsp::stm32::iwdg {

static_assert(plan(kMaxTimeoutMs).valid && !plan(kMaxTimeoutMs + 1).valid,
              "kMaxTimeoutMs must be the longest timeout plan() accepts");

// Order. PR and RLR are copied into the LSI clock domain, and PVU/RVU only clear once that copy is
// done, so the LSI is switched on first (RCC_CSR.LSION) instead of relying on the start key to
// force it on. RM0385 lists the start key first; starting last is as valid (the 0x5555 unlock does
// not need a running counter, RM0090 21.3.2) and keeps a failed update from leaving a started
// watchdog with unknown settings. The start loads 0xFFF, not RLR (RM0090 21.3), so a reload
// follows at once and the first period is the configured one.
StartResult start(const Plan& timeout, const WaitBudget& budget) {
  mmio::set_bits(kRccCsr, kCsrLsiOn);
  if (!mmio::wait_until(kRccCsr, kCsrLsiRdy, kCsrLsiRdy, budget.lsi_ready_polls)) {
    return StartResult::kLsiNotReady;
  }
  mmio::set_bits(kDbgmcuApb1Fz, kDbgIwdgStop);
  mmio::write(kKr, kKeyUnlock);
  mmio::write(kPr, timeout.pr);
  mmio::write(kRlr, timeout.rlr);
  if (!mmio::wait_until(kSr, kSrPvu | kSrRvu, 0, budget.update_polls)) {
    return StartResult::kUpdateTimeout;
  }
  mmio::write(kKr, kKeyStart);
  mmio::write(kKr, kKeyReload);
  return StartResult::kStarted;
}

void kick() { mmio::write(kKr, kKeyReload); }

bool take_reset_flag() {
  const bool watchdog = (mmio::read(kRccCsr) & kCsrIwdgRstf) != 0;
  mmio::set_bits(kRccCsr, kCsrRmvf);
  return watchdog;
}

const char* result_text(StartResult result) {
  switch (result) {
    case StartResult::kStarted:
      return "";
    case StartResult::kLsiNotReady:
      return "LSI did not start: IWDG not started";
    case StartResult::kUpdateTimeout:
      return "IWDG prescaler/reload did not update: IWDG not started";
  }
  return "";
}

}  // namespace bsp::stm32::iwdg
