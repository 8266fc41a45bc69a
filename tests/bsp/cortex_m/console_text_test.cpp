// The shared console writer must print what the printf formats it replaces would (the Teensy
// `placement` table was written with snprintf: "%-10s %-5s 0x%08lx %8lu bytes").
#include "cortex_m/console_text.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "bsp/console.hpp"

namespace {

std::string g_written;

}  // namespace

namespace bsp::console {

void write(const char* data, std::size_t length) { g_written.append(data, length); }
int read_byte() { return -1; }

}  // namespace bsp::console

namespace {

namespace text = cortex_m::console_text;

std::string printed(void (*print)()) {
  g_written.clear();
  print();
  return g_written;
}

std::string printf_of(const char* format, const char* a, const char* b, unsigned long c,
                      unsigned long d) {
  char line[128];
  std::snprintf(line, sizeof(line), format, a, b, c, d);
  return line;
}

TEST(ConsoleTextTest, NumbersAsPrintfWritesThem) {
  EXPECT_EQ(printed([] { text::put_decimal(0); }), "0");
  EXPECT_EQ(printed([] { text::put_decimal(4294967295u); }), "4294967295");
  EXPECT_EQ(printed([] { text::put_hex(0x0A1804EBu); }), "0x0a1804eb");
  EXPECT_EQ(printed([] { text::put_hex(0); }), "0x00000000");
  EXPECT_EQ(printed([] { text::put_mhz(216000000); }), "216.000 MHz");
  EXPECT_EQ(printed([] { text::put_mhz(288461538); }), "288.461 MHz");
}

TEST(ConsoleTextTest, ColumnsMatchThePrintfTableTheyReplace) {
  const std::string expected =
      printf_of("%-10s %-5s 0x%08lx %8lu bytes", "fast code", "ITCM", 0x20UL, 123456UL);
  const std::string got = printed([] {
    text::put_left("fast code", 10);
    text::put(" ");
    text::put_left("ITCM", 5);
    text::put(" ");
    text::put_hex(0x20);
    text::put(" ");
    text::put_decimal_right(123456, 8);
    text::put(" bytes");
  });
  EXPECT_EQ(got, expected);
}

TEST(ConsoleTextTest, ValuesWiderThanTheirColumnAreWrittenWhole) {
  EXPECT_EQ(printed([] { text::put_left("OCRAM used", 5); }), "OCRAM used");
  EXPECT_EQ(printed([] { text::put_decimal_right(123456789, 8); }), "123456789");
  EXPECT_EQ(printed([] { text::put_decimal_right(7, 3); }), "  7");
}

}  // namespace
