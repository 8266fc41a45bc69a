// Minimal console output for board code (the bsp cannot use the middleware's formatter, and
// newlib's printf family is too heavy for a few numbers): text, unsigned decimals, hex words and
// MHz values.
#pragma once

#include <cstdint>

namespace bsp::stm32f746g_disco::print {

void text(const char* s);
void decimal(uint32_t value);
void hex(uint32_t value);  // 0x%08x
void mhz(uint32_t hz);     // "216.000 MHz"

}  // namespace bsp::stm32f746g_disco::print
