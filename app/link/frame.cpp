#include "link/frame.hpp"

#include "link/crc32.hpp"

namespace app {

FrameDecoder::Result FrameDecoder::fail(FrameError error) {
  error_ = error;
  state_ = State::kSync0;
  return Result::kError;
}

FrameDecoder::Result FrameDecoder::feed(uint8_t byte) {
  switch (state_) {
    case State::kSync0:
      if (byte == kFrameSync0) state_ = State::kSync1;
      return Result::kNeedMore;
    case State::kSync1:
      if (byte != kFrameSync1) return fail(FrameError::kBadSync);
      state_ = State::kType;
      return Result::kNeedMore;
    case State::kType:
      type_ = byte;
      crc_ = crc32_update(0, &byte, 1);
      state_ = State::kLength0;
      return Result::kNeedMore;
    case State::kLength0:
      length_ = byte;
      crc_ = crc32_update(crc_, &byte, 1);
      state_ = State::kLength1;
      return Result::kNeedMore;
    case State::kLength1:
      length_ |= static_cast<std::size_t>(byte) << 8;
      crc_ = crc32_update(crc_, &byte, 1);
      if (length_ > capacity_) return fail(FrameError::kTooLong);
      received_ = 0;
      crc_bytes_ = 0;
      received_crc_ = 0;
      state_ = length_ == 0 ? State::kCrc : State::kPayload;
      return Result::kNeedMore;
    case State::kPayload:
      buffer_[received_++] = byte;
      if (received_ == length_) {
        crc_ = crc32_update(crc_, buffer_, length_);
        state_ = State::kCrc;
      }
      return Result::kNeedMore;
    case State::kCrc:
      received_crc_ |= static_cast<uint32_t>(byte) << (8 * crc_bytes_);
      if (++crc_bytes_ < 4) return Result::kNeedMore;
      state_ = State::kSync0;
      if (received_crc_ != crc_) return fail(FrameError::kBadCrc);
      error_ = FrameError::kNone;
      return Result::kFrame;
  }
  return fail(FrameError::kBadSync);
}

FrameWriter::FrameWriter(FrameType type, std::size_t total_length,
                         void (*write)(const uint8_t* data, std::size_t length))
    : write_(write) {
  const uint8_t header[5] = {kFrameSync0, kFrameSync1, static_cast<uint8_t>(type),
                             static_cast<uint8_t>(total_length & 0xFF),
                             static_cast<uint8_t>((total_length >> 8) & 0xFF)};
  write_(header, sizeof(header));
  crc_ = crc32_update(0, header + 2, 3);
}

void FrameWriter::part(const void* data, std::size_t length) {
  const uint8_t* bytes = static_cast<const uint8_t*>(data);
  crc_ = crc32_update(crc_, bytes, length);
  write_(bytes, length);
}

void FrameWriter::end() {
  const uint8_t crc[4] = {static_cast<uint8_t>(crc_), static_cast<uint8_t>(crc_ >> 8),
                          static_cast<uint8_t>(crc_ >> 16), static_cast<uint8_t>(crc_ >> 24)};
  write_(crc, sizeof(crc));
}

void write_frame(FrameType type, const uint8_t* payload, std::size_t length,
                 void (*write)(const uint8_t* data, std::size_t length)) {
  FrameWriter writer(type, length, write);
  writer.part(payload, length);
  writer.end();
}

}  // namespace app
