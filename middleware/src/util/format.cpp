// Implementation of strata::Format (see strata/format.hpp).
#include "strata/format.hpp"

#include <stdint.h>

namespace strata {
namespace {

constexpr size_t kNoLimit = ~static_cast<size_t>(0);
constexpr size_t kMinShortened = 8;    // shorter names say too little to be worth keeping
constexpr size_t kMaxShortened = 256;  // longest shortened form (the largest buffer it must fit)

// Bounded output cursor: counts every character, stores only what fits. Strings (%s) longer than
// `max_string` are printed shortened (see FormatFitV).
struct Sink {
  char* buf;
  size_t cap;
  size_t len;
  size_t max_string;
  void Put(char c) {
    if (len + 1 < cap) buf[len] = c;
    ++len;
  }
  void Repeat(char c, int n) {
    for (int i = 0; i < n; ++i) Put(c);
  }
};

struct Spec {
  int width = 0;
  int precision = -1;
  bool zero_pad = false;
  bool left = false;
  bool group = false;  // thousands separator
};

// Emits `body` (already in print order) with sign/padding rules applied.
void EmitPadded(Sink& out, const Spec& spec, const char* sign, const char* body, int body_len,
                bool numeric) {
  int sign_len = sign[0] ? 1 : 0;
  int pad = spec.width - body_len - sign_len;
  if (pad < 0) pad = 0;
  if (!spec.left && !(numeric && spec.zero_pad)) out.Repeat(' ', pad);
  if (sign_len) out.Put(sign[0]);
  if (!spec.left && numeric && spec.zero_pad) out.Repeat('0', pad);
  for (int i = 0; i < body_len; ++i) out.Put(body[i]);
  if (spec.left) out.Repeat(' ', pad);
}

// `s` (n characters) in out.max_string characters: its head, "...", its tail (a name's start and
// end say most: "sequential/conv2d_1/Conv2D" -> "sequen...Conv2D").
void EmitShortened(Sink& out, const Spec& spec, const char* s, size_t n) {
  char shortened[kMaxShortened];
  const size_t keep = out.max_string - 3;
  const size_t head = (keep + 1) / 2;
  const size_t tail = keep - head;
  size_t len = 0;
  for (size_t i = 0; i < head; ++i) shortened[len++] = s[i];
  for (int i = 0; i < 3; ++i) shortened[len++] = '.';
  for (size_t i = n - tail; i < n; ++i) shortened[len++] = s[i];
  EmitPadded(out, spec, "", shortened, static_cast<int>(len), false);
}

// v /= base, returning the remainder, by long division over 16-bit chunks: 32-bit operations only
// (a uint64_t division would pull libgcc's 64-bit divide into the firmware).
unsigned DivMod(uint64_t* v, unsigned base) {
  uint64_t q = 0;
  uint32_t rem = 0;
  for (int shift = 48; shift >= 0; shift -= 16) {
    const uint32_t cur = (rem << 16) | static_cast<uint32_t>((*v >> shift) & 0xFFFFu);
    q |= static_cast<uint64_t>(cur / base) << shift;
    rem = cur % base;
  }
  *v = q;
  return rem;
}

// Writes the digits of v in `base` into tmp (forward order); returns the length.
int Digits(uint64_t v, unsigned base, bool upper, bool group, char* tmp) {
  char rev[32];
  int n = 0;
  int in_group = 0;
  const char* set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  do {
    if (group && in_group == 3) {
      rev[n++] = ',';
      in_group = 0;
    }
    rev[n++] = set[DivMod(&v, base)];
    ++in_group;
  } while (v != 0);
  for (int i = 0; i < n; ++i) tmp[i] = rev[n - 1 - i];
  return n;
}

void EmitInteger(Sink& out, const Spec& spec, bool negative, uint64_t magnitude, unsigned base,
                 bool upper) {
  char tmp[40];
  int n = Digits(magnitude, base, upper, spec.group && base == 10, tmp);
  EmitPadded(out, spec, negative ? "-" : "", tmp, n, true);
}

void EmitFloat(Sink& out, const Spec& spec, double value) {
  float v = static_cast<float>(value);  // single precision: no soft-float double math on an MCU
  if (v != v) return EmitPadded(out, spec, "", "nan", 3, false);
  bool negative = v < 0.0f;
  if (negative) v = -v;
  const char* sign = negative ? "-" : "";
  if (v > 4294967040.0f) return EmitPadded(out, spec, sign, v > 3.4e38f ? "inf" : "big", 3, false);
  int precision = spec.precision < 0 ? 6 : (spec.precision > 9 ? 9 : spec.precision);
  uint32_t scale = 1;
  for (int i = 0; i < precision; ++i) scale *= 10;
  // 32-bit conversions: a float -> uint64 cast would pull soft double code into the firmware.
  uint64_t ipart = static_cast<uint32_t>(v);
  const float frac = v - static_cast<float>(static_cast<uint32_t>(v));
  uint32_t fpart = static_cast<uint32_t>(frac * static_cast<float>(scale) + 0.5f);
  if (fpart >= scale) {
    ++ipart;
    fpart -= scale;
  }
  char tmp[48];
  int n = Digits(ipart, 10, false, spec.group, tmp);
  if (precision > 0) {
    tmp[n++] = '.';
    char frac_digits[16];
    int m = Digits(fpart, 10, false, false, frac_digits);
    for (int i = m; i < precision; ++i) tmp[n++] = '0';
    for (int i = 0; i < m; ++i) tmp[n++] = frac_digits[i];
  }
  EmitPadded(out, spec, sign, tmp, n, true);
}

// Parses flags, width, precision; returns the position after them.
const char* ParseSpec(const char* p, Spec& spec, va_list& args) {
  for (;; ++p) {
    if (*p == '0')
      spec.zero_pad = true;
    else if (*p == '-')
      spec.left = true;
    else if (*p == '\'')
      spec.group = true;
    else
      break;
  }
  if (*p == '*') {
    spec.width = va_arg(args, int);
    if (spec.width < 0) {
      spec.left = true;
      spec.width = -spec.width;
    }
    ++p;
  }
  while (*p >= '0' && *p <= '9') spec.width = spec.width * 10 + (*p++ - '0');
  if (*p == '.') {
    spec.precision = 0;
    ++p;
    while (*p >= '0' && *p <= '9') spec.precision = spec.precision * 10 + (*p++ - '0');
  }
  return p;
}

// Length modifier: 0 = int, 1 = long, 2 = long long, 3 = size_t.
const char* ParseLength(const char* p, int& length) {
  length = 0;
  while (*p == 'h') ++p;  // promoted to int anyway
  if (*p == 'l') {
    length = 1;
    if (*++p == 'l') {
      length = 2;
      ++p;
    }
  } else if (*p == 'z' || *p == 't') {
    length = 3;
    ++p;
  } else if (*p == 'j') {
    length = 2;
    ++p;
  }
  return p;
}

int64_t SignedArg(int length, va_list& args) {
  switch (length) {
    case 1:
      return va_arg(args, long);
    case 2:
      return va_arg(args, long long);
    case 3:
      return static_cast<int64_t>(va_arg(args, ptrdiff_t));
    default:
      return va_arg(args, int);
  }
}

uint64_t UnsignedArg(int length, va_list& args) {
  switch (length) {
    case 1:
      return va_arg(args, unsigned long);
    case 2:
      return va_arg(args, unsigned long long);
    case 3:
      return va_arg(args, size_t);
    default:
      return va_arg(args, unsigned int);
  }
}

void EmitConversion(Sink& out, char conv, const Spec& spec, int length, va_list& args) {
  switch (conv) {
    case 'd':
    case 'i': {
      int64_t v = SignedArg(length, args);
      uint64_t mag = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
      return EmitInteger(out, spec, v < 0, mag, 10, false);
    }
    case 'u':
      return EmitInteger(out, spec, false, UnsignedArg(length, args), 10, false);
    case 'x':
    case 'X':
      return EmitInteger(out, spec, false, UnsignedArg(length, args), 16, conv == 'X');
    case 'f':
    case 'F':
      return EmitFloat(out, spec, va_arg(args, double));
    case 'c': {
      char c = static_cast<char>(va_arg(args, int));
      return EmitPadded(out, spec, "", &c, 1, false);
    }
    case 's': {
      const char* s = va_arg(args, const char*);
      if (s == nullptr) s = "(null)";
      size_t n = 0;
      while (s[n] != '\0' && (spec.precision < 0 || n < static_cast<size_t>(spec.precision))) ++n;
      if (n > out.max_string) return EmitShortened(out, spec, s, n);
      return EmitPadded(out, spec, "", s, static_cast<int>(n), false);
    }
    default:  // unknown conversion: print it verbatim so the mistake is visible
      out.Put('%');
      out.Put(conv);
  }
}

size_t FormatLimited(char* buf, size_t cap, const char* fmt, va_list args_in, size_t max_string) {
  Sink out{buf, cap, 0, max_string};
  va_list args;
  va_copy(args, args_in);
  for (const char* p = fmt; *p != '\0'; ++p) {
    if (*p != '%') {
      out.Put(*p);
      continue;
    }
    if (p[1] == '%') {
      out.Put('%');
      ++p;
      continue;
    }
    Spec spec;
    int length = 0;
    p = ParseLength(ParseSpec(p + 1, spec, args), length);
    if (*p == '\0') break;
    EmitConversion(out, *p, spec, length, args);
  }
  va_end(args);
  if (cap > 0) buf[out.len < cap ? out.len : cap - 1] = '\0';
  return out.len;
}

}  // namespace

size_t FormatV(char* buf, size_t cap, const char* fmt, va_list args) {
  return FormatLimited(buf, cap, fmt, args, kNoLimit);
}

size_t FormatFitV(char* buf, size_t cap, const char* fmt, va_list args) {
  size_t n = FormatLimited(buf, cap, fmt, args, kNoLimit);
  if (n < cap || cap == 0) return n;
  // The longest string length that still fits (the output grows with it): binary search.
  size_t lo = kMinShortened;
  size_t hi = cap < kMaxShortened ? cap : kMaxShortened;
  if (FormatLimited(buf, cap, fmt, args, lo) >= cap) hi = lo;  // cut at the end after all
  while (lo < hi) {
    const size_t mid = lo + (hi - lo + 1) / 2;
    if (FormatLimited(buf, cap, fmt, args, mid) < cap) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  n = FormatLimited(buf, cap, fmt, args, lo);
  return n < cap ? n : cap - 1;
}

size_t Format(char* buf, size_t cap, const char* fmt, ...) {
  va_list args;
  va_start(args, fmt);
  size_t n = FormatV(buf, cap, fmt, args);
  va_end(args);
  return n;
}

}  // namespace strata
