#include "clock_profile.hpp"

namespace bsp::stm32f4 {
namespace {

bool same_text(const char* a, const char* b) {
  while (*a != '\0' && *a == *b) {
    ++a;
    ++b;
  }
  return *a == *b;
}

}  // namespace

const ClockPlan& select_plan(const ClockPlan* plans, std::size_t count, const char* name) {
  for (std::size_t i = 0; i < count; ++i) {
    if (same_text(plans[i].profile, name)) return plans[i];
  }
  return plans[0];
}

}  // namespace bsp::stm32f4
