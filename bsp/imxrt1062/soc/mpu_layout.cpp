#include "mpu_layout.hpp"

#include "bsp/mmio.hpp"
#include "cortex_m/barriers.hpp"
#include "cortex_m/registers.hpp"

namespace bsp::imxrt1062::mpu_layout {
namespace {

using cortex_m::mpu::Access;
using cortex_m::mpu::MemoryType;
using cortex_m::mpu::Region;

constexpr uint32_t kLog2_32B = 5;
constexpr uint32_t kLog2_512K = 19;
constexpr uint32_t kLog2_16M = 24;
constexpr uint32_t kLog2_64M = 26;

// The M7 of the RT1062 has 16 regions; whatever the boot ROM (or a previous image, after a soft
// reset) left in the ones Strata does not use must not survive. The MPU is off while regions
// change.
void disable_and_clear_unused() {
  mmio::write(cortex_m::reg::kMpuCtrl, 0);
  cortex_m::dsb();
  cortex_m::isb();
  const uint32_t regions = (mmio::read(cortex_m::reg::kMpuType) >> 8) & 0xFF;
  for (uint32_t number = kStackGuard + 1; number < regions; ++number) {
    mmio::write(cortex_m::reg::kMpuRnr, number);
    mmio::write(cortex_m::reg::kMpuRasr, 0);
  }
}

}  // namespace

Region itcm_region(bool writable) {
  return {0x00000000, kLog2_512K, writable ? Access::kReadWrite : Access::kReadOnly,
          MemoryType::kNormalUncached, true};
}

bool configure(uint32_t stack_guard) {
  const Region regions[] = {
      itcm_region(true),
      {0x00000000, kLog2_32B, Access::kNone, MemoryType::kStronglyOrdered, false},
      {0x20000000, kLog2_512K, Access::kReadWrite, MemoryType::kNormalUncached, false},
      {0x20200000, kLog2_512K, Access::kReadWrite, MemoryType::kNormalCached, false},
      {0x60000000, kLog2_16M, Access::kReadOnly, MemoryType::kNormalCached, true},
      {0x40000000, kLog2_64M, Access::kReadWrite, MemoryType::kDevice, false},
      {stack_guard, kLog2_32B, Access::kNone, MemoryType::kStronglyOrdered, false},
  };
  disable_and_clear_unused();
  bool ok = true;
  for (uint32_t number = 0; number < sizeof(regions) / sizeof(regions[0]); ++number) {
    ok = cortex_m::mpu::configure(number, regions[number]) && ok;
  }
  cortex_m::mpu::enable();
  return ok;
}

void protect_itcm() { (void)cortex_m::mpu::configure(kItcm, itcm_region(false)); }

}  // namespace bsp::imxrt1062::mpu_layout
