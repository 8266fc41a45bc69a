#include "soc/imxrt1062_watchdog.hpp"

#include "bsp/watchdog.hpp"
#include "soc/rtwdog.hpp"
#include "strata_config.hpp"

namespace bsp::imxrt1062 {
namespace {

constexpr uint32_t kTimeoutMs = strata_config::kWatchdogMs;
constexpr rtwdog::Plan kPlan = rtwdog::plan(kTimeoutMs);
static_assert(kTimeoutMs == 0 || kPlan.valid,
              "STRATA_WATCHDOG_MS: the RT1062 RTWDOG counts 1..511992 ms (32.768 kHz, /256)");

// Kicked once CS was written: even when RCS never confirms it, the watchdog may be running.
bool g_running = false;
bool g_watchdog_reset = false;
const char* g_note = "";

}  // namespace

void start_watchdog() {
  g_watchdog_reset = rtwdog::take_reset_flag();
  if constexpr (kTimeoutMs != 0) {
    const rtwdog::StartResult result = rtwdog::start(kPlan);
    g_running = result != rtwdog::StartResult::kUnlockRefused;
    g_note = rtwdog::result_text(result);
  }
}

}  // namespace bsp::imxrt1062

namespace bsp::watchdog {

bool enabled() { return imxrt1062::g_running; }
uint32_t timeout_ms() { return imxrt1062::g_running ? imxrt1062::kTimeoutMs : 0; }

void kick() {
  if (imxrt1062::g_running) imxrt1062::rtwdog::kick();
}

bool last_reset_was_watchdog() { return imxrt1062::g_watchdog_reset; }
const char* peripheral() { return "RTWDOG"; }
const char* note() { return imxrt1062::g_note; }

}  // namespace bsp::watchdog
