// Reads back which clock the i.MX RT1062 core really runs at, from the CCM mux and divider
// registers and the PLL settings, so the banner reports the truth after any fallback (IMXRT1060RM
// CCM_CBCMR, CCM_CBCDR, CCM_CACRR).
//
// core (AHB_CLK_ROOT) = PERIPH_CLK / AHB_PODF, where PERIPH_CLK is either PRE_PERIPH (PLL2, PLL2
// PFD2, PLL2 PFD0, or ARM PLL / ARM_PODF) or PERIPH_CLK2 (USB1 PLL, the oscillator) /
// PERIPH_CLK2_PODF.
#pragma once

#include <cstdint>

namespace bsp::imxrt1062::clock_tree {

uint32_t core_hz();
uint32_t ipg_hz();

}  // namespace bsp::imxrt1062::clock_tree
