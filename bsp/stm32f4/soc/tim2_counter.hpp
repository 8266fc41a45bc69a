// TIM2 (32-bit on the F4) as a free-running counter: the cycle-counter source of the QEMU
// netduinoplus2 board, where the DWT does not exist (QEMU 7.2: CYCCNT always reads 0).
//
// QEMU 7.2's STM32F2xx timer model counts virtual nanoseconds: its input clock is 1 GHz, divided by
// PSC + 1 (measured here on QEMU 7.2.22 with a loop of known length: 64.0 ticks per instruction at
// PSC = 0; the model's nominal "48 MHz" does not hold for this build). With -icount shift=6
// virtual time advances exactly 2^6 = 64 ns per executed instruction, so with PSC = 63 one tick is
// 64 ns = one instruction:  instructions = floor(t_ns / 64) = CNT.  No software conversion is
// needed and the count is exact to the instruction.
#pragma once

#include <cstdint>

namespace bsp::stm32f4::tim2_counter {

// PSC value for one tick per instruction under QEMU -icount shift=6 (1 GHz / 64).
inline constexpr uint32_t kQemuInstructionPrescaler = 63;

// Enables TIM2's clock and runs it up from zero: prescaler PSC + 1, auto-reload 0xFFFFFFFF.
void start(uint32_t prescaler);

// Ticks since start(), extended to 64 bits (call at least once per 2^32 ticks).
uint64_t ticks();

}  // namespace bsp::stm32f4::tim2_counter
