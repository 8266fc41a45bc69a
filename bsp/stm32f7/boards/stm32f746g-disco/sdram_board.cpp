#include "sdram_board.hpp"

#include "gpio.hpp"
#include "peripheral_clock.hpp"
#include "registers.hpp"

namespace bsp::stm32f746g_disco::sdram {
namespace {

namespace gpio = stm32f7::gpio;
namespace reg = stm32f7::reg;

// FMC pins of the board, AF12, pull-up, high speed: the same set and settings as ST's
// register-level example (ST's STM32746G-Discovery BSP since 2016, without the PD3 of the 2015
// version).
constexpr uint8_t kAfFmc = 12;
const gpio::AlternateFunction kPins[] = {
    {reg::kPortC, 0x0008, kAfFmc, gpio::Pull::kUp, gpio::Speed::kHigh},  // PC3 SDCKE0
    // PD0/1 D2/D3, PD8-10 D13-D15, PD14/15 D0/D1
    {reg::kPortD, 0xC703, kAfFmc, gpio::Pull::kUp, gpio::Speed::kHigh},
    // PE0/1 NBL0/1, PE7-15 D4-D12
    {reg::kPortE, 0xFF83, kAfFmc, gpio::Pull::kUp, gpio::Speed::kHigh},
    // PF0-5 A0-A5, PF11 SDNRAS, PF12-15 A6-A9
    {reg::kPortF, 0xF83F, kAfFmc, gpio::Pull::kUp, gpio::Speed::kHigh},
    // PG0/1 A10/A11, PG4/5 BA0/BA1, PG8 SDCLK, PG15 SDNCAS
    {reg::kPortG, 0x8133, kAfFmc, gpio::Pull::kUp, gpio::Speed::kHigh},
    // PH3 SDNE0, PH5 SDNWE
    {reg::kPortH, 0x0028, kAfFmc, gpio::Pull::kUp, gpio::Speed::kHigh},
};

}  // namespace

// 8 columns, 12 rows, 16-bit, 4 banks, CAS 2, ST's BSP timings ({2,7,4,7,2,2,2} cycles,
// made for 100 MHz, run by ST and Zephyr at 108 MHz), so SDCLK is capped at 108 MHz. Refresh: 64 ms
// / 4096 rows = 15.625 us; we keep 15.3 us so the HSI fallback clock (trimmed to about 1 %)
// cannot stretch it past the limit. Mode register 0x220: burst 1, sequential, CAS 2, single write
// burst.
const stm32f7::fmc::SdramDevice kDevice{
    8, 12, 16, 4, 2, 108000000, 15300, 8, 0x220, {2, 7, 4, 7, 2, 2, 2},
};

stm32f7::fmc::SdramStatus bring_up(uint32_t hclk_hz, void (*delay_us)(uint32_t),
                                   stm32f7::fmc::SdramPlan* plan) {
  stm32f7::enable_peripheral_clock(reg::kRccAhb3enr, reg::kAhb3FmcEn);
  for (const gpio::AlternateFunction& pins : kPins) gpio::configure(pins);
  *plan = stm32f7::fmc::plan(kDevice, hclk_hz);
  return stm32f7::fmc::init(kDevice, *plan, delay_us);
}

}  // namespace bsp::stm32f746g_disco::sdram
