// LinkPort: the console is shared by the text shell and the host link's binary frames.
//
// Every received byte is offered to the port first. A frame may start only where a shell line
// could start (the shell says so), with the sync byte 0xA5, which no one types; from there the
// bytes belong to the frame decoder until the frame ends, and the shell never sees them. A
// complete, CRC-checked frame goes to the handler; a broken one (bad CRC, too long, bad sync) is
// answered with an error frame. A frame refused at its header (a length larger than the receive
// buffer) still owns the payload and CRC bytes its header announced: they are dropped, never
// typed at the shell (a payload holding "exit 3\n" must not end the firmware). A sender that gave
// up after such a header may start its next frame at once or after a line end (0xA5 0x5A there
// ends the drop). A frame, or a drop, whose bytes stop coming ends after a timeout, so a cut-off
// transfer cannot leave the shell deaf.
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
  // True when a frame was dropped (an error frame says so). A refused frame's remaining bytes
  // stop being dropped at the same timeout, silently (its error was sent at the header).
  bool expire(uint64_t now, uint64_t timeout);

  bool in_frame() const { return !decoder_.idle(); }
  // True while the payload of a frame refused at its header is being dropped.
  bool dropping() const { return drop_ > 0; }
  std::size_t capacity() const { return capacity_; }

 private:
  // One byte of a refused frame's payload: true when it is dropped, false when it starts the next
  // frame (the decoder then takes it).
  bool drop(uint8_t byte);

  FrameDecoder decoder_;
  std::size_t capacity_;
  LinkHandler handler_;
  LinkWrite write_;
  uint64_t last_byte_ = 0;
  std::size_t drop_ = 0;          // bytes of a refused frame still to drop (payload and CRC)
  bool drop_line_start_ = false;  // the last dropped byte ended a line (or the header just ended)
  bool drop_sync_ = false;        // a 0xA5 at such a place was held back, 0x5A may follow
};

// An error reply: code, then the message text.
void send_link_error(FrameError code, const char* message, LinkWrite write);

}  // namespace app
