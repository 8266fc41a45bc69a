// The Teensy 4.0 early boot hook (bsp_early_init), run by Reset_Handler from flash on the OCRAM
// stack, before the fast code and data are copied: FlexRAM split, VTOR, MPU, caches, then the clock
// profile. Only registers, the stack and BSP_NOINIT data are touched here.
#include "bsp/boot_hooks.hpp"
#include "cortex_m/barriers.hpp"
#include "cortex_m/cache.hpp"
#include "cortex_m/registers.hpp"
#include "soc/clock_profile.hpp"
#include "soc/clock_tree.hpp"
#include "soc/flexram.hpp"
#include "soc/image_layout.hpp"
#include "soc/mpu_layout.hpp"
#include "strata_config.hpp"
#include "teensy40_boot_record.hpp"

namespace bsp::teensy40 {

BSP_NOINIT BootRecord g_boot_record;

namespace {

constexpr const imxrt1062::ClockProfile* kProfile =
    imxrt1062::find_clock_profile(strata_config::kClockProfile);
static_assert(kProfile != nullptr, "STRATA_CLOCK_PROFILE names no i.MX RT1062 clock profile");

void early_init() {
  const imxrt1062::image::Layout layout = imxrt1062::image::layout();
  BootRecord& record = g_boot_record;

  // FlexRAM first: nothing may live in ITCM/DTCM before the banks are what the linker planned.
  const imxrt1062::flexram::Result flexram =
      imxrt1062::flexram::configure({layout.itcm_banks, layout.dtcm_banks});
  record.flexram_applied = flexram.applied;
  record.gpr17 = flexram.gpr17;

  // The ROM leaves VTOR on its own table (GPR16 CM7_INIT_VTOR); faults must reach ours.
  mmio::write(cortex_m::reg::kVtor, layout.vector_table);
  cortex_m::dsb();

  record.mpu_configured = imxrt1062::mpu_layout::configure(layout.stack_guard);
  cortex_m::cache::enable_icache();
  cortex_m::cache::enable_dcache();

  record.clock_outcome =
      imxrt1062::arm_clock::set_profile(*kProfile, imxrt1062::arm_clock::kDefaultLimits);
  record.core_hz = imxrt1062::clock_tree::core_hz();
}

}  // namespace
}  // namespace bsp::teensy40

extern "C" void bsp_early_init() { bsp::teensy40::early_init(); }
