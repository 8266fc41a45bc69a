// The register addresses and bit fields that are the same on the STM32F4 and the STM32F7: the RCC
// clock-control registers the bring-up uses, the FLASH_ACR and PWR addresses, and the GPIO port
// layout. Named once here so both SoC layers and their host tests spell them alike; what differs
// between the chips (USART layout, FLASH_ACR latency width and cache bits, PWR VOS width and the
// F7's over-drive, F7 DCKCFGR2 and FMC, F4 TIM2 and CCM) stays in
// bsp/stm32f4/soc/stm32f4_registers.hpp and bsp/stm32f7/soc/registers.hpp, which bring these names
// into their own `reg` namespace.
//
// Sources: ST's reference manuals RM0385 (STM32F75xxx/74xxx), RM0090 (STM32F405/407) and RM0383
// (STM32F411), their register-description sections named per block below, cross-checked with ST's
// CMSIS device headers stm32f746xx.h, stm32f407xx.h and stm32f411xe.h (same offsets and bits).
#pragma once

#include <cstdint>

namespace bsp::stm32::reg {

// --- RCC (0x4002_3800; "Reset and clock control (RCC)", RCC registers) ---
inline constexpr uintptr_t kRccBase = 0x40023800;
inline constexpr uintptr_t kRccCr = kRccBase + 0x00;
inline constexpr uintptr_t kRccPllcfgr = kRccBase + 0x04;
inline constexpr uintptr_t kRccCfgr = kRccBase + 0x08;
inline constexpr uintptr_t kRccAhb1enr = kRccBase + 0x30;
inline constexpr uintptr_t kRccApb1enr = kRccBase + 0x40;
inline constexpr uintptr_t kRccApb2enr = kRccBase + 0x44;

inline constexpr uint32_t kCrHsiOn = 1u << 0;
inline constexpr uint32_t kCrHsiRdy = 1u << 1;
inline constexpr uint32_t kCrHseOn = 1u << 16;
inline constexpr uint32_t kCrHseRdy = 1u << 17;
inline constexpr uint32_t kCrHseByp = 1u << 18;
inline constexpr uint32_t kCrPllOn = 1u << 24;
inline constexpr uint32_t kCrPllRdy = 1u << 25;

// PLLCFGR: M [5:0], N [14:6], P [17:16] (00 = /2 .. 11 = /8), SRC b22 (1 = HSE), Q [27:24]. Bits
// outside these fields are reserved and kept (read-modify-write).
inline constexpr uint32_t kPllcfgrFieldsMask =
    0x3Fu | (0x1FFu << 6) | (0x3u << 16) | (1u << 22) | (0xFu << 24);
inline constexpr uint32_t kPllcfgrSrcHse = 1u << 22;

// CFGR: SW [1:0], SWS [3:2], HPRE [7:4], PPRE1 [12:10], PPRE2 [15:13].
inline constexpr uint32_t kCfgrSwMask = 0x3u << 0;
inline constexpr uint32_t kCfgrSwHsi = 0x0u << 0;
inline constexpr uint32_t kCfgrSwHse = 0x1u << 0;
inline constexpr uint32_t kCfgrSwPll = 0x2u << 0;
inline constexpr uint32_t kCfgrSwsMask = 0x3u << 2;
inline constexpr uint32_t kCfgrSwsHsi = 0x0u << 2;
inline constexpr uint32_t kCfgrSwsPll = 0x2u << 2;
inline constexpr uint32_t kCfgrHpreShift = 4;
inline constexpr uint32_t kCfgrHpreMask = 0xFu << kCfgrHpreShift;
inline constexpr uint32_t kCfgrPpre1Shift = 10;
inline constexpr uint32_t kCfgrPpre1Mask = 0x7u << kCfgrPpre1Shift;
inline constexpr uint32_t kCfgrPpre2Shift = 13;
inline constexpr uint32_t kCfgrPpre2Mask = 0x7u << kCfgrPpre2Shift;

// Clock gates both chips use, at the same bits (RCC_AHB1ENR, RCC_APB1ENR, RCC_APB2ENR).
inline constexpr uint32_t kAhb1GpioaEn = 1u << 0;  // GPIOxEN: bit = port index (GPIOA = 0)
inline constexpr uint32_t kApb1PwrEn = 1u << 28;
inline constexpr uint32_t kApb2Usart1En = 1u << 4;
inline constexpr uint32_t kApb2Usart6En = 1u << 5;

// --- FLASH interface (0x4002_3C00; "Embedded flash memory", FLASH_ACR). LATENCY is 3 bits on the
// F4, 4 on the F7, and bits 9..12 mean different things (F4 caches, F7 ART): those stay in the SoC
// headers. ---
inline constexpr uintptr_t kFlashAcr = 0x40023C00;
inline constexpr uint32_t kAcrPrftEn = 1u << 8;

// --- PWR (0x4000_7000; "Power controller (PWR)"). RM0385 calls these PWR_CR1 / PWR_CSR1 on the F7.
// VOS starts at bit 14 on both, one or two bits wide depending on the chip (SoC headers). ---
inline constexpr uintptr_t kPwrCr = 0x40007000;
inline constexpr uintptr_t kPwrCsr = 0x40007004;
inline constexpr uint32_t kPwrCrVosShift = 14;
inline constexpr uint32_t kPwrCsrVosRdy = 1u << 14;

// --- GPIO (GPIOA 0x4002_0000, one port per 0x400; "General-purpose I/Os (GPIO)") ---
inline constexpr uintptr_t kGpioBase = 0x40020000;  // port A
inline constexpr uintptr_t kGpioStride = 0x400;
inline constexpr uintptr_t gpio_port(unsigned index) { return kGpioBase + kGpioStride * index; }
inline constexpr uintptr_t kGpioModer = 0x00;
inline constexpr uintptr_t kGpioOtyper = 0x04;
inline constexpr uintptr_t kGpioOspeedr = 0x08;
inline constexpr uintptr_t kGpioPupdr = 0x0C;
inline constexpr uintptr_t kGpioAfrl = 0x20;
inline constexpr uintptr_t kGpioAfrh = 0x24;

}  // namespace bsp::stm32::reg
