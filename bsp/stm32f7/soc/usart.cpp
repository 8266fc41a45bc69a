#include "usart.hpp"

#include "bsp/mmio.hpp"
#include "peripheral_clock.hpp"
#include "registers.hpp"

namespace bsp::stm32f7::usart {

namespace mmio = bsp::mmio;

const Port kUsart1Vcp{
    "USART1 (ST-LINK VCP, PA9/PB7)",
    reg::kUsart1,
    reg::kApb2Usart1En,
    reg::kDckcfgr2Usart1SelMask,
    {reg::kPortA, 1u << 9, 7, gpio::Pull::kNone, gpio::Speed::kHigh},
    {reg::kPortB, 1u << 7, 7, gpio::Pull::kUp, gpio::Speed::kHigh},
};

const Port kUsart6Arduino{
    "USART6 (Arduino D1/D0, PC6/PC7)",
    reg::kUsart6,
    reg::kApb2Usart6En,
    reg::kDckcfgr2Usart6SelMask,
    {reg::kPortC, 1u << 6, 8, gpio::Pull::kNone, gpio::Speed::kHigh},
    {reg::kPortC, 1u << 7, 8, gpio::Pull::kUp, gpio::Speed::kHigh},
};

void init(const Port& port, uint32_t pclk2_hz, uint32_t baud) {
  gpio::configure(port.tx);
  gpio::configure(port.rx);
  // Kernel clock = PCLK2 (the reset value, set anyway: a bootloader may have changed it), so BRR
  // below is computed from the clock the USART really gets.
  mmio::modify(reg::kRccDckcfgr2, port.kernel_clock_mask, 0);
  enable_peripheral_clock(reg::kRccApb2enr, port.apb2_enable_bit);
  // BRR and the frame format are only writable while UE = 0.
  mmio::write(port.base + reg::kUsartCr1, 0);
  mmio::write(port.base + reg::kUsartCr2, 0);  // 1 stop bit
  mmio::write(port.base + reg::kUsartCr3, 0);  // no flow control
  mmio::write(port.base + reg::kUsartBrr, brr_value(pclk2_hz, baud));
  mmio::write(port.base + reg::kUsartCr1, reg::kCr1Te | reg::kCr1Re | reg::kCr1Ue);  // 8N1
  mmio::wait_until(port.base + reg::kUsartIsr, reg::kIsrTeack, reg::kIsrTeack, kTxMaxPolls);
}

bool put(const Port& port, char c) {
  if (!mmio::wait_until(port.base + reg::kUsartIsr, reg::kIsrTxe, reg::kIsrTxe, kTxMaxPolls)) {
    return false;
  }
  mmio::write(port.base + reg::kUsartTdr, static_cast<uint8_t>(c));
  return true;
}

bool flush(const Port& port) {
  return mmio::wait_until(port.base + reg::kUsartIsr, reg::kIsrTc, reg::kIsrTc, kTxMaxPolls);
}

int get(const Port& port) {
  const uint32_t isr = mmio::read(port.base + reg::kUsartIsr);
  if (isr & reg::kIsrOre) mmio::write(port.base + reg::kUsartIcr, reg::kIcrOrecf);
  if ((isr & reg::kIsrRxne) == 0) return -1;
  return static_cast<int>(mmio::read(port.base + reg::kUsartRdr) & 0xFF);
}

}  // namespace bsp::stm32f7::usart
