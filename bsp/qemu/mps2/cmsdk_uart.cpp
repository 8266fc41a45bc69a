#include "cmsdk_uart.hpp"

#include "bsp/mmio.hpp"

namespace bsp::cmsdk_uart {
namespace {

constexpr uintptr_t kData = 0x00;
constexpr uintptr_t kState = 0x04;
constexpr uintptr_t kCtrl = 0x08;
constexpr uintptr_t kBaudDiv = 0x10;
constexpr uint32_t kStateTxFull = 1u << 0;
constexpr uint32_t kStateRxFull = 1u << 1;
constexpr uint32_t kCtrlTxEnable = 1u << 0;
constexpr uint32_t kCtrlRxEnable = 1u << 1;

}  // namespace

void init(uintptr_t base, uint32_t pclk_hz, uint32_t baud) {
  // The divider must be at least 16 or the UART refuses to transmit.
  uint32_t divider = pclk_hz / baud;
  if (divider < 16) divider = 16;
  mmio::write(base + kBaudDiv, divider);
  mmio::write(base + kCtrl, kCtrlTxEnable | kCtrlRxEnable);
}

void put(uintptr_t base, char c) {
  while (mmio::read(base + kState) & kStateTxFull) {
  }
  mmio::write(base + kData, static_cast<uint8_t>(c));
}

int get(uintptr_t base) {
  if ((mmio::read(base + kState) & kStateRxFull) == 0) return -1;
  return static_cast<int>(mmio::read(base + kData) & 0xFF);
}

}  // namespace bsp::cmsdk_uart
