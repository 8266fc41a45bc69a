#include "gpio.hpp"

#include "bsp/mmio.hpp"
#include "rcc.hpp"
#include "stm32f4_registers.hpp"

namespace bsp::stm32f4::gpio {
namespace {

constexpr uint32_t kModeAlternate = 0x2;
constexpr uint32_t kSpeedHigh = 0x2;

}  // namespace

uintptr_t port_base(Port port) { return reg::gpio_port(static_cast<unsigned>(port)); }

void configure_alternate(const AlternatePin& pin) {
  const uintptr_t base = port_base(pin.port);
  rcc::enable_clock(reg::kRccAhb1enr, reg::kAhb1GpioaEn << static_cast<uint32_t>(pin.port));
  const uint32_t two_bits = 2u * pin.pin;
  // AF number first, then the mode: the pin switches to the peripheral already routed.
  const uintptr_t afr = base + (pin.pin < 8 ? reg::kGpioAfrl : reg::kGpioAfrh);
  const uint32_t four_bits = 4u * (pin.pin % 8);
  mmio::modify(afr, 0xFu << four_bits, static_cast<uint32_t>(pin.function) << four_bits);
  mmio::clear_bits(base + reg::kGpioOtyper, 1u << pin.pin);
  mmio::modify(base + reg::kGpioOspeedr, 0x3u << two_bits, kSpeedHigh << two_bits);
  mmio::modify(base + reg::kGpioPupdr, 0x3u << two_bits,
               static_cast<uint32_t>(pin.pull) << two_bits);
  mmio::modify(base + reg::kGpioModer, 0x3u << two_bits, kModeAlternate << two_bits);
}

}  // namespace bsp::stm32f4::gpio
