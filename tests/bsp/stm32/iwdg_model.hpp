// A behavioural model of the STM32 IWDG and of the RCC_CSR LSI handshake, on fake_mmio, for the
// register-sequence tests of bsp/stm32/iwdg.cpp.
//
// What it enforces, after RM0090 section 21 / RM0385 section 26: PR and RLR keep their value unless
// the last key written was 0x5555 (any other key locks them again); an accepted PR or RLR write
// sets PVU or RVU, which clear after `update_reads` reads of SR, but only while the LSI runs;
// LSIRDY follows LSION after `lsi_reads` reads of RCC_CSR. Negative counts: never.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <utility>
#include <vector>

#include "bsp/mmio.hpp"
#include "fake_mmio.hpp"
#include "iwdg.hpp"

namespace iwdg_test {

namespace iwdg = bsp::stm32::iwdg;

struct IwdgModel {
  int lsi_reads = 2;
  int update_reads = 3;
};

struct ModelState {
  bool unlocked = false;
  bool started = false;
  int pvu_reads_left = -1;  // -1: no update pending
  int rvu_reads_left = -1;
};

inline std::shared_ptr<ModelState> install(const IwdgModel& model = IwdgModel()) {
  fake_mmio::reset();
  fake_mmio::preset(iwdg::kPr, 0);
  fake_mmio::preset(iwdg::kRlr, iwdg::kRlrMax);  // reset values (RM0090 21.4)
  fake_mmio::ready_after(iwdg::kRccCsr, iwdg::kCsrLsiOn, iwdg::kRccCsr, iwdg::kCsrLsiRdy,
                         model.lsi_reads);
  auto state = std::make_shared<ModelState>();
  fake_mmio::on_write(iwdg::kKr, [state](uint32_t key) {
    state->unlocked = key == iwdg::kKeyUnlock;
    if (key == iwdg::kKeyStart) state->started = true;
    return key;
  });
  const int update_reads = model.update_reads;
  const auto protect = [state, update_reads](uintptr_t address, int ModelState::*pending) {
    fake_mmio::on_write(address, [state, address, update_reads, pending](uint32_t written) {
      if (!state->unlocked) return fake_mmio::value(address);  // write-protected: ignored
      (*state).*pending = update_reads < 0 ? std::numeric_limits<int>::max() : update_reads;
      return written;
    });
  };
  protect(iwdg::kPr, &ModelState::pvu_reads_left);
  protect(iwdg::kRlr, &ModelState::rvu_reads_left);
  fake_mmio::on_read(iwdg::kSr, [state](uint32_t) {
    const bool lsi_runs = (fake_mmio::value(iwdg::kRccCsr) & iwdg::kCsrLsiOn) != 0;
    uint32_t sr = 0;
    for (auto [left, bit] : {std::pair{&state->pvu_reads_left, iwdg::kSrPvu},
                             std::pair{&state->rvu_reads_left, iwdg::kSrRvu}}) {
      if (*left < 0) continue;
      if (*left == 0 && lsi_runs) {
        *left = -1;
        continue;
      }
      if (lsi_runs) --*left;
      sr |= bit;
    }
    return sr;
  });
  return state;
}

// The values written to `address`, in order.
inline std::vector<uint32_t> writes_to(uintptr_t address) {
  std::vector<uint32_t> values;
  for (const fake_mmio::Access& access : fake_mmio::log()) {
    if (access.is_write && access.address == address) values.push_back(access.value);
  }
  return values;
}

inline int reads_of(uintptr_t address) {
  int count = 0;
  for (const fake_mmio::Access& access : fake_mmio::log()) {
    count += (!access.is_write && access.address == address);
  }
  return count;
}

}  // namespace iwdg_test
