// Register addresses and bit fields of the STM32F4 blocks the Strata BSP drives (RCC, FLASH, PWR,
// GPIO, USART, TIM2, DBGMCU), named once so drivers and their host tests say the same thing.
//
// Sources: /work/shared/reference/bsp-facts.md section C (CMSIS-F4 stm32f407xx.h / stm32f411xe.h)
// and section A.3 for the RCC fields the F4 shares with the F7; tags [V]/[U] as in that sheet.
#pragma once

#include <cstdint>

namespace bsp::stm32f4::reg {

// --- RCC (0x4002_3800, section C.1) ---
inline constexpr uintptr_t kRcc = 0x40023800;
inline constexpr uintptr_t kRccCr = kRcc + 0x00;
inline constexpr uintptr_t kRccPllcfgr = kRcc + 0x04;
inline constexpr uintptr_t kRccCfgr = kRcc + 0x08;
inline constexpr uintptr_t kRccAhb1enr = kRcc + 0x30;
inline constexpr uintptr_t kRccApb1enr = kRcc + 0x40;
inline constexpr uintptr_t kRccApb2enr = kRcc + 0x44;

inline constexpr uint32_t kCrHsiOn = 1u << 0;
inline constexpr uint32_t kCrHsiRdy = 1u << 1;
inline constexpr uint32_t kCrHseOn = 1u << 16;
inline constexpr uint32_t kCrHseRdy = 1u << 17;
inline constexpr uint32_t kCrHseByp = 1u << 18;
inline constexpr uint32_t kCrPllOn = 1u << 24;
inline constexpr uint32_t kCrPllRdy = 1u << 25;

// PLLCFGR: M [5:0], N [14:6], P [17:16] (00=/2 .. 11=/8), SRC b22 (1 = HSE), Q [27:24]. Bits
// outside these fields are reserved and kept (read-modify-write).
inline constexpr uint32_t kPllcfgrFieldsMask = 0x0F437FFF;
inline constexpr uint32_t kPllcfgrSrcHse = 1u << 22;

// CFGR: SW [1:0], SWS [3:2], HPRE [7:4], PPRE1 [12:10], PPRE2 [15:13].
inline constexpr uint32_t kCfgrSwMask = 0x3u << 0;
inline constexpr uint32_t kCfgrSwHsi = 0x0u << 0;
inline constexpr uint32_t kCfgrSwPll = 0x2u << 0;
inline constexpr uint32_t kCfgrSwsMask = 0x3u << 2;
inline constexpr uint32_t kCfgrSwsHsi = 0x0u << 2;
inline constexpr uint32_t kCfgrSwsPll = 0x2u << 2;
inline constexpr uint32_t kCfgrHpreMask = 0xFu << 4;
inline constexpr uint32_t kCfgrPpre1Mask = 0x7u << 10;
inline constexpr uint32_t kCfgrPpre2Mask = 0x7u << 13;
inline constexpr uint32_t kCfgrPpre1Shift = 10;
inline constexpr uint32_t kCfgrPpre2Shift = 13;
inline constexpr uint32_t kCfgrHpreShift = 4;

inline constexpr uint32_t kAhb1GpioaEn = 1u << 0;  // GPIOA..GPIOI: bits 0..8
inline constexpr uint32_t kAhb1CcmDataRamEn = 1u << 20;
inline constexpr uint32_t kApb1Tim2En = 1u << 0;
inline constexpr uint32_t kApb1Usart2En = 1u << 17;
inline constexpr uint32_t kApb1PwrEn = 1u << 28;
inline constexpr uint32_t kApb2Usart1En = 1u << 4;
inline constexpr uint32_t kApb2Usart6En = 1u << 5;

// --- FLASH interface (0x4002_3C00, section C.2 notes) ---
inline constexpr uintptr_t kFlashAcr = 0x40023C00;
inline constexpr uint32_t kAcrLatencyMask = 0x7u;  // 3 bits on the F405/F407/F411
inline constexpr uint32_t kAcrPrftEn = 1u << 8;
inline constexpr uint32_t kAcrIcEn = 1u << 9;
inline constexpr uint32_t kAcrDcEn = 1u << 10;
inline constexpr uint32_t kAcrIcRst = 1u << 11;
inline constexpr uint32_t kAcrDcRst = 1u << 12;

// --- PWR (0x4000_7000) ---
inline constexpr uintptr_t kPwrCr = 0x40007000;
inline constexpr uintptr_t kPwrCsr = 0x40007004;
inline constexpr uint32_t kPwrCrVosShift = 14;
inline constexpr uint32_t kPwrCsrVosRdy = 1u << 14;

// --- GPIO (GPIOA 0x4002_0000, one port per 0x400; layout as section A.7) ---
inline constexpr uintptr_t kGpioa = 0x40020000;
inline constexpr uintptr_t kGpioStride = 0x400;
inline constexpr uintptr_t kGpioModer = 0x00;
inline constexpr uintptr_t kGpioOtyper = 0x04;
inline constexpr uintptr_t kGpioOspeedr = 0x08;
inline constexpr uintptr_t kGpioPupdr = 0x0C;
inline constexpr uintptr_t kGpioAfrl = 0x20;
inline constexpr uintptr_t kGpioAfrh = 0x24;

// --- USART, legacy F4 layout (section C.3; not the F7 one) ---
inline constexpr uintptr_t kUsart1 = 0x40011000;
inline constexpr uintptr_t kUsart2 = 0x40004400;
inline constexpr uintptr_t kUsart6 = 0x40011400;
inline constexpr uintptr_t kUsartSr = 0x00;
inline constexpr uintptr_t kUsartDr = 0x04;
inline constexpr uintptr_t kUsartBrr = 0x08;
inline constexpr uintptr_t kUsartCr1 = 0x0C;
inline constexpr uintptr_t kUsartCr2 = 0x10;
inline constexpr uintptr_t kUsartCr3 = 0x14;
inline constexpr uint32_t kSrRxne = 1u << 5;
inline constexpr uint32_t kSrTc = 1u << 6;
inline constexpr uint32_t kSrTxe = 1u << 7;
inline constexpr uint32_t kCr1Re = 1u << 2;
inline constexpr uint32_t kCr1Te = 1u << 3;
inline constexpr uint32_t kCr1Ue = 1u << 13;

// --- TIM2: 32-bit general-purpose timer (0x4000_0000, section E.1) ---
inline constexpr uintptr_t kTim2 = 0x40000000;
inline constexpr uintptr_t kTimCr1 = 0x00;
inline constexpr uintptr_t kTimEgr = 0x14;
inline constexpr uintptr_t kTimCnt = 0x24;
inline constexpr uintptr_t kTimPsc = 0x28;
inline constexpr uintptr_t kTimArr = 0x2C;
inline constexpr uint32_t kTimCr1Cen = 1u << 0;
inline constexpr uint32_t kTimEgrUg = 1u << 0;

// --- DBGMCU_IDCODE: REV_ID [31:16], DEV_ID [11:0] [U: RM0090] ---
inline constexpr uintptr_t kDbgmcuIdcode = 0xE0042000;

}  // namespace bsp::stm32f4::reg
