#include "console_out.hpp"

#include <cstdarg>
#include <cstring>

#include "bsp/console.hpp"
#include "strata/format.hpp"

namespace app {

void print(const char* text) { bsp::console::write(text, std::strlen(text)); }

void printf(const char* fmt, ...) {
  // One line of a table or message: room for a whole runtime message (strata::Status holds 256
  // characters) after a prefix such as "error: prepare failed: ". Longer output is cut, never
  // overflows.
  char line[320];
  va_list args;
  va_start(args, fmt);
  size_t length = strata::FormatV(line, sizeof(line), fmt, args);
  va_end(args);
  if (length >= sizeof(line)) length = sizeof(line) - 1;
  bsp::console::write(line, length);
}

}  // namespace app
