// The STM32F746G-DISCO's SDRAM: an MT48LC4M32B2 on FMC bank 1 with 16 of its 32 data lines wired,
// so 8 MB at 0xC0000000 (UM1907; RM0385 FMC). Describes the device and its 38 pins and brings it
// up.
#pragma once

#include <cstdint>

#include "fmc_sdram.hpp"

namespace bsp::stm32f746g_disco::sdram {

inline constexpr uintptr_t kBase = 0xC0000000;
inline constexpr uint32_t kSizeLog2 = 23;
inline constexpr uint32_t kSize = 1u << kSizeLog2;

extern const stm32f7::fmc::SdramDevice kDevice;

// FMC clock, the 38 pins (AF12), then plan + init at the real HCLK. `plan` receives the values
// used.
stm32f7::fmc::SdramStatus bring_up(uint32_t hclk_hz, void (*delay_us)(uint32_t),
                                   stm32f7::fmc::SdramPlan* plan);

}  // namespace bsp::stm32f746g_disco::sdram
