// The STM32F4 USART (legacy register layout: SR/DR/BRR/CR1 with UE at bit 13, RM0090 USART) as
// a polled 8N1 console. Also what QEMU's netduinoplus2 models (USARTn is QEMU's n-th serial port).
#pragma once

#include <cstddef>
#include <cstdint>

namespace bsp::stm32f4::usart {

// BRR for oversampling by 16: round(f_pclk / baud), i.e. mantissa << 4 | fraction.
constexpr uint32_t brr_value(uint32_t pclk_hz, uint32_t baud) {
  return (pclk_hz + baud / 2) / baud;
}

// Polls of SR.TXE before a byte is given up: far more than one character time at any clock (one
// character at 115200 Bd is ~15k core cycles at 168 MHz), so only a dead USART clock reaches it.
inline constexpr uint32_t kTxPolls = 100000;

// Sets 8N1 at `baud` from the peripheral clock `pclk_hz` and enables transmitter and receiver. The
// caller has enabled the USART's clock and routed its pins.
void init(uintptr_t base, uint32_t pclk_hz, uint32_t baud);

// Writes one byte once TXE is set; false (byte dropped) when TXE never came within kTxPolls.
bool put(uintptr_t base, uint8_t byte);

// The received byte, or -1 when none is waiting. Reading SR then DR also clears an overrun.
int get(uintptr_t base);

}  // namespace bsp::stm32f4::usart
