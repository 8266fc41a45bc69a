#include "cmsdk_timer.hpp"

#include "bsp/mmio.hpp"

namespace bsp::cmsdk_timer {
namespace {

constexpr uintptr_t kCtrl = 0x00;
constexpr uintptr_t kValue = 0x04;
constexpr uintptr_t kReload = 0x08;
constexpr uint32_t kCtrlEnable = 1u << 0;

uint32_t g_last = 0;
uint64_t g_total = 0;

}  // namespace

void start(uintptr_t base) {
  mmio::write(base + kCtrl, 0);
  mmio::write(base + kReload, 0xFFFFFFFFu);
  mmio::write(base + kValue, 0xFFFFFFFFu);
  mmio::write(base + kCtrl, kCtrlEnable);
  // Count from the value the timer started at, not from a first read: then ticks() is the exact
  // number of ticks since the start, which converts exactly to instructions (mps2_board.cpp).
  g_last = 0xFFFFFFFFu;
  g_total = 0;
}

uint64_t ticks(uintptr_t base) {
  // Down counter: elapsed ticks = last - current (mod 2^32).
  const uint32_t current = mmio::read(base + kValue);
  g_total += g_last - current;
  g_last = current;
  return g_total;
}

}  // namespace bsp::cmsdk_timer
