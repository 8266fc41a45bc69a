#include "lpuart.hpp"

#include "bsp/mmio.hpp"
#include "imxrt1062_registers.hpp"

namespace bsp::imxrt1062::lpuart {

void init(uintptr_t base, uint32_t clock_hz, uint32_t baud) {
  // BAUD, FIFO and WATER may only change while the transmitter and receiver are off.
  mmio::write(base + reg::kLpuartCtrl, 0);
  mmio::write(base + reg::kLpuartBaud, baud_register(best_baud(clock_hz, baud)));
  mmio::write(base + reg::kLpuartPincfg, 0);
  mmio::write(base + reg::kLpuartWater, 0);  // TDRE/RDRF at an empty TX / non-empty RX FIFO
  mmio::set_bits(base + reg::kLpuartFifo, reg::kFifoTxfe | reg::kFifoRxfe);
  mmio::write(base + reg::kLpuartStat, reg::kStatOr);  // a stale overrun would block reception
  mmio::write(base + reg::kLpuartCtrl, reg::kCtrlTe | reg::kCtrlRe);
}

bool put(uintptr_t base, uint8_t byte, uint32_t max_polls) {
  if (!mmio::wait_until(base + reg::kLpuartStat, reg::kStatTdre, reg::kStatTdre, max_polls)) {
    return false;
  }
  mmio::write(base + reg::kLpuartData, byte);
  return true;
}

bool flush(uintptr_t base, uint32_t max_polls) {
  return mmio::wait_until(base + reg::kLpuartStat, reg::kStatTc, reg::kStatTc, max_polls);
}

int get(uintptr_t base) {
  const uint32_t stat = mmio::read(base + reg::kLpuartStat);
  if (stat & reg::kStatOr) mmio::write(base + reg::kLpuartStat, reg::kStatOr);
  if ((stat & reg::kStatRdrf) == 0) return -1;
  return static_cast<int>(mmio::read(base + reg::kLpuartData) & 0xFF);
}

}  // namespace bsp::imxrt1062::lpuart
