// The image vector table (IVT) and boot data the i.MX RT1062 boot ROM looks for at 0x60001000 when
// it boots from FlexSPI NOR: where the image starts and how long it is, and where to jump.
//
// Entry convention (IMXRT1060RM, System Boot: Image Vector Table): NXP's SDK stores the
// vector-table address with IVT version 0x41, Teensy stores the reset code address with version
// 0x43, and both boot. Strata follows Teensy: the entry is imxrt1062_reset_entry (reset_entry.cpp),
// which loads the stack pointer itself before calling the common Reset_Handler, so the image starts
// the same whether the ROM jumps to the entry or a debugger resets through the vector table.
#pragma once

#include <cstdint>

namespace bsp::imxrt1062::boot {

inline constexpr uint32_t kFlexspiBase = 0x60000000;
inline constexpr uint32_t kIvtOffset = 0x1000;
// Header: tag 0xD1, length 0x0020 stored big-endian, version 0x43 (bytes D1 00 20 43).
inline constexpr uint32_t kIvtHeader = 0x432000D1;

struct BootData {
  uint32_t start;        // image start: the beginning of the flash, where the FCFB is
  uint32_t size;         // bytes from `start` the ROM treats as the image
  uint32_t plugin;       // 0: a normal image
  uint32_t placeholder;  // pads BOOT_DATA_T to 16 bytes (NXP's layout)
};

struct ImageVectorTable {
  uint32_t header;
  uintptr_t entry;  // Thumb address of the first code to run
  uint32_t reserved1;
  uint32_t dcd;         // no device configuration data
  uintptr_t boot_data;  // &BootData
  uintptr_t self;       // &this IVT: the ROM checks it to find the image's link address
  uint32_t csf;         // no HAB signature
  uint32_t reserved2;
};

}  // namespace bsp::imxrt1062::boot
