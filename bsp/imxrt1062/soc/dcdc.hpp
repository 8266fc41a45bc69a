// The RT1062's internal DCDC converter, which supplies VDD_SOC: the core voltage must be raised
// before the ARM clock is raised (and may be lowered only after it was lowered), IMXRT1060RM
// DCDC_REG3.
#pragma once

#include <cstdint>

namespace bsp::imxrt1062::dcdc {

inline constexpr uint32_t kMinMillivolts = 800;
inline constexpr uint32_t kMaxMillivolts = 1575;  // Teensy's cap; 1600 mV is the absolute maximum

// DCDC_REG3.TRG for a voltage: 800 mV + 25 mV per step, rounded up so the core never gets less.
constexpr uint32_t trg_for_millivolts(uint32_t millivolts) {
  if (millivolts <= kMinMillivolts) return 0;
  if (millivolts > kMaxMillivolts) millivolts = kMaxMillivolts;
  return (millivolts - kMinMillivolts + 24) / 25;
}

constexpr uint32_t millivolts_for_trg(uint32_t trg) { return kMinMillivolts + 25 * trg; }

// The voltage the DCDC is currently set to.
uint32_t target_millivolts();

// Gates the DCDC clock on, sets the target and waits (at most `max_polls` reads) for STS_DC_OK.
// Returns false on timeout: the caller must then not raise the clock.
bool set_millivolts(uint32_t millivolts, uint32_t max_polls);

}  // namespace bsp::imxrt1062::dcdc
