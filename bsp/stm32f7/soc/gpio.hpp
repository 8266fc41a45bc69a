// STM32F7 GPIO: puts a set of pins of one port into an alternate function (USART, FMC).
//
// Only the pins named in the mask change: every register is read-modify-written, so a driver never
// disturbs its neighbours (for instance the SWD pins PA13/PA14 the debugger needs).
#pragma once

#include <cstdint>

namespace bsp::stm32f7::gpio {

enum class Pull : uint8_t { kNone = 0, kUp = 1, kDown = 2 };
enum class Speed : uint8_t { kLow = 0, kMedium = 1, kHigh = 2, kVeryHigh = 3 };

struct AlternateFunction {
  unsigned port;      // reg::kPortA .. reg::kPortK
  uint16_t pin_mask;  // bit n = pin n
  uint8_t function;   // AF0..AF15
  Pull pull;
  Speed speed;
};

// Enables the port clock, then sets MODER = AF, push-pull, speed, pull and the AF number for each
// pin.
void configure(const AlternateFunction& config);

}  // namespace bsp::stm32f7::gpio
