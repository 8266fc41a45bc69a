// A behavioural model of the STM32F746's clock handshakes for the host tests, built on fake_mmio.
//
// install() puts the registers in their reset state (HSI on and ready, PLLCFGR 0x24003010, GPIOA/B
// with their debug-pin reset values) and adds the hardware's answers: HSERDY, PLLRDY, VOSRDY, ODRDY
// and ODSWRDY appear a number of reads after their enable bit (or never, to test the timeouts), SWS
// follows SW, and FLASH_ACR keeps at most `max_latency` wait states (a flash that refuses a value).
#pragma once

#include <cstdint>

namespace f7_test {

struct HardwareModel {
  int hse_reads = 3;             // reads of RCC_CR until HSERDY; < 0: the crystal never starts
  int pll_reads = 3;             // until PLLRDY
  int vos_reads = 2;             // until VOSRDY (after PLLON)
  int od_reads = 2;              // until ODRDY
  int odsw_reads = 2;            // until ODSWRDY
  bool pll_switch_works = true;  // false: SWS never shows the PLL
  uint32_t max_latency = 15;
};

void install(const HardwareModel& model = HardwareModel());

// Index in fake_mmio::log() of the first read of `address` whose value had (value & mask) ==
// expected.
int first_read(uintptr_t address, uint32_t mask, uint32_t expected);
// Number of reads of `address` in the log.
int read_count(uintptr_t address);

}  // namespace f7_test
