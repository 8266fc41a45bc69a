// Assembles console bytes into command lines, safely.
//
// Bytes arrive one at a time; a line ends at CR or LF (CRLF counts once). Backspace/DEL edit the
// line. A line longer than the buffer is not truncated into a different command: the rest of it is
// dropped and the reader reports kOverflow once, at the end of that line, so the shell answers with
// a clear message and keeps its state. Control bytes other than these are ignored.
#pragma once

#include <cstddef>

namespace app {

class LineReader {
 public:
  static constexpr std::size_t kMaxLine = 120;

  enum class Event { kNone, kLine, kOverflow };

  // Feeds one byte; returns kLine when line() holds a complete line (NUL-terminated).
  Event feed(char byte);
  const char* line() const { return buffer_; }
  std::size_t length() const { return length_; }
  // True when nothing of a new line has arrived yet (where a host link frame may start).
  bool at_line_start() const { return complete_ || (length_ == 0 && !overflowed_); }

 private:
  char buffer_[kMaxLine + 1] = {};
  std::size_t length_ = 0;
  bool overflowed_ = false;
  bool last_was_cr_ = false;
  bool complete_ = false;
};

}  // namespace app
