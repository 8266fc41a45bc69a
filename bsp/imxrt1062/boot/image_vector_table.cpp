// The IVT and boot data instances, in their own sections (.ivt, .boot_data) that the linker script
// places at 0x60001000 and right after. Constant data built from link-time addresses only.
#include "image_vector_table.hpp"

extern "C" {
void imxrt1062_reset_entry();
// Linker script: image length from 0x60000000 to the last flash byte (an absolute symbol).
extern const uint8_t __flexspi_image_size[];
}

namespace bsp::imxrt1062::boot {

static_assert(sizeof(uintptr_t) != 4 || sizeof(ImageVectorTable) == 32, "IVT is 32 bytes");
static_assert(sizeof(BootData) == 16, "boot data is 16 bytes");

extern "C" __attribute__((section(".boot_data"), used)) const BootData g_imxrt1062_boot_data = {
    kFlexspiBase, static_cast<uint32_t>(reinterpret_cast<uintptr_t>(__flexspi_image_size)), 0,
    0xFFFFFFFFu};

extern "C" __attribute__((section(".ivt"), used))
const ImageVectorTable g_imxrt1062_ivt = {kIvtHeader,
                                          reinterpret_cast<uintptr_t>(&imxrt1062_reset_entry),
                                          0,
                                          0,
                                          reinterpret_cast<uintptr_t>(&g_imxrt1062_boot_data),
                                          reinterpret_cast<uintptr_t>(&g_imxrt1062_ivt),
                                          0,
                                          0};

}  // namespace bsp::imxrt1062::boot
