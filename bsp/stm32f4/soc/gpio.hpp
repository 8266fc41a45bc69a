// STM32F4 GPIO pin set-up for peripherals (alternate functions), e.g. USART pins.
#pragma once

#include <cstdint>

namespace bsp::stm32f4::gpio {

enum class Port : uint8_t { kA, kB, kC, kD, kE, kF, kG, kH, kI };
enum class Pull : uint8_t { kNone = 0, kUp = 1, kDown = 2 };

struct AlternatePin {
  Port port;
  uint8_t pin;       // 0..15
  uint8_t function;  // AF0..AF15
  Pull pull;
};

uintptr_t port_base(Port port);

// Enables the port's clock, then sets the pin to alternate function `function`, push-pull, high
// speed, with the given pull. Read-modify-write: the other pins of the port are untouched.
void configure_alternate(const AlternatePin& pin);

}  // namespace bsp::stm32f4::gpio
