// The STM32F746 flash interface: wait states and the ART accelerator.
//
// The wait states must be raised before the clock rises and lowered only after it fell, and the new
// value must be read back before relying on it (RM0385 FLASH_ACR).
#pragma once

#include <cstdint>

namespace bsp::stm32f7::flash {

// Writes FLASH_ACR.LATENCY and reads it back; false when the flash did not take the value.
bool set_wait_states(uint32_t wait_states);

// Resets the ART accelerator (only allowed while it is off), then enables it and the prefetch.
// ART serves code fetched through the ITCM path (0x00200000); Strata links at the AXIM address,
// where the L1 I-cache does that job, so this mostly matters for constants read through the ITCM
// alias (RM0385 ART accelerator).
void enable_art_and_prefetch();

}  // namespace bsp::stm32f7::flash
