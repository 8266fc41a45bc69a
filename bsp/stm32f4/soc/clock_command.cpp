// The STM32F4 boards' shell command `clocks`: the plan asked for, what the bring-up reached and
// why, and the raw clock registers, so a fallback (e.g. no HSE crystal, or QEMU without an RCC
// model) can be diagnosed from the terminal.
#include "board_state.hpp"
#include "bsp/board_commands.hpp"
#include "bsp/mmio.hpp"
#include "cortex_m/console_text.hpp"
#include "stm32f4_registers.hpp"

namespace bsp::stm32f4 {
namespace {

using cortex_m::console_text::put;
using cortex_m::console_text::put_decimal;
using cortex_m::console_text::put_hex;

void put_pll(const char* label, const PllSettings& pll) {
  put(label);
  put(" M=");
  put_decimal(pll.m);
  put(" N=");
  put_decimal(pll.n);
  put(" P=");
  put_decimal(pll.p);
  put(" Q=");
  put_decimal(pll.q);
  put("\r\n");
}

void put_failures(uint32_t failures) {
  static const char* const kNames[] = {"HSERDY", "PLLRDY", "VOSRDY", "LATENCY read-back",
                                       "SWS=PLL"};
  put("failed:   ");
  if (failures == 0) put("nothing");
  for (uint32_t bit = 0; bit < 5; ++bit) {
    if (failures & (1u << bit)) {
      put(kNames[bit]);
      put(" ");
    }
  }
  put("\r\n");
}

void put_register(const char* name, uintptr_t address) {
  put(name);
  put("=");
  put_hex(mmio::read(address));
  put(" ");
}

void run_clocks(std::size_t, const char* const*) {
  const ClockPlan& plan = clock_plan();
  const ClockResult& result = clock_result();
  put("profile:  ");
  put(plan.name);
  put(plan.hse_hz != 0 ? (plan.hse_bypass ? ", HSE bypass " : ", HSE crystal ") : ", no HSE");
  if (plan.hse_hz != 0) put_decimal(plan.hse_hz);
  put(" Hz\r\n");
  put_pll("pll(HSE): ", plan.pll_hse);
  put_pll("pll(HSI): ", plan.pll_hsi);
  put("running:  SYSCLK ");
  put_decimal(result.sysclk_hz);
  put(" Hz from ");
  put(source_name(result.source));
  put(", HCLK ");
  put_decimal(result.hclk_hz);
  put(", PCLK1 ");
  put_decimal(result.pclk1_hz);
  put(", PCLK2 ");
  put_decimal(result.pclk2_hz);
  put("\r\nflash:    ");
  put_decimal(result.flash_latency);
  put(" wait states, ART caches on, prefetch ");
  put(result.prefetch ? "on\r\n" : "off\r\n");
  put_failures(result.failures);
  put("regs:     ");
  put_register("RCC_CR", reg::kRccCr);
  put_register("PLLCFGR", reg::kRccPllcfgr);
  put_register("CFGR", reg::kRccCfgr);
  put_register("FLASH_ACR", reg::kFlashAcr);
  put_register("PWR_CR", reg::kPwrCr);
  put("\r\n@clocks sysclk_hz=");
  put_decimal(result.sysclk_hz);
  put(" failures=");
  put_hex(result.failures);
  put("\r\n");
}

const BoardCommand kCommands[] = {
    {"clocks", "clocks", "clock plan, what the bring-up reached, clock registers", run_clocks},
};

}  // namespace
}  // namespace bsp::stm32f4

namespace bsp {

std::size_t board_commands(const BoardCommand** commands) {
  *commands = stm32f4::kCommands;
  return sizeof(stm32f4::kCommands) / sizeof(stm32f4::kCommands[0]);
}

}  // namespace bsp
