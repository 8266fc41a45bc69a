// Bounded waits on STM32F4 ready bits with a pause between polls, so a poll budget is a time
// budget: each poll costs at least kMinCyclesPerPoll core cycles. At the 16 MHz the bring-up runs
// at, 16,000 polls are >= 100 ms, ST's HSE start-up timeout. Fewer register reads also keep boot
// fast under QEMU -icount, where every peripheral access is slow (a read ends the translation
// block).
#pragma once

#include <cstdint>

namespace bsp::stm32f4 {

inline constexpr uint32_t kMinCyclesPerPoll = 100;

// bsp::mmio::wait_until one read at a time, with the pause after each failed read. True when
// (register & mask) == expected within `max_polls` reads.
bool wait_spaced(uintptr_t address, uint32_t mask, uint32_t expected, uint32_t max_polls);

}  // namespace bsp::stm32f4
