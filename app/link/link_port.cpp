#include "link/link_port.hpp"

#include <cstring>

#include "strata/format.hpp"

namespace app {

void send_link_error(FrameError code, const char* message, LinkWrite write) {
  const std::size_t length = std::strlen(message);
  FrameWriter writer(FrameType::kError, 1 + length, write);
  const uint8_t code_byte = static_cast<uint8_t>(code);
  writer.part(&code_byte, 1);
  writer.part(message, length);
  writer.end();
}

bool LinkPort::drop(uint8_t byte) {
  if (drop_sync_) {
    drop_sync_ = false;
    if (byte == kFrameSync1) {  // a new frame: the sender gave up the refused one
      drop_ = 0;
      decoder_.feed(kFrameSync0);
      return false;
    }
  } else if (drop_line_start_ && byte == kFrameSync0) {
    drop_sync_ = true;  // counted as dropped unless 0x5A follows
  }
  drop_line_start_ = byte == '\r' || byte == '\n';
  --drop_;
  return true;
}

bool LinkPort::feed(uint8_t byte, bool at_line_start, uint64_t now) {
  const bool dropping = drop_ > 0;
  if (!dropping && decoder_.idle() && !(at_line_start && byte == kFrameSync0)) return false;
  last_byte_ = now;
  if (dropping && drop(byte)) return true;
  switch (decoder_.feed(byte)) {
    case FrameDecoder::Result::kNeedMore:
      break;
    case FrameDecoder::Result::kFrame:
      handler_(decoder_.type(), decoder_.payload(), decoder_.length(), write_);
      break;
    case FrameDecoder::Result::kError: {
      char message[64];
      switch (decoder_.error()) {
        case FrameError::kBadCrc:
          strata::Format(message, sizeof(message), "bad CRC");
          break;
        case FrameError::kTooLong:
          strata::Format(message, sizeof(message),
                         "frame longer than the receive buffer (%zu bytes)", capacity_);
          drop_ = decoder_.length() + 4;  // its payload and CRC are not shell text
          drop_line_start_ = true;        // a sender that gave up may start a frame right away
          drop_sync_ = false;
          break;
        default:
          strata::Format(message, sizeof(message), "bad sync: 0xA5 not followed by 0x5A");
          break;
      }
      send_link_error(decoder_.error(), message, write_);
      break;
    }
  }
  return true;
}

bool LinkPort::expire(uint64_t now, uint64_t timeout) {
  if (now - last_byte_ <= timeout) return false;
  drop_ = 0;
  drop_sync_ = false;
  if (decoder_.idle()) return false;
  decoder_.reset();
  send_link_error(FrameError::kTimeout, "frame cut off: no byte within the timeout", write_);
  return true;
}

}  // namespace app
