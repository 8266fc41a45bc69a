// Status: the result of every fallible runtime call (model loading, prepare, kernel checks).
// A Status carries a code and a human-readable message formatted in place, so no heap is needed and
// a message can name the tensor or operator that is wrong. Invoke paths never create error
// statuses, so the inline message buffer only costs stack at load/prepare time.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace strata {

enum class StatusCode : uint8_t {
  kOk = 0,
  kInvalidArgument,  // caller passed something unusable (null pointer, misaligned arena, bad index)
  kMalformedModel,  // the .tflite bytes are not a valid model (failed verification or a consistency
                    // check)
  kUnsupported,     // valid model, but it uses an op, version, type or feature the runtime lacks
  kArenaTooSmall,   // the arena cannot hold the plan; the message says how many bytes are needed
  kNotReady,        // call order violated (e.g. Invoke before Prepare)
  kInternal,        // a runtime invariant broke (a bug)
};

// Short lowercase name of a code, e.g. "malformed model".
const char* StatusCodeName(StatusCode code);

class Status {
 public:
  // Room for the longest fixed message text with names of about 60 characters; longer names are
  // shortened in the middle so the cause is never cut (FormatFitV).
  static constexpr size_t kMessageCapacity = 256;

  Status() : code_(StatusCode::kOk) { message_[0] = '\0'; }
  static Status Ok() { return Status(); }
  // printf-like message (see strata/format.hpp for the accepted conversions). When it does not
  // fit, %s arguments (names) are shortened, not the text around them (strata::FormatFitV).
  static Status Error(StatusCode code, const char* fmt, ...)
#if defined(__GNUC__)
      __attribute__((format(printf, 2, 3)))
#endif
      ;

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const char* message() const { return message_; }

 private:
  StatusCode code_;
  char message_[kMessageCapacity];
};

}  // namespace strata

// Propagates a non-OK Status to the caller. Used in prepare-time code only.
#define STRATA_RETURN_IF_ERROR(expr)                 \
  do {                                               \
    ::strata::Status strata_status_ = (expr);        \
    if (!strata_status_.ok()) return strata_status_; \
  } while (0)
