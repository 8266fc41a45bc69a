// The i.MX RT1062 MPU map used by Strata (after Teensy's configure_cache; ARMv7-M ARM B3.5): memory
// types for the caches (OCRAM and FlexSPI write-back cached, TCMs uncached, peripherals device),
// execute-never on data memory, read-only flash, and two 32-byte no-access guards: ITCM address 0
// (null function pointers) and the word below the stack (overflow). The default map stays as
// background.
#pragma once

#include <cstdint>

#include "cortex_m/mpu.hpp"

namespace bsp::imxrt1062::mpu_layout {

enum RegionNumber : uint32_t {
  kItcm = 0,
  kNullGuard = 1,
  kDtcm = 2,
  kOcram = 3,
  kFlexspi = 4,
  kPeripherals = 5,
  kStackGuard = 6,
};

// ITCM is writable while the boot code copies the fast code into it, read-only afterwards.
cortex_m::mpu::Region itcm_region(bool writable);

// Disables the MPU, clears the regions Strata does not use, programs every region (ITCM writable)
// and enables the MPU; false if a region was rejected.
bool configure(uint32_t stack_guard);

// After the copy: ITCM becomes read-only, so a stray write cannot corrupt the running code.
void protect_itcm();

}  // namespace bsp::imxrt1062::mpu_layout
