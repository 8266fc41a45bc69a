#include "console_print.hpp"

#include <cstddef>

#include "bsp/console.hpp"

namespace bsp::stm32f746g_disco::print {

void text(const char* s) {
  std::size_t length = 0;
  while (s[length] != '\0') ++length;
  console::write(s, length);
}

void decimal(uint32_t value) {
  char digits[10];
  std::size_t count = 0;
  do {
    digits[sizeof(digits) - 1 - count++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  console::write(digits + sizeof(digits) - count, count);
}

void hex(uint32_t value) {
  char digits[10] = {'0', 'x'};
  for (int i = 0; i < 8; ++i) digits[2 + i] = "0123456789abcdef"[(value >> (28 - 4 * i)) & 0xF];
  console::write(digits, sizeof(digits));
}

void mhz(uint32_t hz) {
  decimal(hz / 1000000);
  const uint32_t thousandths = (hz % 1000000) / 1000;
  char fraction[4] = {'.', static_cast<char>('0' + thousandths / 100),
                      static_cast<char>('0' + thousandths / 10 % 10),
                      static_cast<char>('0' + thousandths % 10)};
  console::write(fraction, sizeof(fraction));
  text(" MHz");
}

}  // namespace bsp::stm32f746g_disco::print
