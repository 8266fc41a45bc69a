// LinkPort: the console is shared by the text shell and the host link's binary frames.
//
// Every received byte is offered to the port first. A frame may start only where a shell line
// could start (the shell says so), with the sync byte 0xA5, which no one types; from there the
// bytes belong to the frame decoder until the frame ends, and the shell never sees them. A
// complete, CRC-checked frame goes to the handler; a broken one (bad CRC, too long, bad sync) is
// answered with an error frame. A frame whose bytes stop coming is dropped after a timeout, so a
// cut-off transfer cannot leave the shell deaf.
#pragma once

#include <cstddef>
#include <cstdint>

#include "link/frame.hpp"

namespace app {

using LinkWrite = void (*)(const uint8_t* data, std::size_t length);

// Handles one request frame; replies through `write` (write_frame / FrameWriter / send_link_error).
using LinkHandler = void (*)(FrameType type, const uint8_t* payload, std::size_t length,
                             LinkWrite write);

class LinkPort {
 public:
  LinkPort(uint8_t* buffer, std::size_t capacity, LinkHandler handler, LinkWrite write)
      : decoder_(buffer, capacity), capacity_(capacity), handler_(handler), write_(write) {}

  // Offers one console byte received at time `now` (any monotonic count). True when the link
  // took it; false when it belongs to the shell.
  bool feed(uint8_t byte, bool at_line_start, uint64_t now);

  // Drops a frame in progress whose last byte came more than `timeout` counts before `now`.
  // True when a frame was dropped (an error frame says so).
  bool expire(uint64_t now, uint64_t timeout);

  bool in_frame() const { return !decoder_.idle(); }
  std::size_t capacity() const { return capacity_; }

 private:
  FrameDecoder decoder_;
  std::size_t capacity_;
  LinkHandler handler_;
  LinkWrite write_;
  uint64_t last_byte_ = 0;
};

// An error reply: code, then the message text.
void send_link_error(FrameError code, const char* message, LinkWrite write);

}  // namespace app
