// STM32F746 register addresses and bit fields used by the Strata SoC drivers, in one place.
//
// Every value comes from /work/shared/reference/bsp-facts.md section A (sources: ST's CMSIS device
// header stm32f746xx.h and the HAL); the sub-section is cited next to each block. Drivers name
// these constants instead of repeating numbers, and host tests use the same names to check the
// register sequences.
#pragma once

#include <cstdint>

namespace bsp::stm32f7::reg {

// --- RCC, PWR, FLASH (facts A.3) ---
inline constexpr uintptr_t kRccBase = 0x40023800;
inline constexpr uintptr_t kRccCr = kRccBase + 0x00;
inline constexpr uintptr_t kRccPllcfgr = kRccBase + 0x04;
inline constexpr uintptr_t kRccCfgr = kRccBase + 0x08;
inline constexpr uintptr_t kRccAhb1enr = kRccBase + 0x30;
inline constexpr uintptr_t kRccAhb3enr = kRccBase + 0x38;
inline constexpr uintptr_t kRccApb1enr = kRccBase + 0x40;
inline constexpr uintptr_t kRccApb2enr = kRccBase + 0x44;
inline constexpr uintptr_t kRccDckcfgr2 = kRccBase + 0x90;

inline constexpr uint32_t kCrHsion = 1u << 0;
inline constexpr uint32_t kCrHsirdy = 1u << 1;
inline constexpr uint32_t kCrHseon = 1u << 16;
inline constexpr uint32_t kCrHserdy = 1u << 17;
inline constexpr uint32_t kCrHsebyp = 1u << 18;
inline constexpr uint32_t kCrPllon = 1u << 24;
inline constexpr uint32_t kCrPllrdy = 1u << 25;

// PLLCFGR fields: M [5:0], N [14:6], P [17:16] (00 = /2 .. 11 = /8), SRC b22 (1 = HSE), Q [27:24].
inline constexpr uint32_t kPllcfgrFieldsMask =
    0x3Fu | (0x1FFu << 6) | (0x3u << 16) | (1u << 22) | (0xFu << 24);
inline constexpr uint32_t kPllcfgrSrcHse = 1u << 22;

// CFGR: SW [1:0], SWS [3:2], HPRE [7:4], PPRE1 [12:10], PPRE2 [15:13].
inline constexpr uint32_t kCfgrSwMask = 0x3u;
inline constexpr uint32_t kCfgrSwsMask = 0x3u << 2;
inline constexpr uint32_t kCfgrSwHsi = 0x0u;
inline constexpr uint32_t kCfgrSwHse = 0x1u;
inline constexpr uint32_t kCfgrSwPll = 0x2u;
inline constexpr uint32_t kCfgrHpreMask = 0xFu << 4;
inline constexpr uint32_t kCfgrPpre1Shift = 10;
inline constexpr uint32_t kCfgrPpre2Shift = 13;
inline constexpr uint32_t kCfgrPpre1Mask = 0x7u << kCfgrPpre1Shift;
inline constexpr uint32_t kCfgrPpre2Mask = 0x7u << kCfgrPpre2Shift;

inline constexpr uint32_t kAhb1enrGpioA = 1u << 0;  // GPIOxEN: bit = port index (A=0 .. K=10)
inline constexpr uint32_t kAhb3enrFmc = 1u << 0;
inline constexpr uint32_t kApb1enrPwr = 1u << 28;
inline constexpr uint32_t kApb2enrUsart1 = 1u << 4;
inline constexpr uint32_t kApb2enrUsart6 = 1u << 5;
// DCKCFGR2 kernel clock selectors (00 = PCLK2): USART1SEL [1:0], USART6SEL [11:10].
inline constexpr uint32_t kDckcfgr2Usart1SelMask = 0x3u << 0;
inline constexpr uint32_t kDckcfgr2Usart6SelMask = 0x3u << 10;

inline constexpr uintptr_t kPwrCr1 = 0x40007000;
inline constexpr uintptr_t kPwrCsr1 = 0x40007004;
inline constexpr uint32_t kPwrCr1VosMask = 0x3u << 14;
inline constexpr uint32_t kPwrCr1VosScale1 = 0x3u << 14;
inline constexpr uint32_t kPwrCr1Oden = 1u << 16;
inline constexpr uint32_t kPwrCr1Odswen = 1u << 17;
inline constexpr uint32_t kPwrCsr1Vosrdy = 1u << 14;
inline constexpr uint32_t kPwrCsr1Odrdy = 1u << 16;
inline constexpr uint32_t kPwrCsr1Odswrdy = 1u << 17;

inline constexpr uintptr_t kFlashAcr = 0x40023C00;
inline constexpr uint32_t kAcrLatencyMask = 0xFu;
inline constexpr uint32_t kAcrPrften = 1u << 8;
inline constexpr uint32_t kAcrArten = 1u << 9;
inline constexpr uint32_t kAcrArtrst = 1u << 11;

// --- GPIO (facts A.7: F4 and F7 share the layout) ---
inline constexpr uintptr_t kGpioBase = 0x40020000;  // port A; ports are 0x400 apart
inline constexpr uintptr_t gpio_port(unsigned index) { return kGpioBase + 0x400u * index; }
inline constexpr unsigned kPortA = 0, kPortB = 1, kPortC = 2, kPortD = 3, kPortE = 4, kPortF = 5,
                          kPortG = 6, kPortH = 7;
inline constexpr uintptr_t kGpioModer = 0x00;
inline constexpr uintptr_t kGpioOtyper = 0x04;
inline constexpr uintptr_t kGpioOspeedr = 0x08;
inline constexpr uintptr_t kGpioPupdr = 0x0C;
inline constexpr uintptr_t kGpioAfrl = 0x20;
inline constexpr uintptr_t kGpioAfrh = 0x24;

// --- USART (facts A.7: the F7's new-style USART, not the F4 one) ---
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

// --- FMC SDRAM controller (facts A.8: FMC_Bank5_6 at 0xA0000140) ---
inline constexpr uintptr_t kFmcSdcr1 = 0xA0000140;
inline constexpr uintptr_t kFmcSdtr1 = 0xA0000148;
inline constexpr uintptr_t kFmcSdcmr = 0xA0000150;
inline constexpr uintptr_t kFmcSdrtr = 0xA0000154;
inline constexpr uintptr_t kFmcSdsr = 0xA0000158;
inline constexpr uint32_t kSdsrBusy = 1u << 5;

}  // namespace bsp::stm32f7::reg
