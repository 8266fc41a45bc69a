// The console split between the shell and host link frames, as the firmware's main loop runs it.
#include "link/link_port.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "shell/line_reader.hpp"

namespace {

std::vector<uint8_t> g_sent;
void collect(const uint8_t* data, std::size_t length) {
  g_sent.insert(g_sent.end(), data, data + length);
}

struct Handled {
  app::FrameType type;
  std::vector<uint8_t> payload;
};
std::vector<Handled> g_handled;
void record(app::FrameType type, const uint8_t* payload, std::size_t length, app::LinkWrite) {
  g_handled.push_back({type, std::vector<uint8_t>(payload, payload + length)});
}

std::vector<uint8_t> frame(app::FrameType type, const std::vector<uint8_t>& payload) {
  std::vector<uint8_t> saved;
  saved.swap(g_sent);
  app::write_frame(type, payload.data(), payload.size(), collect);
  std::vector<uint8_t> bytes;
  bytes.swap(g_sent);
  g_sent.swap(saved);
  return bytes;
}

class LinkPortTest : public ::testing::Test {
 protected:
  void SetUp() override {
    g_sent.clear();
    g_handled.clear();
  }
  // Feeds bytes the way main() does; returns what reached the shell as text.
  std::string feed(const std::vector<uint8_t>& bytes) {
    std::string shell;
    for (uint8_t b : bytes) {
      if (!port.feed(b, reader.at_line_start(), ++now)) {
        shell += static_cast<char>(b);
        if (reader.feed(static_cast<char>(b)) == app::LineReader::Event::kLine)
          lines.push_back(reader.line());
      }
    }
    return shell;
  }
  // The error frames the port sent: (code, message).
  std::vector<std::pair<int, std::string>> errors() const {
    std::vector<std::pair<int, std::string>> out;
    uint8_t buffer[128];
    app::FrameDecoder decoder(buffer, sizeof(buffer));
    for (uint8_t b : g_sent) {
      if (decoder.feed(b) == app::FrameDecoder::Result::kFrame &&
          decoder.type() == app::FrameType::kError) {
        out.emplace_back(decoder.payload()[0],
                         std::string(reinterpret_cast<const char*>(decoder.payload()) + 1,
                                     decoder.length() - 1));
      }
    }
    return out;
  }

