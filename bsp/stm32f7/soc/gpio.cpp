#include "gpio.hpp"

#include "bsp/mmio.hpp"
#include "peripheral_clock.hpp"
#include "registers.hpp"

namespace bsp::stm32f7::gpio {
namespace {

namespace mmio = bsp::mmio;

constexpr uint32_t kModeAlternate = 0x2;

// Spreads a 16-bit pin mask to a 2-bit-per-pin field mask (pin n -> bits 2n+1:2n).
uint32_t two_bit_mask(uint16_t pins) {
  uint32_t mask = 0;
  for (unsigned pin = 0; pin < 16; ++pin) {
    if (pins & (1u << pin)) mask |= 0x3u << (2 * pin);
  }
  return mask;
}

uint32_t repeat_two_bit(uint32_t value) { return value * 0x55555555u; }

// AFRL holds pins 0-7, AFRH pins 8-15, four bits each.
void set_alternate_numbers(uintptr_t port, uint16_t pins, uint8_t function) {
  uint32_t low_mask = 0, high_mask = 0;
  for (unsigned pin = 0; pin < 16; ++pin) {
    if ((pins & (1u << pin)) == 0) continue;
    if (pin < 8) {
      low_mask |= 0xFu << (4 * pin);
    } else {
      high_mask |= 0xFu << (4 * (pin - 8));
    }
  }
  const uint32_t repeated = function * 0x11111111u;
  if (low_mask) mmio::modify(port + reg::kGpioAfrl, low_mask, repeated);
  if (high_mask) mmio::modify(port + reg::kGpioAfrh, high_mask, repeated);
}

}  // namespace

void configure(const AlternateFunction& config) {
  enable_peripheral_clock(reg::kRccAhb1enr, reg::kAhb1GpioaEn << config.port);
  const uintptr_t port = reg::gpio_port(config.port);
  const uint32_t field = two_bit_mask(config.pin_mask);
  // The AF number first, so the pin never drives a wrong function once MODER switches it over.
  set_alternate_numbers(port, config.pin_mask, config.function);
  mmio::clear_bits(port + reg::kGpioOtyper, config.pin_mask);
  mmio::modify(port + reg::kGpioOspeedr, field,
               repeat_two_bit(static_cast<uint32_t>(config.speed)));
  mmio::modify(port + reg::kGpioPupdr, field, repeat_two_bit(static_cast<uint32_t>(config.pull)));
  mmio::modify(port + reg::kGpioModer, field, repeat_two_bit(kModeAlternate));
}

}  // namespace bsp::stm32f7::gpio
