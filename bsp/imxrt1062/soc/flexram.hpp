// FlexRAM bank configuration of the i.MX RT1062: how its 16 banks of 32 KB are split between ITCM,
// DTCM and OCRAM.
//
// The linker script counts the banks the image needs (code it places in ITCM, data in DTCM) and the
// early boot hook applies that split through IOMUXC_GPR17 (bank types), GPR16 (take the split from
// GPR17 instead of the fuses, enable both TCMs) and GPR14 (TCM address-window sizes), in that
// order, as Teensy's reset handler does (IMXRT1060RM FlexRAM). It must run before anything lives in
// ITCM or DTCM: the Strata stack is in OCRAM2, which FlexRAM does not affect, so the hook can run
// as plain C++.
#pragma once

#include <cstdint>

namespace bsp::imxrt1062::flexram {

inline constexpr uint32_t kBankCount = 16;
inline constexpr uint32_t kBankBytes = 32 * 1024;

// Bank type codes in GPR17, two bits per bank (IMXRT1060RM IOMUXC_GPR_GPR17 FLEXRAM_BANK_CFG).
inline constexpr uint32_t kBankUnused = 0b00;
inline constexpr uint32_t kBankOcram = 0b01;
inline constexpr uint32_t kBankDtcm = 0b10;
inline constexpr uint32_t kBankItcm = 0b11;

struct BankPlan {
  uint32_t itcm_banks;
  uint32_t dtcm_banks;  // the remaining banks become OCRAM
};

// GPR17: the lowest banks ITCM, then DTCM, the rest OCRAM (Teensy: 0xAAAAAAAB for 1 ITCM bank).
constexpr uint32_t bank_config(const BankPlan& plan) {
  uint32_t value = 0;
  for (uint32_t bank = 0; bank < kBankCount; ++bank) {
    uint32_t type = kBankOcram;
    if (bank < plan.itcm_banks) {
      type = kBankItcm;
    } else if (bank < plan.itcm_banks + plan.dtcm_banks) {
      type = kBankDtcm;
    }
    value |= type << (2 * bank);
  }
  return value;
}

// GPR14 size code of a TCM holding `banks` banks: the smallest power-of-two window that covers
// them, encoded as log2(KB) + 1 (4 KB = 3 ... 512 KB = 10, IOMUXC_GPR_GPR14); 0 = no TCM.
constexpr uint32_t tcm_size_code(uint32_t banks) {
  if (banks == 0) return 0;
  const uint32_t kilobytes = banks * (kBankBytes / 1024);
  uint32_t code = 3;  // 4 KB
  for (uint32_t window = 4; window < kilobytes; window *= 2) ++code;
  return code;
}

constexpr bool plan_is_valid(const BankPlan& plan) {
  return plan.dtcm_banks > 0 && plan.itcm_banks + plan.dtcm_banks <= kBankCount;
}

// What configure() did; `applied` is false when the plan was invalid (nothing written) or GPR17 did
// not read back as written.
struct Result {
  bool applied;
  uint32_t gpr17;
};

// Writes GPR17, GPR16 and GPR14 for `plan` (GPR16's VTOR field is kept) and reads GPR17 back.
Result configure(const BankPlan& plan);

}  // namespace bsp::imxrt1062::flexram
