// Text to the board console without printf, for board code: board commands, boot warnings, fault
// reports. The bsp cannot use the middleware's formatter (layer rule) and the C library's printf
// family is too heavy for a few numbers; this is the one writer every SoC shares. Each call writes
// through bsp::console::write and holds no state, so it is safe in a fault handler.
#pragma once

#include <cstdint>

namespace cortex_m::console_text {

void put(const char* text);
void put_decimal(uint32_t value);
void put_hex(uint32_t value);  // "0x" and 8 lowercase digits, as printf's 0x%08x
void put_mhz(uint32_t hz);     // "216.000 MHz"

// Fixed-width columns for tables: `text` padded with spaces on the right (printf's %-Ns), `value`
// on the left (printf's %Nu). Longer values are written whole.
void put_left(const char* text, uint32_t width);
void put_decimal_right(uint32_t value, uint32_t width);

}  // namespace cortex_m::console_text
