#include "clock_result.hpp"

namespace bsp::stm32f4 {

const char* clock_note(uint32_t failures) {
  // Which step stopped the PLL path decides where SYSCLK ended; whether the HSE failed first only
  // changes the wording. Constant strings only: this runs before .data exists.
  const bool hse = (failures & kHseNotReady) != 0;
  if (failures & kPllNotReady) {
    return hse ? "HSE and PLL not ready: HSI 16 MHz fallback"
               : "PLL not ready: HSI 16 MHz fallback";
  }
  if (failures & kVosNotReady) {
    return hse ? "HSE not ready, voltage scaling not ready: HSI 16 MHz fallback"
               : "voltage scaling not ready: HSI 16 MHz fallback";
  }
  if (failures & kLatencyRejected) {
    return hse ? "HSE not ready, flash latency not accepted: HSI 16 MHz fallback"
               : "flash latency not accepted: HSI 16 MHz fallback";
  }
  if (failures & kSwitchNotConfirmed) {
    return hse ? "HSE not ready, switch to PLL not confirmed: HSI 16 MHz fallback"
               : "switch to PLL not confirmed: HSI 16 MHz fallback";
  }
  return hse ? "HSE not ready: PLL runs from the HSI" : "";
}

const char* source_name(SysclkSource source) {
  switch (source) {
    case SysclkSource::kPllFromHse:
      return "PLL from HSE";
    case SysclkSource::kPllFromHsi:
      return "PLL from HSI";
    case SysclkSource::kHsi:
      return "HSI";
  }
  return "?";
}

}  // namespace bsp::stm32f4
