// OpError: kernel check failures prefixed with the operator they concern (see kernel.hpp).
#include <stdarg.h>

#include "kernel.hpp"
#include "strata/format.hpp"

namespace strata {

// The operator prefix first, then the detail in the room left, so a long tensor name in the
// detail is shortened rather than the detail's end (its cause) cut off.
Status OpError(const OpContext& ctx, StatusCode code, const char* fmt, ...) {
  char text[Status::kMessageCapacity];
  size_t prefix =
      Format(text, sizeof(text), "operator %u (%s): ", static_cast<unsigned>(ctx.op_index),
             OpName(ctx.builtin_code));
  if (prefix >= sizeof(text)) prefix = sizeof(text) - 1;
  va_list args;
  va_start(args, fmt);
  FormatFitV(text + prefix, sizeof(text) - prefix, fmt, args);
  va_end(args);
  return Status::Error(code, "%s", text);
}

}  // namespace strata
