// Status construction and code names (see strata/status.hpp).
#include "strata/status.hpp"

#include <stdarg.h>

#include "strata/format.hpp"

namespace strata {

const char* StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "ok";
    case StatusCode::kInvalidArgument:
      return "invalid argument";
    case StatusCode::kMalformedModel:
      return "malformed model";
    case StatusCode::kUnsupported:
      return "unsupported";
    case StatusCode::kArenaTooSmall:
      return "arena too small";
    case StatusCode::kNotReady:
      return "not ready";
    case StatusCode::kInternal:
      return "internal error";
  }
  return "unknown";
}

Status Status::Error(StatusCode code, const char* fmt, ...) {
  Status s;
  s.code_ = code;
  va_list args;
  va_start(args, fmt);
  FormatFitV(s.message_, sizeof(s.message_), fmt, args);
  va_end(args);
  return s;
}

}  // namespace strata
