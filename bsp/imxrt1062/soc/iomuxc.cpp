#include "iomuxc.hpp"

#include "bsp/mmio.hpp"
#include "ccm.hpp"
#include "imxrt1062_registers.hpp"

namespace bsp::imxrt1062::iomuxc {
namespace {

// Pad control fields (IMXRT1060RM SW_PAD_CTL_PAD_*): SRE b0, DSE [5:3], SPEED [7:6], PKE b12, PUE
// b13, PUS [15:14], HYS b16.
constexpr uint32_t kSre = 1u << 0;
constexpr uint32_t dse(uint32_t n) { return n << 3; }
constexpr uint32_t speed(uint32_t n) { return n << 6; }
constexpr uint32_t kPke = 1u << 12;
constexpr uint32_t kPue = 1u << 13;
constexpr uint32_t pus(uint32_t n) { return n << 14; }
constexpr uint32_t kHys = 1u << 16;

}  // namespace

// TX: fast slew, medium drive (0xD9); RX: 22 kOhm pull-up so an unconnected pin idles high,
// hysteresis (0x1F038). Both as Teensy's HardwareSerial sets them.
const PadRoute kLpuart2TxPin14 = {reg::kMuxGpioAdB102,        2,
                                  reg::kPadGpioAdB102,        kSre | dse(3) | speed(3),
                                  reg::kLpuart2TxSelectInput, 1};
const PadRoute kLpuart2RxPin15 = {reg::kMuxGpioAdB103,        2,
                                  reg::kPadGpioAdB103,        dse(7) | kPke | kPue | pus(3) | kHys,
                                  reg::kLpuart2RxSelectInput, 1};

void apply(const PadRoute& route) {
  ccm::gate_on(reg::kGateIomuxc);
  ccm::gate_on(reg::kGateIomuxcGpr);
  // Electrical settings before the mux, so the pad never drives with stale settings.
  mmio::write(route.pad, route.pad_settings);
  mmio::write(route.mux, route.alt);
  mmio::write(route.select_input, route.daisy);
}

}  // namespace bsp::imxrt1062::iomuxc
