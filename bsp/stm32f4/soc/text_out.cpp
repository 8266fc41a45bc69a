#include "text_out.hpp"

#include <cstddef>

#include "bsp/console.hpp"

namespace bsp::stm32f4::text_out {

void put(const char* text) {
  std::size_t length = 0;
  while (text[length] != '\0') ++length;
  console::write(text, length);
}

void put_decimal(uint32_t value) {
  char digits[11];
  int pos = 10;
  digits[pos] = '\0';
  do {
    digits[--pos] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  put(digits + pos);
}

void put_hex(uint32_t value) {
  char text[11] = {'0', 'x'};
  for (int i = 0; i < 8; ++i) text[2 + i] = "0123456789abcdef"[(value >> (28 - 4 * i)) & 0xF];
  text[10] = '\0';
  put(text);
}

}  // namespace bsp::stm32f4::text_out
