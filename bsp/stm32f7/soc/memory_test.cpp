#include "memory_test.hpp"

#include "bsp/mmio.hpp"
#include "cortex_m/barriers.hpp"
#include "cortex_m/cache.hpp"

namespace bsp::stm32f7::memory_test {
namespace {

namespace mmio = bsp::mmio;

// DCCIMVAC: clean and invalidate the D-cache line holding an address (ARMv7-M ARM, cache
// maintenance operations).
constexpr uintptr_t kDccimvac = 0xE000EF70;

void clean_invalidate_line(uintptr_t address) {
  cortex_m::dsb();
  mmio::write(kDccimvac, static_cast<uint32_t>(address));
  cortex_m::dsb();
}

Result failure(const char* test, uintptr_t address, uint32_t expected, uint32_t actual) {
  return {false, test, address, expected, actual, 0};
}

// Writes f(address) to every word, pushes the cache out, then checks every word.
template <typename Pattern>
Result fill_and_verify(const char* name, uintptr_t start, uint32_t bytes, Pattern pattern) {
  const uintptr_t end = start + (bytes & ~3u);
  for (uintptr_t a = start; a < end; a += 4) mmio::write(a, pattern(a));
  cortex_m::cache::clean_invalidate_dcache();
  for (uintptr_t a = start; a < end; a += 4) {
    const uint32_t actual = mmio::read(a);
    if (actual != pattern(a)) return failure(name, a, pattern(a), actual);
  }
  return {true, name, start, 0, 0, bytes & ~3u};
}

}  // namespace

Result walking_ones(uintptr_t address) {
  for (uint32_t bit = 0; bit < 32; ++bit) {
    const uint32_t pattern = 1u << bit;
    mmio::write(address, pattern);
    clean_invalidate_line(address);
    const uint32_t actual = mmio::read(address);
    if (actual != pattern) return failure("walking-ones", address, pattern, actual);
  }
  return {true, "walking-ones", address, 0, 0, 4};
}

Result address_in_address(uintptr_t start, uint32_t bytes) {
  Result result = fill_and_verify("address-in-address", start, bytes,
                                  [](uintptr_t a) { return static_cast<uint32_t>(a); });
  if (!result.passed) return result;
  return fill_and_verify("address-complement", start, bytes,
                         [](uintptr_t a) { return ~static_cast<uint32_t>(a); });
}

Result run(uintptr_t start, uint32_t bytes) {
  const Result data_lines = walking_ones(start);
  if (!data_lines.passed) return data_lines;
  return address_in_address(start, bytes);
}

}  // namespace bsp::stm32f7::memory_test
