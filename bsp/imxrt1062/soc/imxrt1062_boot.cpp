// The i.MX RT1062 early boot hook (bsp_early_init), run by Reset_Handler from flash on the OCRAM
// stack, before the fast code and data are copied: FlexRAM split, VTOR, MPU, caches, then the clock
// profile. Only registers, the stack and BSP_NOINIT data are touched here. A first-priority
// constructor finishes the boot once the copy is done.
#include "bsp/boot_hooks.hpp"
#include "cortex_m/barriers.hpp"
#include "cortex_m/cache.hpp"
#include "cortex_m/profile_lookup.hpp"
#include "cortex_m/registers.hpp"
#include "soc/boot_record.hpp"
#include "soc/clock_profile.hpp"
#include "soc/clock_tree.hpp"
#include "soc/flexram.hpp"
#include "soc/image_layout.hpp"
#include "soc/mpu_layout.hpp"
#include "strata_config.hpp"

namespace bsp::imxrt1062 {

BSP_NOINIT BootRecord g_boot_record;

namespace {

// The profile of this tree, chosen at compile time (a name without a profile does not compile).
constexpr const ClockProfile& kProfile =
    cortex_m::profile_named(kClockProfiles, strata_config::kClockProfile);

void early_init() {
  const image::Layout layout = image::layout();
  BootRecord& record = g_boot_record;
  record.console_ready = false;

  // FlexRAM first: nothing may live in ITCM/DTCM before the banks are what the linker planned.
  const flexram::Result banks = flexram::configure({layout.itcm_banks, layout.dtcm_banks});
  record.flexram_applied = banks.applied;
  record.gpr17 = banks.gpr17;

  // The ROM leaves VTOR on its own table (GPR16 CM7_INIT_VTOR); faults must reach ours.
  mmio::write(cortex_m::reg::kVtor, layout.vector_table);
  cortex_m::dsb();

  record.mpu_configured = mpu_layout::configure(layout.stack_guard);
  cortex_m::cache::enable_icache();
  cortex_m::cache::enable_dcache();

  record.clock_outcome = arm_clock::set_profile(kProfile, arm_clock::kDefaultLimits);
  record.core_hz = clock_tree::core_hz();
}

// The first constructor runs right after Reset_Handler copied the fast code: the barriers make the
// new ITCM contents visible to instruction fetch, then ITCM becomes read-only so a stray write
// cannot corrupt running code.
__attribute__((constructor(101))) void after_fast_code_copy() {
  cortex_m::dsb();
  cortex_m::isb();
  mpu_layout::protect_itcm();
}

}  // namespace
}  // namespace bsp::imxrt1062

extern "C" void bsp_early_init() { bsp::imxrt1062::early_init(); }
