#include "cortex_m/mpu.hpp"

#include "bsp/mmio.hpp"
#include "cortex_m/barriers.hpp"
#include "cortex_m/registers.hpp"

namespace cortex_m::mpu {
namespace {

constexpr uint32_t kRasrEnable = 1u << 0;
constexpr uint32_t kRasrXn = 1u << 28;
constexpr uint32_t kCtrlEnable = 1u << 0;
constexpr uint32_t kCtrlPrivDefEna = 1u << 2;

// TEX/C/B/S for each memory type (ARMv7-M ARM, table B3-13).
uint32_t type_bits(MemoryType type) {
  switch (type) {
    case MemoryType::kNormalCached:
      return (0b001u << 19) | (1u << 17) | (1u << 16);  // WB-WA
    case MemoryType::kNormalUncached:
      return 0b001u << 19;  // non-cacheable
    case MemoryType::kDevice:
      return (1u << 16) | (1u << 18);  // shared device
    case MemoryType::kStronglyOrdered:
      return 0;
  }
  return 0;
}

uint32_t access_bits(Access access) {
  switch (access) {
    case Access::kNone:
      return 0b000u << 24;
    case Access::kReadWrite:
      return 0b011u << 24;
    case Access::kReadOnly:
      return 0b110u << 24;
  }
  return 0;
}

}  // namespace

uint32_t rasr_value(const Region& region) {
  return access_bits(region.access) | type_bits(region.type) | (region.execute ? 0u : kRasrXn) |
         ((region.size_log2 - 1) << 1) | kRasrEnable;
}

bool configure(uint32_t number, const Region& region) {
  if (number > 7 || region.size_log2 < 5 || region.size_log2 > 32) return false;
  const uint64_t size = 1ull << region.size_log2;
  if (region.base % size != 0) return false;
  dsb();
  mmio::write(reg::kMpuRnr, number);
  mmio::write(reg::kMpuRbar, region.base);
  mmio::write(reg::kMpuRasr, rasr_value(region));
  dsb();
  isb();
  return true;
}

void enable() {
  mmio::set_bits(reg::kShcsr, reg::kShcsrMemFaultEnable | reg::kShcsrBusFaultEnable |
                                  reg::kShcsrUsageFaultEnable);
  mmio::write(reg::kMpuCtrl, kCtrlEnable | kCtrlPrivDefEna);
  dsb();
  isb();
}

}  // namespace cortex_m::mpu
