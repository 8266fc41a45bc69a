#include "flexram.hpp"

#include "bsp/mmio.hpp"
#include "cortex_m/barriers.hpp"
#include "imxrt1062_registers.hpp"

namespace bsp::imxrt1062::flexram {

Result configure(const BankPlan& plan) {
  if (!plan_is_valid(plan)) return {false, mmio::read(reg::kGpr17)};
  const uint32_t gpr17 = bank_config(plan);
  // Bank types first, then switch the source of the split from the fuses to GPR17, then the
  // windows: the order of Teensy's ResetHandler (PJRC startup.c).
  mmio::write(reg::kGpr17, gpr17);
  uint32_t enable = reg::kGpr16FlexramBankCfgSel | reg::kGpr16InitDtcmEn;
  if (plan.itcm_banks > 0) enable |= reg::kGpr16InitItcmEn;
  mmio::modify(reg::kGpr16,
               reg::kGpr16FlexramBankCfgSel | reg::kGpr16InitDtcmEn | reg::kGpr16InitItcmEn,
               enable);
  mmio::modify(reg::kGpr14, reg::kGpr14SizeMask,
               (tcm_size_code(plan.dtcm_banks) << reg::kGpr14DtcmSzShift) |
                   (tcm_size_code(plan.itcm_banks) << reg::kGpr14ItcmSzShift));
  cortex_m::dsb();
  cortex_m::isb();
  const uint32_t read_back = mmio::read(reg::kGpr17);
  return {read_back == gpr17, read_back};
}

}  // namespace bsp::imxrt1062::flexram
