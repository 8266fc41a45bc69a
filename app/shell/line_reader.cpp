#include "shell/line_reader.hpp"

namespace app {

LineReader::Event LineReader::feed(char byte) {
  if (complete_) {  // the previous line was handed out: start a new one
    complete_ = false;
    length_ = 0;
    buffer_[0] = '\0';
  }
  const bool was_cr = last_was_cr_;
  last_was_cr_ = byte == '\r';
  if (byte == '\n' && was_cr) return Event::kNone;  // the LF of a CRLF
  if (byte == '\r' || byte == '\n') {
    complete_ = true;
    if (overflowed_) {
      overflowed_ = false;
      length_ = 0;
      buffer_[0] = '\0';
      return Event::kOverflow;
    }
    return Event::kLine;
  }
  if (overflowed_) return Event::kNone;
  if (byte == '\b' || byte == 0x7F) {
    if (length_ > 0) buffer_[--length_] = '\0';
    return Event::kNone;
  }
  if (static_cast<unsigned char>(byte) < 0x20) return Event::kNone;
  if (length_ >= kMaxLine) {
    overflowed_ = true;
    return Event::kNone;
  }
  buffer_[length_++] = byte;
  buffer_[length_] = '\0';
  return Event::kNone;
}

}  // namespace app
