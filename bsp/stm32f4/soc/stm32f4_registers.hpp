// Register addresses and bit fields of the STM32F4 blocks the Strata BSP drives (RCC, FLASH, PWR,
// GPIO, USART, TIM2, DBGMCU), named once so drivers and their host tests say the same thing. What
// the F4 shares with the F7 comes from bsp/stm32/stm32_registers.hpp; this file adds the F4's own.
//
// Sources: ST's reference manuals RM0090 (STM32F405/407) and RM0383 (STM32F411), the register
// description of each block named below, cross-checked with the CMSIS device headers stm32f407xx.h
// and stm32f411xe.h.
#pragma once

#include <cstdint>

#include "stm32_registers.hpp"

namespace bsp::stm32f4::reg {

// The RCC, FLASH_ACR, PWR and GPIO definitions the F4 shares with the F7 (same addresses and bits
// in RM0090, RM0383 and RM0385) are in bsp/stm32/stm32_registers.hpp; this namespace
// brings them in, so drivers write reg::kRccCr for both.
using namespace bsp::stm32::reg;

// --- RCC clock gates only the F4 code uses (RCC_AHB1ENR, RCC_APB1ENR) ---
inline constexpr uint32_t kAhb1CcmDataRamEn = 1u << 20;  // F405/F407 only (RM0090)
inline constexpr uint32_t kApb1Tim2En = 1u << 0;
inline constexpr uint32_t kApb1Usart2En = 1u << 17;

// --- FLASH_ACR, F4 fields ("Embedded flash memory interface"): 3-bit LATENCY and the
// instruction/data caches ---
inline constexpr uint32_t kAcrLatencyMask = 0x7u;  // 3 bits on the F405/F407/F411
inline constexpr uint32_t kAcrIcEn = 1u << 9;
inline constexpr uint32_t kAcrDcEn = 1u << 10;
inline constexpr uint32_t kAcrIcRst = 1u << 11;
inline constexpr uint32_t kAcrDcRst = 1u << 12;

// --- USART, legacy F4 layout ("USART registers": SR/DR/BRR/CR1; not the F7 one) ---
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

// --- TIM2: 32-bit general-purpose timer (0x4000_0000, "General-purpose timers (TIM2 to TIM5)") ---
inline constexpr uintptr_t kTim2 = 0x40000000;
inline constexpr uintptr_t kTimCr1 = 0x00;
inline constexpr uintptr_t kTimEgr = 0x14;
inline constexpr uintptr_t kTimCnt = 0x24;
inline constexpr uintptr_t kTimPsc = 0x28;
inline constexpr uintptr_t kTimArr = 0x2C;
inline constexpr uint32_t kTimCr1Cen = 1u << 0;
inline constexpr uint32_t kTimEgrUg = 1u << 0;

// --- DBGMCU_IDCODE: REV_ID [31:16], DEV_ID [11:0] (RM0090 "Debug support") ---
inline constexpr uintptr_t kDbgmcuIdcode = 0xE0042000;

}  // namespace bsp::stm32f4::reg
