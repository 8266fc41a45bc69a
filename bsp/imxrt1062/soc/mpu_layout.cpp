#include "mpu_layout.hpp"

namespace bsp::imxrt1062::mpu_layout {
namespace {

using cortex_m::mpu::Access;
using cortex_m::mpu::MemoryType;
using cortex_m::mpu::Region;

constexpr uint32_t kLog2_32B = 5;
constexpr uint32_t kLog2_512K = 19;
constexpr uint32_t kLog2_16M = 24;
constexpr uint32_t kLog2_64M = 26;

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
  bool ok = true;
  for (uint32_t number = 0; number < sizeof(regions) / sizeof(regions[0]); ++number) {
    ok = cortex_m::mpu::configure(number, regions[number]) && ok;
  }
  cortex_m::mpu::enable();
  return ok;
}

void protect_itcm() { (void)cortex_m::mpu::configure(kItcm, itcm_region(false)); }

}  // namespace bsp::imxrt1062::mpu_layout
