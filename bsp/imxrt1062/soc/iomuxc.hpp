// Pad routing of the i.MX RT1062 (IOMUXC): which peripheral signal drives a pad, the pad's
// electrical settings, and the daisy-chain input select that tells the peripheral which pad its
// input comes from (IMXRT1060RM, IOMUXC SELECT_INPUT registers).
#pragma once

#include <cstdint>

namespace bsp::imxrt1062::iomuxc {

struct PadRoute {
  uintptr_t mux;           // SW_MUX_CTL_PAD_x
  uint32_t alt;            // ALT function number
  uintptr_t pad;           // SW_PAD_CTL_PAD_x
  uint32_t pad_settings;   // drive strength, slew, pulls, hysteresis
  uintptr_t select_input;  // <peripheral>_<signal>_SELECT_INPUT (daisy chain)
  uint32_t daisy;          // which pad feeds that input
};

// Gates the IOMUXC clocks on, then writes pad settings, mux and daisy select of `route`.
void apply(const PadRoute& route);

// Teensy 4.0 pins 14 (TX) and 15 (RX): GPIO_AD_B1_02/03 as LPUART2 (ALT2), Teensy's pad values.
extern const PadRoute kLpuart2TxPin14;
extern const PadRoute kLpuart2RxPin15;

}  // namespace bsp::imxrt1062::iomuxc
