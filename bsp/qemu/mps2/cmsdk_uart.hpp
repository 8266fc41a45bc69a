// The Arm CMSDK APB UART of the MPS2 images (UART0 at 0x40004000 is QEMU's first serial port).
#pragma once

#include <cstdint>

namespace bsp::cmsdk_uart {

inline constexpr uintptr_t kUart0 = 0x40004000;

void init(uintptr_t base, uint32_t pclk_hz, uint32_t baud);
void put(uintptr_t base, char c);
int get(uintptr_t base);  // -1 when nothing was received

}  // namespace bsp::cmsdk_uart