  uint8_t buffer[32];
  app::LinkPort port{buffer, sizeof(buffer), record, collect};
  app::LineReader reader;
  std::vector<std::string> lines;
  uint64_t now = 0;
};

TEST_F(LinkPortTest, FrameAtLineStartGoesToTheHandlerNotTheShell) {
  const std::vector<uint8_t> bytes = frame(app::FrameType::kSetInput, {0, 1, 2, 3});
  EXPECT_EQ(feed(bytes), "");
  ASSERT_EQ(g_handled.size(), 1u);
  EXPECT_EQ(g_handled[0].type, app::FrameType::kSetInput);
  EXPECT_EQ(g_handled[0].payload, (std::vector<uint8_t>{0, 1, 2, 3}));
  EXPECT_FALSE(port.in_frame());
}

TEST_F(LinkPortTest, SyncByteInsideATextLineStaysText) {
  std::vector<uint8_t> bytes = {'a', 0xA5, 0x5A, 'b', '\r'};
  EXPECT_EQ(feed(bytes).size(), bytes.size());
  EXPECT_TRUE(g_handled.empty());
  EXPECT_TRUE(g_sent.empty());
}

TEST_F(LinkPortTest, TextAndFramesInterleave) {
  std::vector<uint8_t> bytes = {'i', 'n', 'f', 'o', '\r'};
  const std::vector<uint8_t> f = frame(app::FrameType::kInvoke, {});
  bytes.insert(bytes.end(), f.begin(), f.end());
  for (char c : std::string("help\n")) bytes.push_back(static_cast<uint8_t>(c));
  EXPECT_EQ(feed(bytes), "info\rhelp\n");
  EXPECT_EQ(lines, (std::vector<std::string>{"info", "help"}));
  ASSERT_EQ(g_handled.size(), 1u);
  EXPECT_EQ(g_handled[0].type, app::FrameType::kInvoke);
}

TEST_F(LinkPortTest, BadCrcIsAnsweredAndTheNextFrameWorks) {
  std::vector<uint8_t> bad = frame(app::FrameType::kInfoRequest, {});
  bad.back() ^= 0x01;
  feed(bad);
  EXPECT_TRUE(g_handled.empty());
  EXPECT_EQ(errors(), (std::vector<std::pair<int, std::string>>{{1, "bad CRC"}}));
  feed(frame(app::FrameType::kInfoRequest, {}));
  EXPECT_EQ(g_handled.size(), 1u);
}

TEST_F(LinkPortTest, OversizedLengthIsRefusedWithTheBufferSize) {
  feed({0xA5, 0x5A, 0x02, 0x21, 0x00});  // 33 bytes into a 32-byte buffer
  EXPECT_EQ(errors(), (std::vector<std::pair<int, std::string>>{
                          {2, "frame longer than the receive buffer (32 bytes)"}}));
  EXPECT_FALSE(port.in_frame());
  EXPECT_TRUE(port.dropping());
}

// The payload of a frame refused at its header is not shell text: "exit 3" in it must not run.
TEST_F(LinkPortTest, PayloadOfARefusedFrameNeverReachesTheShell) {
  std::vector<uint8_t> bytes = {0xA5, 0x5A, 0x02, 0x21, 0x00};  // 33 bytes: too long
  std::vector<uint8_t> payload(33, 'x');
  const std::string text = "\nexit 3\n";
  std::copy(text.begin(), text.end(), payload.begin());
  bytes.insert(bytes.end(), payload.begin(), payload.end());
  bytes.insert(bytes.end(), {1, 2, 3, 4});  // its CRC
  EXPECT_EQ(feed(bytes), "");
  EXPECT_TRUE(lines.empty());
  EXPECT_EQ(errors().size(), 1u);
  EXPECT_FALSE(port.dropping());
  EXPECT_EQ(feed({'o', 'k', '\r'}), "ok\r");  // then the shell has the console again
  EXPECT_EQ(lines, (std::vector<std::string>{"ok"}));
}

// A sender that gives up after a refused header starts its next frame at once, or after a line
// end as the host client does: that frame is decoded, and the shell gets the console afterwards.
TEST_F(LinkPortTest, NextFrameAfterARefusedHeaderIsDecoded) {
  for (const std::vector<uint8_t>& before : {std::vector<uint8_t>{}, std::vector<uint8_t>{'\r'}}) {
    g_handled.clear();
    std::vector<uint8_t> bytes = {0xA5, 0x5A, 0x02, 0xFF, 0xFF};
    bytes.insert(bytes.end(), before.begin(), before.end());
    const std::vector<uint8_t> info = frame(app::FrameType::kInfoRequest, {});
    bytes.insert(bytes.end(), info.begin(), info.end());
    EXPECT_EQ(feed(bytes), "");
    ASSERT_EQ(g_handled.size(), 1u);
    EXPECT_EQ(g_handled[0].type, app::FrameType::kInfoRequest);
    EXPECT_FALSE(port.dropping());
    EXPECT_EQ(feed({'o', 'k', '\r'}), "ok\r");
  }
}

// Inside the dropped payload, a sync pair counts only at a line start, and 0xA5 alone is dropped.
TEST_F(LinkPortTest, SyncBytesInsideARefusedPayloadAreDropped) {
  std::vector<uint8_t> bytes = {
      0xA5, 0x5A, 0x02, 0x08, 0x00, 'a', 0xA5, 0x5A, '\n',
      0xA5, 'b',  'c',  'd',  0,    0,   0,    0};  // 8 payload bytes and a 4-byte CRC
  EXPECT_EQ(feed(bytes), "");
  EXPECT_TRUE(g_handled.empty());
  EXPECT_EQ(errors().size(), 1u);
  EXPECT_FALSE(port.dropping());
}

// A refused frame whose announced bytes never come does not keep the shell deaf.
TEST_F(LinkPortTest, DroppingEndsAfterTheTimeout) {
  feed({0xA5, 0x5A, 0x02, 0xFF, 0xFF, 'x'});
  EXPECT_TRUE(port.dropping());
  EXPECT_FALSE(port.expire(now + 100, 100));
  EXPECT_TRUE(port.dropping());
  EXPECT_FALSE(port.expire(now + 101, 100));  // no second error frame: the first said it all
  EXPECT_FALSE(port.dropping());
  EXPECT_EQ(errors().size(), 1u);
  now += 101;
  EXPECT_EQ(feed({'o', 'k', '\r'}), "ok\r");
}

TEST_F(LinkPortTest, BadSyncIsAnswered) {
  feed({0xA5, 'h'});
  ASSERT_EQ(errors().size(), 1u);
  EXPECT_EQ(errors()[0].first, 3);
}

TEST_F(LinkPortTest, CutOffFrameExpiresOnlyAfterTheTimeout) {
  const std::vector<uint8_t> f = frame(app::FrameType::kSetInput, {1, 2, 3, 4, 5});
  feed(std::vector<uint8_t>(f.begin(), f.begin() + 6));
  EXPECT_TRUE(port.in_frame());
  EXPECT_FALSE(port.expire(now + 100, 100));
  EXPECT_TRUE(port.in_frame());
  EXPECT_TRUE(port.expire(now + 101, 100));
  EXPECT_FALSE(port.in_frame());
  ASSERT_EQ(errors().size(), 1u);
  EXPECT_EQ(errors()[0].first, 7);
  EXPECT_FALSE(port.expire(now + 1000, 100));  // nothing left to drop
  EXPECT_EQ(feed({'o', 'k', '\r'}), "ok\r");
}

}  // namespace
