#include "usart.hpp"

#include "bsp/mmio.hpp"
#include "stm32f4_registers.hpp"

namespace bsp::stm32f4::usart {

void init(uintptr_t base, uint32_t pclk_hz, uint32_t baud) {
  mmio::write(base + reg::kUsartCr1, 0);  // UE = 0 while the format and rate change
  mmio::write(base + reg::kUsartCr2, 0);  // 1 stop bit
  mmio::write(base + reg::kUsartCr3, 0);  // no flow control
  mmio::write(base + reg::kUsartBrr, brr_value(pclk_hz, baud));
  mmio::write(base + reg::kUsartCr1, reg::kCr1Ue | reg::kCr1Te | reg::kCr1Re);
}

bool put(uintptr_t base, uint8_t byte) {
  if (!mmio::wait_until(base + reg::kUsartSr, reg::kSrTxe, reg::kSrTxe, kTxPolls)) return false;
  mmio::write(base + reg::kUsartDr, byte);
  return true;
}

int get(uintptr_t base) {
  if ((mmio::read(base + reg::kUsartSr) & reg::kSrRxne) == 0) return -1;
  return static_cast<int>(mmio::read(base + reg::kUsartDr) & 0xFF);
}

}  // namespace bsp::stm32f4::usart
