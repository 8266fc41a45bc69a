// How the STM32F4 boards wire their serial console: a USART at 115200 baud whose TX and RX pins sit
// on alternate function 7 (USART1..3 on every F4: the alternate function tables of datasheets
// DS8626 and DS10314). TX is push-pull without pull; RX is pulled up so an unplugged adapter reads
// idle.
#pragma once

#include <cstdint>

#include "board_config.hpp"
#include "gpio.hpp"
#include "stm32f4_registers.hpp"

namespace bsp::stm32f4 {

constexpr ConsoleConfig af7_console(uintptr_t usart, ApbBus bus, uint32_t enable_bit,
                                    gpio::Port port, uint8_t tx_pin, uint8_t rx_pin) {
  return {usart,
          bus,
          enable_bit,
          {port, tx_pin, 7, gpio::Pull::kNone},
          {port, rx_pin, 7, gpio::Pull::kUp},
          115200};
}

// USART2 on PA2 (TX) / PA3 (RX), clocked from APB1 (RCC_APB1ENR): the NUCLEO-64 boards' ST-LINK
// virtual COM port, and the pins the F4DISCOVERY documentation names for an external adapter.
inline constexpr ConsoleConfig kUsart2OnPa2Pa3 =
    af7_console(reg::kUsart2, ApbBus::kApb1, reg::kApb1Usart2En, gpio::Port::kA, 2, 3);

}  // namespace bsp::stm32f4
