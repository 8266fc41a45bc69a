// STM32F746 register addresses and bit fields used by the Strata SoC drivers, in one place.
//
// Every value comes from ST's reference manual RM0385 (STM32F75xxx and STM32F74xxx), the register
// description named next to each block, cross-checked with ST's CMSIS device header stm32f746xx.h.
// What the F7 shares with the F4 comes from bsp/stm32/stm32_registers.hpp; this file adds the F7's
// own. Drivers name these constants instead of repeating numbers, and host tests use the same names
// to check the register sequences.
#pragma once

#include <cstdint>

#include "stm32_registers.hpp"

namespace bsp::stm32f7::reg {

// The RCC, FLASH_ACR, PWR and GPIO definitions the F7 shares with the F4 are in
// bsp/stm32/stm32_registers.hpp; this namespace brings them in, so drivers write reg::kRccCr for
// both.
using namespace bsp::stm32::reg;

// --- RCC registers and fields only the F7 has or uses (RM0385 RCC) ---
inline constexpr uintptr_t kRccAhb3enr = kRccBase + 0x38;
inline constexpr uintptr_t kRccDckcfgr2 = kRccBase + 0x90;
inline constexpr uint32_t kAhb3FmcEn = 1u << 0;
// DCKCFGR2 kernel clock selectors (00 = PCLK2): USART1SEL [1:0], USART6SEL [11:10].
inline constexpr uint32_t kDckcfgr2Usart1SelMask = 0x3u << 0;
inline constexpr uint32_t kDckcfgr2Usart6SelMask = 0x3u << 10;

// --- PWR_CR1 / PWR_CSR1 fields of the F7 (RM0385 PWR): two-bit VOS, over-drive ---
inline constexpr uint32_t kPwrCrVosMask = 0x3u << kPwrCrVosShift;
inline constexpr uint32_t kPwrCrVosScale1 = 0x3u << kPwrCrVosShift;
inline constexpr uint32_t kPwrCrOdEn = 1u << 16;
inline constexpr uint32_t kPwrCrOdSwEn = 1u << 17;
inline constexpr uint32_t kPwrCsrOdRdy = 1u << 16;
inline constexpr uint32_t kPwrCsrOdSwRdy = 1u << 17;

// --- FLASH_ACR fields of the F7 (RM0385 FLASH): 4-bit LATENCY, ART accelerator ---
inline constexpr uint32_t kAcrLatencyMask = 0xFu;
inline constexpr uint32_t kAcrArtEn = 1u << 9;
inline constexpr uint32_t kAcrArtRst = 1u << 11;

// --- GPIO port indexes as the F7 drivers name them (gpio_port(), kAhb1GpioaEn << index) ---
inline constexpr unsigned kPortA = 0, kPortB = 1, kPortC = 2, kPortD = 3, kPortE = 4, kPortF = 5,
                          kPortG = 6, kPortH = 7;

// --- USART (RM0385 USART registers: the F7's new-style USART, not the F4 one) ---
inline constexpr uintptr_t kUsart1 = 0x40011000;  // CMSIS-F7 APB2PERIPH_BASE + 0x1000
inline constexpr uintptr_t kUsart6 = 0x40011400;  // CMSIS-F7 APB2PERIPH_BASE + 0x1400
inline constexpr uintptr_t kUsartCr1 = 0x00;
inline constexpr uintptr_t kUsartCr2 = 0x04;
inline constexpr uintptr_t kUsartCr3 = 0x08;
inline constexpr uintptr_t kUsartBrr = 0x0C;
inline constexpr uintptr_t kUsartIsr = 0x1C;
inline constexpr uintptr_t kUsartIcr = 0x20;
inline constexpr uintptr_t kUsartRdr = 0x24;
inline constexpr uintptr_t kUsartTdr = 0x28;
inline constexpr uint32_t kCr1Ue = 1u << 0;
inline constexpr uint32_t kCr1Re = 1u << 2;
inline constexpr uint32_t kCr1Te = 1u << 3;
inline constexpr uint32_t kIsrOre = 1u << 3;
inline constexpr uint32_t kIsrRxne = 1u << 5;
inline constexpr uint32_t kIsrTc = 1u << 6;
inline constexpr uint32_t kIsrTxe = 1u << 7;
inline constexpr uint32_t kIsrTeack = 1u << 21;
inline constexpr uint32_t kIcrOrecf = 1u << 3;

// --- FMC SDRAM controller (RM0385 FMC SDRAM registers; FMC_Bank5_6 at 0xA0000140) ---
inline constexpr uintptr_t kFmcSdcr1 = 0xA0000140;
inline constexpr uintptr_t kFmcSdtr1 = 0xA0000148;
inline constexpr uintptr_t kFmcSdcmr = 0xA0000150;
inline constexpr uintptr_t kFmcSdrtr = 0xA0000154;
inline constexpr uintptr_t kFmcSdsr = 0xA0000158;
inline constexpr uint32_t kSdsrBusy = 1u << 5;

}  // namespace bsp::stm32f7::reg
