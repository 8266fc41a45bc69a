// Addresses of the Cortex-M system registers (ARMv7-M architecture, identical on M4 and M7), in one
// place so drivers name registers instead of repeating numbers. Source: ARMv7-M ARM, CMSIS
// core_cm7.h.
#pragma once

#include <cstdint>

#include "bsp/mmio.hpp"

namespace cortex_m {
// Core drivers use the same register access as SoC drivers (fakeable in host tests).
namespace mmio = ::bsp::mmio;
}  // namespace cortex_m

namespace cortex_m::reg {

inline constexpr uintptr_t kCpuid = 0xE000ED00;
inline constexpr uintptr_t kVtor = 0xE000ED08;
inline constexpr uintptr_t kAircr = 0xE000ED0C;
inline constexpr uintptr_t kCcr = 0xE000ED14;
inline constexpr uintptr_t kShcsr = 0xE000ED24;
inline constexpr uintptr_t kCfsr = 0xE000ED28;
inline constexpr uintptr_t kHfsr = 0xE000ED2C;
inline constexpr uintptr_t kMmfar = 0xE000ED34;
inline constexpr uintptr_t kBfar = 0xE000ED38;
inline constexpr uintptr_t kCcsidr = 0xE000ED80;
inline constexpr uintptr_t kCsselr = 0xE000ED84;
inline constexpr uintptr_t kCpacr = 0xE000ED88;
inline constexpr uintptr_t kIcialu = 0xE000EF50;
inline constexpr uintptr_t kDcisw = 0xE000EF60;
inline constexpr uintptr_t kMpuType = 0xE000ED90;
inline constexpr uintptr_t kMpuCtrl = 0xE000ED94;
inline constexpr uintptr_t kMpuRnr = 0xE000ED98;
inline constexpr uintptr_t kMpuRbar = 0xE000ED9C;
inline constexpr uintptr_t kMpuRasr = 0xE000EDA0;
inline constexpr uintptr_t kSystCsr = 0xE000E010;
inline constexpr uintptr_t kSystRvr = 0xE000E014;
inline constexpr uintptr_t kSystCvr = 0xE000E018;
inline constexpr uintptr_t kDemcr = 0xE000EDFC;
inline constexpr uintptr_t kDwtCtrl = 0xE0001000;
inline constexpr uintptr_t kDwtCyccnt = 0xE0001004;
inline constexpr uintptr_t kDwtLar = 0xE0001FB0;

inline constexpr uint32_t kCcrIcacheEnable = 1u << 17;
inline constexpr uint32_t kCcrDcacheEnable = 1u << 16;
inline constexpr uint32_t kShcsrMemFaultEnable = 1u << 16;
inline constexpr uint32_t kShcsrBusFaultEnable = 1u << 17;
inline constexpr uint32_t kShcsrUsageFaultEnable = 1u << 18;

}  // namespace cortex_m::reg
