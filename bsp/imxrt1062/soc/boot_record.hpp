// What the i.MX RT1062 early boot hook did, kept in .noinit (the hook runs before .data/.bss exist)
// for clock_info() and the `placement` command.
#pragma once

#include <cstdint>

#include "soc/arm_clock.hpp"

namespace bsp::imxrt1062 {

struct BootRecord {
  arm_clock::Outcome clock_outcome;
  uint32_t core_hz;      // read back from the CCM after the switch
  bool flexram_applied;  // GPR17 read back as written
  uint32_t gpr17;
  bool mpu_configured;
  // False until board_init started the UART: a fault report before that must not touch the
  // clock-gated LPUART (an access to a gated peripheral faults again).
  bool console_ready;
};

extern BootRecord g_boot_record;

}  // namespace bsp::imxrt1062
