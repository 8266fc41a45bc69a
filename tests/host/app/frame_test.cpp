#include "link/frame.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "link/crc32.hpp"

namespace {

std::vector<uint8_t> g_sent;
void collect(const uint8_t* data, std::size_t length) {
  g_sent.insert(g_sent.end(), data, data + length);
}

std::vector<uint8_t> encode(app::FrameType type, const std::vector<uint8_t>& payload) {
  g_sent.clear();
  app::write_frame(type, payload.data(), payload.size(), collect);
  return g_sent;
}

struct Decoded {
  int frames = 0;
  std::vector<app::FrameError> errors;
  std::vector<uint8_t> last_payload;
  app::FrameType last_type{};
};

Decoded decode(app::FrameDecoder& decoder, const std::vector<uint8_t>& bytes) {
  Decoded d;
  for (uint8_t b : bytes) {
    switch (decoder.feed(b)) {
      case app::FrameDecoder::Result::kFrame:
        ++d.frames;
        d.last_type = decoder.type();
        d.last_payload.assign(decoder.payload(), decoder.payload() + decoder.length());
        break;
      case app::FrameDecoder::Result::kError:
        d.errors.push_back(decoder.error());
        break;
      case app::FrameDecoder::Result::kNeedMore:
        break;
    }
  }
  return d;
}

TEST(Crc32, MatchesTheStandardCheckValue) {
  const std::string check = "123456789";
  EXPECT_EQ(app::crc32_update(0, reinterpret_cast<const uint8_t*>(check.data()), check.size()),
            0xCBF43926u);
  // Incremental updates give the same result as one pass.
  uint32_t crc = app::crc32_update(0, reinterpret_cast<const uint8_t*>(check.data()), 4);
  crc = app::crc32_update(crc, reinterpret_cast<const uint8_t*>(check.data()) + 4, 5);
  EXPECT_EQ(crc, 0xCBF43926u);
}

TEST(Frame, RoundTripsTypeAndPayload) {
  uint8_t buffer[64];
  app::FrameDecoder decoder(buffer, sizeof(buffer));
  const std::vector<uint8_t> payload = {0, 1, 2, 0xA5, 0x5A, 255};
  const Decoded d = decode(decoder, encode(app::FrameType::kSetInput, payload));
  EXPECT_EQ(d.frames, 1);
  EXPECT_TRUE(d.errors.empty());
  EXPECT_EQ(d.last_type, app::FrameType::kSetInput);
  EXPECT_EQ(d.last_payload, payload);
  EXPECT_TRUE(decoder.idle());
}

TEST(Frame, EmptyPayloadIsAFrame) {
  uint8_t buffer[4];
  app::FrameDecoder decoder(buffer, sizeof(buffer));
  const Decoded d = decode(decoder, encode(app::FrameType::kInvoke, {}));
  EXPECT_EQ(d.frames, 1);
  EXPECT_EQ(d.last_type, app::FrameType::kInvoke);
}

TEST(Frame, CorruptedByteIsABadCrcAndTheNextFrameStillDecodes) {
  uint8_t buffer[64];
  app::FrameDecoder decoder(buffer, sizeof(buffer));
  std::vector<uint8_t> bad = encode(app::FrameType::kSetInput, {1, 2, 3, 4});
  bad[6] ^= 0x10;
  std::vector<uint8_t> stream = bad;
  const std::vector<uint8_t> good = encode(app::FrameType::kInfoRequest, {});
  stream.insert(stream.end(), good.begin(), good.end());
  const Decoded d = decode(decoder, stream);
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_EQ(d.errors[0], app::FrameError::kBadCrc);
  EXPECT_EQ(d.frames, 1);
  EXPECT_EQ(d.last_type, app::FrameType::kInfoRequest);
}

TEST(Frame, LengthBeyondTheBufferIsRejectedBeforeAnyPayloadIsStored) {
  uint8_t buffer[8] = {};
  app::FrameDecoder decoder(buffer, sizeof(buffer));
  const Decoded d = decode(decoder, {0xA5, 0x5A, 0x02, 0x09, 0x00, 7, 7, 7, 7, 7, 7, 7, 7, 7});
  ASSERT_FALSE(d.errors.empty());
  EXPECT_EQ(d.errors[0], app::FrameError::kTooLong);
  for (uint8_t b : buffer) EXPECT_EQ(b, 0);  // nothing written
}

TEST(Frame, StraySyncByteIsReportedAndIgnoredNoise) {
  uint8_t buffer[16];
  app::FrameDecoder decoder(buffer, sizeof(buffer));
  std::vector<uint8_t> stream = {'h', 'i', 0xA5, 'x'};
  const std::vector<uint8_t> good = encode(app::FrameType::kGetOutput, {0});
  stream.insert(stream.end(), good.begin(), good.end());
  const Decoded d = decode(decoder, stream);
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_EQ(d.errors[0], app::FrameError::kBadSync);
  EXPECT_EQ(d.frames, 1);
}

}  // namespace
