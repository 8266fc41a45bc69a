// The STM32F7 FMC SDRAM controller, bank 1 (0xC0000000): register values and the JEDEC start-up.
//
// plan() turns a device description and the real HCLK into register values: the SDCLK divider that
// keeps the SDRAM clock at or below the device's limit, SDCR/SDTR, and the refresh count computed
// from the resulting SDCLK (RM0385 FMC_SDRTR: COUNT = refresh period x f_SDCLK - 20). init() then
// runs the command sequence: clock enable, >= 100 us pause, precharge all, auto-refresh, load mode
// register, refresh rate. Each command waits (bounded) for the controller's BUSY flag to clear
// first.
#pragma once

#include <cstdint>

namespace bsp::stm32f7::fmc {

// In SDRAM clock cycles, as the device datasheet's minimums at the fastest allowed SDCLK. Every one
// of them is a minimum time, so the same cycle counts stay valid at any slower SDCLK.
struct SdramTiming {
  uint8_t load_mode_to_active;  // TMRD
  uint8_t exit_self_refresh;    // TXSR
  uint8_t self_refresh;         // TRAS (the FMC's minimum self-refresh period)
  uint8_t row_cycle;            // TRC
  uint8_t write_recovery;       // TWR
  uint8_t row_precharge;        // TRP
  uint8_t row_to_column;        // TRCD
};

struct SdramDevice {
  uint8_t column_bits;          // 8..11
  uint8_t row_bits;             // 11..13
  uint8_t bus_width_bits;       // 8, 16 or 32 (data lines wired on the board)
  uint8_t internal_banks;       // 2 or 4
  uint8_t cas_latency;          // 1..3
  uint32_t max_sdclk_hz;        // the fastest SDCLK the timing set was made for
  uint32_t refresh_period_ns;   // the interval each row refresh must keep (e.g. 64 ms / 4096 rows)
  uint8_t auto_refresh_cycles;  // issued at start-up (1..16)
  uint16_t mode_register;       // JEDEC mode register value for the load-mode command
  SdramTiming timing;
};

struct SdramPlan {
  bool valid;              // false when even HCLK/3 exceeds max_sdclk_hz
  uint32_t sdclk_divider;  // 2 or 3 (HCLK/2, HCLK/3)
  uint32_t sdclk_hz;
  uint32_t refresh_count;  // SDRTR.COUNT
  uint32_t sdcr;
  uint32_t sdtr;
};

enum class SdramStatus : uint8_t { kOk, kClockTooHigh, kBusyTimeout };

inline constexpr uint32_t kBusyMaxPolls = 100000;
inline constexpr uint32_t kPowerUpDelayUs = 100;  // JEDEC: stable clock for >= 100 us before PALL

// Refresh count for a SDRAM clock (ST's formula with its 20-cycle margin); never below 41, the
// controller's minimum (RM0385 [U]).
uint32_t refresh_count(uint32_t sdclk_hz, uint32_t refresh_period_ns);

SdramPlan plan(const SdramDevice& device, uint32_t hclk_hz);

// Programs bank 1 and runs the start-up commands. The FMC clock and pins must already be on.
// `delay_us` must wait at least the given time (the caller knows how at its clock).
SdramStatus init(const SdramDevice& device, const SdramPlan& plan, void (*delay_us)(uint32_t));

const char* status_text(SdramStatus status);

}  // namespace bsp::stm32f7::fmc
