// Host link frames: binary messages on the console beside the text shell (docs/protocol.md).
//
//   0xA5 0x5A | type (1) | length (2, little-endian) | payload (length) | CRC-32 (4, LE)
//
// The CRC covers type, length and payload. A frame may start only where a shell line could start,
// so text commands and frames share one serial port. The decoder is a byte-at-a-time state machine
// with a bounded payload buffer: an oversized length, a bad CRC or a stray byte yields an error
// result and the decoder is ready for the next frame; it never writes past its buffer.
#pragma once

#include <cstddef>
#include <cstdint>

namespace app {

inline constexpr uint8_t kFrameSync0 = 0xA5;
inline constexpr uint8_t kFrameSync1 = 0x5A;
inline constexpr std::size_t kFrameOverhead = 9;  // sync 2 + type 1 + length 2 + crc 4

enum class FrameType : uint8_t {
  kInfoRequest = 0x01,  // -> kInfo
  kSetInput = 0x02,     // payload: input index (1) + tensor bytes -> kAck
  kInvoke = 0x03,       // -> kResult (per-layer counts), then kOutput per output
  kGetOutput = 0x04,    // payload: output index (1) -> kOutput
  kInfo = 0x81,         // payload: text `key=value` lines
  kAck = 0x82,
  kResult = 0x83,  // payload: u32 count of layers, then per layer: u16 op index, u8 name length,
                   // name, u64 count; then u64 total and the unit name (rest of payload)
  kOutput = 0x84,  // payload: output index (1) + tensor bytes
  kError = 0xEE,   // payload: error code (1) + message text
};

enum class FrameError : uint8_t {
  kNone = 0,
  kBadCrc = 1,
  kTooLong = 2,      // length larger than the receive buffer
  kBadSync = 3,      // 0xA5 not followed by 0x5A
  kUnknownType = 4,  // reported by the handler, not the decoder
  kBadPayload = 5,   // reported by the handler (wrong size, bad index)
  kRuntime = 6,      // the runtime failed; the message is its status message
  kTimeout = 7,      // a frame's bytes stopped coming (the link port drops it)
};

class FrameDecoder {
 public:
  enum class Result { kNeedMore, kFrame, kError };

  FrameDecoder(uint8_t* buffer, std::size_t capacity) : buffer_(buffer), capacity_(capacity) {}

  // Feeds one byte. kFrame: type()/payload()/length() describe a complete, CRC-checked frame.
  // kError: error() says why; the partial frame is dropped.
  Result feed(uint8_t byte);
  bool idle() const { return state_ == State::kSync0; }
  // Drops a frame in progress.
  void reset() { state_ = State::kSync0; }

  FrameType type() const { return static_cast<FrameType>(type_); }
  const uint8_t* payload() const { return buffer_; }
  std::size_t length() const { return length_; }
  FrameError error() const { return error_; }

 private:
  enum class State { kSync0, kSync1, kType, kLength0, kLength1, kPayload, kCrc };
  Result fail(FrameError error);

  uint8_t* buffer_;
  std::size_t capacity_;
  State state_ = State::kSync0;
  uint8_t type_ = 0;
  std::size_t length_ = 0;
  std::size_t received_ = 0;
  uint32_t crc_ = 0;
  uint32_t received_crc_ = 0;
  int crc_bytes_ = 0;
  FrameError error_ = FrameError::kNone;
};

// Writes a frame through `write` (called with consecutive pieces): header, payload, CRC.
void write_frame(FrameType type, const uint8_t* payload, std::size_t length,
                 void (*write)(const uint8_t* data, std::size_t length));

// A frame sent in pieces (e.g. a result record built field by field): begin, any number of parts,
// end. `total_length` must equal the sum of the parts.
class FrameWriter {
 public:
  FrameWriter(FrameType type, std::size_t total_length,
              void (*write)(const uint8_t* data, std::size_t length));
  void part(const void* data, std::size_t length);
  void end();

 private:
  void (*write_)(const uint8_t*, std::size_t);
  uint32_t crc_;
};

}  // namespace app
