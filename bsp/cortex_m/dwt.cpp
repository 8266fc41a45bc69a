#include "cortex_m/dwt.hpp"

#include "bsp/mmio.hpp"
#include "cortex_m/registers.hpp"

namespace cortex_m::dwt {
namespace {

constexpr uint32_t kDemcrTrcena = 1u << 24;
constexpr uint32_t kDwtCtrlCyccntEna = 1u << 0;
// The Cortex-M7 DWT ignores writes until this key is written to its lock access register; on the M4
// the register does not exist (write ignored), so writing it is harmless.
constexpr uint32_t kLarUnlockKey = 0xC5ACCE55;

uint32_t g_last = 0;
uint64_t g_high = 0;

}  // namespace

void start() {
  mmio::set_bits(reg::kDemcr, kDemcrTrcena);
  mmio::write(reg::kDwtLar, kLarUnlockKey);
  mmio::write(reg::kDwtCyccnt, 0);
  mmio::set_bits(reg::kDwtCtrl, kDwtCtrlCyccntEna);
  g_last = 0;
  g_high = 0;
}

uint64_t now() {
  const uint32_t count = mmio::read(reg::kDwtCyccnt);
  if (count < g_last) g_high += 1ull << 32;
  g_last = count;
  return g_high | count;
}

}  // namespace cortex_m::dwt
