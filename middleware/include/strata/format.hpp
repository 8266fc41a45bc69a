// A tiny snprintf replacement for status messages and the firmware's console output, so firmware
// never links newlib's printf family (several KB of flash and a heap for some conversions).
// Conversions: %d %i %u %x %X %s %c %% and %f with precision (%.3f; default 6, at most 9).
// Length modifiers: hh h l ll z (also j, t). Flags: '0' (zero pad), '-' (left align) and '\''
// (thousands separator: 23456 -> "23,456"). Width is a number or '*'.
// Floats are printed with float precision (about 7 significant digits), which is what an MCU
// without a double-precision FPU can afford; |x| >= 2^32 is printed as "big".
#pragma once

#include <stdarg.h>
#include <stddef.h>

namespace strata {

// Writes at most cap-1 characters plus a terminating NUL (when cap > 0) and returns the length
// the full output would have had, like snprintf.
size_t FormatV(char* buf, size_t cap, const char* fmt, va_list args);
// Like FormatV, for messages whose fixed text must survive: when the output does not fit, every %s
// argument longer than the largest limit that lets it fit (never below 8 characters) is printed as
// its head, "..." and its tail, so long names shrink and the rest of the text — the cause of an
// error — stays whole. Returns the length written (less than cap when cap > 0).
size_t FormatFitV(char* buf, size_t cap, const char* fmt, va_list args);

size_t Format(char* buf, size_t cap, const char* fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

}  // namespace strata
