#include "cortex_m/console_text.hpp"

#include <cstddef>

#include "bsp/console.hpp"

namespace cortex_m::console_text {
namespace {

std::size_t length_of(const char* text) {
  std::size_t length = 0;
  while (text[length] != '\0') ++length;
  return length;
}

void put_spaces(uint32_t count) {
  for (uint32_t i = 0; i < count; ++i) bsp::console::write(" ", 1);
}

// Writes the digits of `value` right-aligned into `end` (exclusive); returns where they start.
char* decimal_digits(uint32_t value, char* end) {
  char* start = end;
  do {
    *--start = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  return start;
}

}  // namespace

void put(const char* text) { bsp::console::write(text, length_of(text)); }

void put_decimal(uint32_t value) {
  char digits[10];
  char* end = digits + sizeof(digits);
  char* start = decimal_digits(value, end);
  bsp::console::write(start, static_cast<std::size_t>(end - start));
}

void put_hex(uint32_t value) {
  char text[10] = {'0', 'x'};
  for (int i = 0; i < 8; ++i) text[2 + i] = "0123456789abcdef"[(value >> (28 - 4 * i)) & 0xF];
  bsp::console::write(text, sizeof(text));
}

void put_mhz(uint32_t hz) {
  put_decimal(hz / 1000000);
  const uint32_t thousandths = (hz % 1000000) / 1000;
  const char fraction[4] = {'.', static_cast<char>('0' + thousandths / 100),
                            static_cast<char>('0' + thousandths / 10 % 10),
                            static_cast<char>('0' + thousandths % 10)};
  bsp::console::write(fraction, sizeof(fraction));
  put(" MHz");
}

void put_left(const char* text, uint32_t width) {
  const std::size_t length = length_of(text);
  bsp::console::write(text, length);
  if (length < width) put_spaces(width - static_cast<uint32_t>(length));
}

void put_decimal_right(uint32_t value, uint32_t width) {
  char digits[10];
  char* end = digits + sizeof(digits);
  char* start = decimal_digits(value, end);
  const uint32_t length = static_cast<uint32_t>(end - start);
  if (length < width) put_spaces(width - length);
  bsp::console::write(start, length);
}

}  // namespace cortex_m::console_text
