#include "shell/line_reader.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

struct Result {
  std::vector<std::string> lines;
  int overflows = 0;
};

Result feed_all(app::LineReader& reader, const std::string& bytes) {
  Result result;
  for (char c : bytes) {
    switch (reader.feed(c)) {
      case app::LineReader::Event::kLine:
        result.lines.emplace_back(reader.line());
        break;
      case app::LineReader::Event::kOverflow:
        ++result.overflows;
        break;
      case app::LineReader::Event::kNone:
        break;
    }
  }
  return result;
}

TEST(LineReader, SplitsOnCrLfAndCrlfOnce) {
  app::LineReader reader;
  const Result r = feed_all(reader, "info\r\nhelp\nrun 3\r");
  EXPECT_EQ(r.lines, (std::vector<std::string>{"info", "help", "run 3"}));
  EXPECT_EQ(r.overflows, 0);
}

TEST(LineReader, EmptyLinesAreReportedEmpty) {
  app::LineReader reader;
  const Result r = feed_all(reader, "\n\r\n");
  EXPECT_EQ(r.lines, (std::vector<std::string>{"", ""}));
}

TEST(LineReader, BackspaceEditsAndIgnoresOtherControlBytes) {
  app::LineReader reader;
  const Result r = feed_all(reader, std::string("hex\bl\x01p\x7f\x7fLP\n"));
  EXPECT_EQ(r.lines, (std::vector<std::string>{"heLP"}));
}

TEST(LineReader, OverlongLineIsDroppedWholeAndReportedOnce) {
  app::LineReader reader;
  const std::string longline(app::LineReader::kMaxLine + 50, 'a');
  const Result r = feed_all(reader, longline + "\ninfo\n");
  EXPECT_EQ(r.overflows, 1);
  // The tail of the long line must not run as a command; the next line is intact.
  EXPECT_EQ(r.lines, (std::vector<std::string>{"info"}));
}

TEST(LineReader, LineOfExactlyMaxLengthIsAccepted) {
  app::LineReader reader;
  const std::string line(app::LineReader::kMaxLine, 'b');
  const Result r = feed_all(reader, line + "\n");
  ASSERT_EQ(r.lines.size(), 1u);
  EXPECT_EQ(r.lines[0], line);
}

}  // namespace
