#include "shell/command_line.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

TEST(CommandLine, SplitsNameAndArguments) {
  char line[] = "  bench   10\t20 ";
  const app::CommandLine c = app::parse_command_line(line);
  EXPECT_STREQ(c.name, "bench");
  ASSERT_EQ(c.arg_count, 2u);
  EXPECT_STREQ(c.args[0], "10");
  EXPECT_STREQ(c.args[1], "20");
  EXPECT_FALSE(c.too_many_args);
}

TEST(CommandLine, CmdEqualsFormNamesTheSameCommand) {
  char a[] = "CMD=2";
  char b[] = "cmd=1";
  EXPECT_STREQ(app::parse_command_line(a).name, "2");
  EXPECT_STREQ(app::parse_command_line(b).name, "1");
}

TEST(CommandLine, BlankLineHasEmptyName) {
  char line[] = "   \t ";
  EXPECT_STREQ(app::parse_command_line(line).name, "");
}

TEST(CommandLine, TooManyArgumentsIsFlaggedNotDropped) {
  char line[] = "x 1 2 3 4 5 6 7 8 9";
  const app::CommandLine c = app::parse_command_line(line);
  EXPECT_TRUE(c.too_many_args);
  EXPECT_EQ(c.arg_count, app::CommandLine::kMaxArgs);
}

TEST(ParseUint, AcceptsDigitsWithinRangeOnly) {
  unsigned long v = 0;
  EXPECT_TRUE(app::parse_uint("42", 100, &v));
  EXPECT_EQ(v, 42u);
  EXPECT_TRUE(app::parse_uint("100", 100, &v));
  EXPECT_FALSE(app::parse_uint("101", 100, &v));
  EXPECT_FALSE(app::parse_uint("-1", 100, &v));
  EXPECT_FALSE(app::parse_uint("4x", 100, &v));
  EXPECT_FALSE(app::parse_uint("", 100, &v));
  EXPECT_FALSE(app::parse_uint(nullptr, 100, &v));
  EXPECT_FALSE(app::parse_uint("99999999999999999999999", 1000000, &v));
  // A single digit above the limit (the subtraction must not wrap).
  EXPECT_FALSE(app::parse_uint("7", 5, &v));
  EXPECT_FALSE(app::parse_uint("1", 0, &v));
  EXPECT_TRUE(app::parse_uint("0", 0, &v));
}

}  // namespace
