#include "stm32_watchdog.hpp"

#include "bsp/watchdog.hpp"
#include "iwdg.hpp"
#include "strata_config.hpp"

namespace bsp::stm32 {
namespace {

constexpr uint32_t kTimeoutMs = strata_config::kWatchdogMs;
constexpr iwdg::Plan kPlan = iwdg::plan(kTimeoutMs);
static_assert(kTimeoutMs == 0 || kPlan.valid,
              "STRATA_WATCHDOG_MS: the STM32 IWDG counts 1..32768 ms (at its nominal 32 kHz LSI)");

bool g_running = false;
bool g_watchdog_reset = false;
const char* g_note = "";

}  // namespace

void start_watchdog() {
  g_watchdog_reset = iwdg::take_reset_flag();
  if constexpr (kTimeoutMs != 0) {
    const iwdg::StartResult result = iwdg::start(kPlan);
    g_running = result == iwdg::StartResult::kStarted;
    g_note = iwdg::result_text(result);
  }
}

}  // namespace bsp::stm32

namespace bsp::watchdog {

bool enabled() { return stm32::g_running; }
uint32_t timeout_ms() { return stm32::g_running ? stm32::kTimeoutMs : 0; }

void kick() {
  if (stm32::g_running) stm32::iwdg::kick();
}

bool last_reset_was_watchdog() { return stm32::g_watchdog_reset; }
const char* peripheral() { return "IWDG"; }
const char* note() { return stm32::g_note; }

}  // namespace bsp::watchdog
