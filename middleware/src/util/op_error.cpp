// OpError: kernel check failures prefixed with the operator they concern (see kernel.hpp).
#include <stdarg.h>

#include "kernel.hpp"
#include "strata/format.hpp"

namespace strata {

Status OpError(const OpContext& ctx, StatusCode code, const char* fmt, ...) {
  char detail[Status::kMessageCapacity];
  va_list args;
  va_start(args, fmt);
  FormatV(detail, sizeof(detail), fmt, args);
  va_end(args);
  return Status::Error(code, "operator %u (%s): %s", static_cast<unsigned>(ctx.op_index),
                       OpName(ctx.builtin_code), detail);
}

}  // namespace strata
