#include "dcdc.hpp"

#include "bsp/mmio.hpp"
#include "ccm.hpp"
#include "imxrt1062_registers.hpp"

namespace bsp::imxrt1062::dcdc {

uint32_t target_millivolts() {
  return millivolts_for_trg(mmio::read(reg::kDcdcReg3) & reg::kDcdcTrgMask);
}

bool set_millivolts(uint32_t millivolts, uint32_t max_polls) {
  // The DCDC registers do not respond while its clock gate is off (CCM_CCGR6).
  ccm::gate_on(reg::kGateDcdc);
  mmio::modify(reg::kDcdcReg3, reg::kDcdcTrgMask, trg_for_millivolts(millivolts));
  return mmio::wait_until(reg::kDcdcReg0, reg::kDcdcStsDcOk, reg::kDcdcStsDcOk, max_polls);
}

}  // namespace bsp::imxrt1062::dcdc
