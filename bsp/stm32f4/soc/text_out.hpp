// Minimal text output to the board console for board commands: strings, decimal and hex numbers,
// without printf (the bsp stays free of the C library's formatted I/O).
#pragma once

#include <cstdint>

namespace bsp::stm32f4::text_out {

void put(const char* text);
void put_decimal(uint32_t value);
void put_hex(uint32_t value);  // 0x followed by 8 digits

}  // namespace bsp::stm32f4::text_out
