#include "tim2_counter.hpp"

#include "bsp/mmio.hpp"
#include "rcc.hpp"
#include "stm32f4_registers.hpp"

namespace bsp::stm32f4::tim2_counter {
namespace {

uint32_t g_last = 0;
uint64_t g_high = 0;

}  // namespace

void start(uint32_t prescaler) {
  constexpr uintptr_t kBase = reg::kTim2;
  rcc::enable_clock(reg::kRccApb1enr, reg::kApb1Tim2En);
  mmio::write(kBase + reg::kTimCr1, 0);
  mmio::write(kBase + reg::kTimPsc, prescaler);
  mmio::write(kBase + reg::kTimArr, 0xFFFFFFFFu);
  mmio::write(kBase + reg::kTimEgr, reg::kTimEgrUg);  // load PSC/ARR now, not at the next overflow
  mmio::write(kBase + reg::kTimCnt, 0);
  mmio::write(kBase + reg::kTimCr1, reg::kTimCr1Cen);
  g_last = mmio::read(kBase + reg::kTimCnt);
  g_high = 0;
}

uint64_t ticks() {
  const uint32_t count = mmio::read(reg::kTim2 + reg::kTimCnt);
  if (count < g_last) g_high += 1ull << 32;
  g_last = count;
  return g_high | count;
}

}  // namespace bsp::stm32f4::tim2_counter
