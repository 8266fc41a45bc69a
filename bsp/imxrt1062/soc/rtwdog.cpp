#include "rtwdog.hpp"

#include "bsp/memory.hpp"
#include "bsp/mmio.hpp"
#include "ccm.hpp"
#include "cortex_m/interrupts.hpp"

namespace bsp::imxrt1062::rtwdog {

static_assert(plan(kMaxTimeoutMs).valid && !plan(kMaxTimeoutMs + 1).valid,
              "kMaxTimeoutMs must be the longest timeout plan() accepts");

namespace {

// Everything between the unlock word and the CS write happens here, with interrupts masked: the
// configuration window is 128 bus clocks, a few hundred core cycles. From ITCM and with the values
// in registers, so no flash fetch (a FlexSPI cache line fill takes about that long) falls inside.
BSP_FAST_CODE bool unlock_and_configure(uint32_t toval, uint32_t control) {
  cortex_m::InterruptsOff masked;
  if (mmio::read(reg::kRtwdogCs) & reg::kRtwdogCsCmd32en) {
    mmio::write(reg::kRtwdogCnt, reg::kRtwdogUnlockKey);
  } else {
    mmio::write(reg::kRtwdogCnt, reg::kRtwdogUnlockKey & 0xFFFF);
    mmio::write(reg::kRtwdogCnt, reg::kRtwdogUnlockKey >> 16);
  }
  if (!mmio::wait_until(reg::kRtwdogCs, reg::kRtwdogCsUlk, reg::kRtwdogCsUlk, kUnlockPolls)) {
    return false;
  }
  mmio::write(reg::kRtwdogToval, toval);
  mmio::write(reg::kRtwdogWin, 0);
  mmio::write(reg::kRtwdogCs, control);
  return true;
}

}  // namespace

StartResult start(const Plan& timeout) {
  ccm::gate_on(reg::kGateWdog3);
  if (!unlock_and_configure(timeout.toval, control_value(timeout))) {
    return StartResult::kUnlockRefused;
  }
  if (!mmio::wait_until(reg::kRtwdogCs, reg::kRtwdogCsRcs, reg::kRtwdogCsRcs, kReconfigurePolls)) {
    return StartResult::kNotReconfigured;
  }
  return StartResult::kStarted;
}

void kick() { mmio::write(reg::kRtwdogCnt, reg::kRtwdogRefreshKey); }

bool take_reset_flag() {
  const uint32_t flags = mmio::read(reg::kSrcSrsr) & (reg::kSrsrWdog3RstB | reg::kSrsrWdogRstB);
  if (flags != 0) mmio::write(reg::kSrcSrsr, flags);  // write 1 to clear only these flags
  return flags != 0;
}

const char* result_text(StartResult result) {
  switch (result) {
    case StartResult::kStarted:
      return "";
    case StartResult::kUnlockRefused:
      return "RTWDOG refused the unlock: not reconfigured";
    case StartResult::kNotReconfigured:
      return "RTWDOG configuration did not take effect";
  }
  return "";
}

}  // namespace bsp::imxrt1062::rtwdog
