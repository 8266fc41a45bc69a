// The STM32F7 USART as a polled console: 8N1, no interrupts, no DMA.
//
// The baud rate divider is computed from the PCLK2 the RCC really produced (after any HSI
// fallback), so the terminal stays readable whatever clock the chip ended up at. A port description
// names the pins, so the same driver serves USART1 (ST-LINK virtual COM port) and USART6 (Arduino
// D1/D0).
#pragma once

#include <cstdint>

#include "gpio.hpp"

namespace bsp::stm32f7::usart {

struct Port {
  const char* name;
  uintptr_t base;
  uint32_t apb2_enable_bit;    // RCC_APB2ENR
  uint32_t kernel_clock_mask;  // RCC_DCKCFGR2 selector field, set to 00 = PCLK2
  gpio::AlternateFunction tx;
  gpio::AlternateFunction rx;
};

// USART1: TX PA9, RX PB7, AF7, wired to the ST-LINK VCP (UM1907).
extern const Port kUsart1Vcp;
// USART6: TX PC6, RX PC7, AF8, on the Arduino header D1/D0: needs a USB-UART adapter (UM1907).
extern const Port kUsart6Arduino;

// Polls for TXE at most this often per byte: a dead or unclocked USART drops bytes, never hangs.
inline constexpr uint32_t kTxMaxPolls = 200000;

// BRR for 16x oversampling, rounded to nearest (RM0385 USART_BRR: 108 MHz -> 938).
constexpr uint32_t brr_value(uint32_t pclk_hz, uint32_t baud) {
  return (pclk_hz + baud / 2) / baud;
}

void init(const Port& port, uint32_t pclk2_hz, uint32_t baud);

// False when TXE never came (the byte is dropped).
bool put(const Port& port, char c);

// Waits (bounded) until the last byte left the shift register, e.g. before halting.
bool flush(const Port& port);

// The next received byte, or -1. Clears an overrun so reception continues after one.
int get(const Port& port);

}  // namespace bsp::stm32f7::usart
