#include "cortex_m/systick.hpp"

#include "bsp/mmio.hpp"
#include "cortex_m/registers.hpp"

namespace cortex_m::systick {
namespace {

constexpr uint32_t kReload = 0x00FFFFFF;
constexpr uint32_t kCsrEnableCoreClock = (1u << 0) | (1u << 2);  // ENABLE | CLKSOURCE

uint32_t g_last = 0;
uint64_t g_total = 0;

}  // namespace

void start() {
  mmio::write(reg::kSystCsr, 0);
  mmio::write(reg::kSystRvr, kReload);
  mmio::write(reg::kSystCvr, 0);
  mmio::write(reg::kSystCsr, kCsrEnableCoreClock);
  g_last = mmio::read(reg::kSystCvr);
  g_total = 0;
}

uint64_t now() {
  // Down counter: elapsed = last - current, modulo the 24-bit period.
  const uint32_t current = mmio::read(reg::kSystCvr) & kReload;
  g_total += (g_last - current) & kReload;
  g_last = current;
  return g_total;
}

}  // namespace cortex_m::systick
