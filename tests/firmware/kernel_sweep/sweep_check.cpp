// Buffers and comparison helpers shared by the sweep checks (see sweep_check.hpp).
#include "sweep_check.hpp"

#include "test_console.hpp"

namespace sweep {

Outputs g_out;

// The sweep compares buffers; on memory that reads as zero whatever is written, every comparison
// would "match". Prove the buffers hold what is written before trusting any result.
bool buffers_are_memory() {
  const struct {
    void* p;
    uint32_t bytes;
  } regions[] = {{&g_case, sizeof g_case}, {&g_out, sizeof g_out}};
  for (const auto& r : regions) {
    auto* b = static_cast<volatile uint8_t*>(r.p);
    for (uint32_t i = 0; i < r.bytes; i += 997) b[i] = static_cast<uint8_t>(i * 7 + 1);
    for (uint32_t i = 0; i < r.bytes; i += 997) {
      if (b[i] != static_cast<uint8_t>(i * 7 + 1)) return false;
    }
  }
  return true;
}

bool report_failure(const char* what, int32_t index, const char* reason, const Dims4& in,
                    const Dims4& out) {
  test_console::print(what);
  test_console::print(" case ");
  test_console::print_u64(static_cast<uint64_t>(index));
  test_console::print(": ");
  test_console::print(reason);
  test_console::print(" (in ");
  const int32_t dims[] = {in.n, in.h, in.w, in.c, out.n, out.h, out.w, out.c};
  for (int k = 0; k < 8; ++k) {
    test_console::print_u64(static_cast<uint64_t>(dims[k]));
    test_console::print(k == 3 ? " out " : (k == 7 ? ")\r\n" : "x"));
  }
  return false;
}

bool same_bytes(const int8_t* a, const int8_t* b, int32_t n) {
  for (int32_t i = 0; i < n; ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

bool close_floats(const float* got, const float* want, int32_t n) {
  for (int32_t i = 0; i < n; ++i) {
    const float d = got[i] > want[i] ? got[i] - want[i] : want[i] - got[i];
    const float w = want[i] < 0 ? -want[i] : want[i];
    if (!(d <= 1e-4f + 1e-3f * w)) return false;
  }
  return true;
}

void garble(void* p, uint32_t bytes) {
  auto* b = static_cast<uint8_t*>(p);
  for (uint32_t i = 0; i < bytes; ++i) b[i] = static_cast<uint8_t>(0xA5 ^ i);
}

}  // namespace sweep
