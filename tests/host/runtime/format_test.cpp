// strata::Format: every conversion, flag and length modifier the firmware relies on.
#include "strata/format.hpp"

#include <climits>
#include <cmath>
#include <cstdarg>
#include <cstdint>
#include <string>

#include "gtest/gtest.h"

namespace {

template <typename... Args>
std::string F(const char* fmt, Args... args) {
  char buf[128];
  strata::Format(buf, sizeof(buf), fmt, args...);
  return buf;
}

TEST(Format, Integers) {
  EXPECT_EQ(F("%d", 0), "0");
  EXPECT_EQ(F("%d|%i", -42, 17), "-42|17");
  EXPECT_EQ(F("%d", INT_MIN), "-2147483648");
  EXPECT_EQ(F("%u", 4294967295u), "4294967295");
  EXPECT_EQ(F("%ld", -1234567890L), "-1234567890");
  EXPECT_EQ(F("%lld", static_cast<long long>(INT64_MIN)), "-9223372036854775808");
  EXPECT_EQ(F("%llu", 18446744073709551615ull), "18446744073709551615");
  EXPECT_EQ(F("%zu", static_cast<size_t>(123456)), "123456");
  EXPECT_EQ(F("%hhd %hd", 5, -6), "5 -6");
}

TEST(Format, Hex) {
  EXPECT_EQ(F("%x", 0xdeadbeefu), "deadbeef");
  EXPECT_EQ(F("%X", 0xdeadbeefu), "DEADBEEF");
  EXPECT_EQ(F("0x%08x", 0x1234u), "0x00001234");
  EXPECT_EQ(F("%llx", 0x123456789abcull), "123456789abc");
}

TEST(Format, WidthPaddingAndAlignment) {
  EXPECT_EQ(F("[%5d]", 42), "[   42]");
  EXPECT_EQ(F("[%05d]", -42), "[-0042]");
  EXPECT_EQ(F("[%-5d]", 42), "[42   ]");
  EXPECT_EQ(F("[%*d]", 4, 7), "[   7]");
  EXPECT_EQ(F("[%-*d]", 3, 7), "[7  ]");
  EXPECT_EQ(F("[%6s]", "ab"), "[    ab]");
  EXPECT_EQ(F("[%-6s]", "ab"), "[ab    ]");
  EXPECT_EQ(F("[%.2s]", "abcdef"), "[ab]");
  EXPECT_EQ(F("[%3c]", 'x'), "[  x]");
  EXPECT_EQ(F("[%2d]", 12345), "[12345]");  // width never truncates
}

TEST(Format, ThousandsSeparator) {
  EXPECT_EQ(F("%'u", 23456u), "23,456");
  EXPECT_EQ(F("%'d", -1234567), "-1,234,567");
  EXPECT_EQ(F("%'u", 999u), "999");
  EXPECT_EQ(F("%'u", 1000u), "1,000");
  EXPECT_EQ(F("%'llu", 1234567890123ull), "1,234,567,890,123");
}

TEST(Format, StringsCharsAndPercent) {
  EXPECT_EQ(F("%s=%c%%", "k", 'v'), "k=v%");
  const char* volatile null_text = nullptr;  // volatile: keep the compiler from flagging it
  EXPECT_EQ(F("%s", null_text), "(null)");
  EXPECT_EQ(F("100%%"), "100%");
}

TEST(Format, Floats) {
  EXPECT_EQ(F("%.3f", 3.14159), "3.142");
  EXPECT_EQ(F("%f", 0.5), "0.500000");
  EXPECT_EQ(F("%.0f", 2.6f), "3");
  EXPECT_EQ(F("%.2f", -0.126), "-0.13");
  EXPECT_EQ(F("%.2f", 0.999), "1.00");  // rounding carries into the integer part
  EXPECT_EQ(F("%.1f", 1234.0), "1234.0");
  EXPECT_EQ(F("%'.1f", 1234567.0), "1,234,567.0");
  EXPECT_EQ(F("%8.2f", 3.5), "    3.50");
  EXPECT_EQ(F("%08.2f", -3.5), "-0003.50");
  EXPECT_EQ(F("%.2f", std::nan("")), "nan");
  EXPECT_EQ(F("%.2f", HUGE_VAL), "inf");
  EXPECT_EQ(F("%.2f", -HUGE_VAL), "-inf");
  EXPECT_EQ(F("%.2f", 1e12), "big");
}

TEST(Format, TruncatesLikeSnprintf) {
  char buf[6];
  const size_t n = strata::Format(buf, sizeof(buf), "%s-%d", "abcd", 12345);
  EXPECT_EQ(n, 10u);  // the length the full text would have had
  EXPECT_STREQ(buf, "abcd-");
  char one[1] = {'x'};
  EXPECT_EQ(strata::Format(one, 1, "hello"), 5u);
  EXPECT_EQ(one[0], '\0');
  EXPECT_EQ(strata::Format(nullptr, 0, "%d", 123), 3u);  // sizing call
}

std::string Fit(size_t cap, const char* fmt, ...) {
  std::string buf(cap, '#');
  va_list args;
  va_start(args, fmt);
  const size_t n = strata::FormatFitV(&buf[0], cap, fmt, args);
  va_end(args);
  EXPECT_LT(n, cap);
  EXPECT_EQ(buf[n], '\0');
  return buf.substr(0, n);
}

TEST(Format, FitKeepsTextThatFits) {
  EXPECT_EQ(Fit(64, "tensor %d (%s): bad", 3, "conv/weights"), "tensor 3 (conv/weights): bad");
}

TEST(Format, FitShortensTheNamesNotTheText) {
  // 16 characters of fixed text and two names of 20 in 39 characters: names of 11 each.
  const std::string out =
      Fit(40, "a=%s b=%s: the cause", "AAAAAAAAAAAAAAAAAAA1", "BBBBBBBBBBBBBBBBBBB2");
  EXPECT_EQ(out, "a=AAAA...AAA1 b=BBBB...BBB2: the cause");
  EXPECT_EQ(Fit(40, "%s: the cause", std::string(100, 'n').c_str()),
            std::string(13, 'n') + "..." + std::string(12, 'n') + ": the cause");
}

TEST(Format, FitCutsAtTheEndOnlyWhenTheTextItselfIsTooLong) {
  EXPECT_EQ(Fit(12, "%s and a long fixed text", "name-of-twenty-chars"), "nam...rs an");
}

TEST(Format, UnknownConversionIsVisible) { EXPECT_EQ(F("%q"), "%q"); }

}  // namespace
