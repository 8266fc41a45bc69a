// The STM32F4 flash interface (FLASH_ACR): wait states, and the ART accelerator (instruction and
// data caches) plus prefetch, which make code in flash run near zero-wait at 168 MHz.
#pragma once

#include <cstdint>

namespace bsp::stm32f4::flash {

// Programs LATENCY (wait states) and reads it back. False when the read-back differs: then the core
// must not be clocked faster (the chip would read flash too early).
bool set_latency(uint32_t wait_states);

// Resets both ART caches (only allowed while they are off), then enables them, and prefetch when
// `prefetch` is true. LATENCY is kept.
void enable_accelerator(bool prefetch);

}  // namespace bsp::stm32f4::flash
