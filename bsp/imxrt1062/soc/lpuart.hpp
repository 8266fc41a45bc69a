// The i.MX RT1062 LPUART as a polled console: 8N1, FIFOs on, no interrupts (IMXRT1060RM LPUART).
//
// The baud divider search is Teensy's: for every oversampling ratio 4..32 take the nearest SBR and
// keep the last setting with the lowest error. At the 24 MHz UART clock root and 115200 Bd that is
// OSR 26, SBR 8 (BAUD = 0x19000008, +0.16 %).
#pragma once

#include <cstdint>

namespace bsp::imxrt1062::lpuart {

struct BaudSetting {
  uint32_t osr;  // oversampling ratio 4..32
  uint32_t sbr;  // 1..8191
};

constexpr uint32_t abs_diff(uint32_t a, uint32_t b) { return a > b ? a - b : b - a; }

constexpr BaudSetting best_baud(uint32_t clock_hz, uint32_t baud) {
  BaudSetting best{4, 1};
  uint32_t best_error = 0xFFFFFFFFu;
  for (uint32_t osr = 4; osr <= 32; ++osr) {
    uint32_t sbr = (clock_hz + baud * osr / 2) / (baud * osr);
    if (sbr < 1) sbr = 1;
    if (sbr > 8191) sbr = 8191;
    const uint32_t error = abs_diff(clock_hz / (osr * sbr), baud);
    if (error <= best_error) {
      best = {osr, sbr};
      best_error = error;
    }
  }
  return best;
}

// The BAUD register: OSR-1 in [28:24], SBR in [12:0]; both-edge sampling is needed when OSR <= 7
// and harmless at 8 (Teensy sets it for OSR <= 8).
constexpr uint32_t baud_register(const BaudSetting& s) {
  return ((s.osr - 1) << 24) | (s.osr <= 8 ? (1u << 17) : 0u) | (s.sbr & 0x1FFF);
}

// Disables TX/RX, programs the divider, enables both FIFOs, then TX and RX.
void init(uintptr_t base, uint32_t clock_hz, uint32_t baud);

// Waits (at most `max_polls` reads) for room in the transmitter, then sends `byte`. Returns false
// and drops the byte on timeout, so a console without a clock can never hang the firmware.
bool put(uintptr_t base, uint8_t byte, uint32_t max_polls);

// Waits until everything written has left the shift register (or `max_polls` reads).
bool flush(uintptr_t base, uint32_t max_polls);

// The next received byte, or -1. Clears a receiver overrun, which would otherwise stop reception.
int get(uintptr_t base);

}  // namespace bsp::imxrt1062::lpuart
