// The i.MX RT1062 boards' shell command `placement`: the FlexRAM split the boot hook applied and
// where the fast code, the arena and the model weights run, so a user can confirm the hot path is
// not XIP. Written with the shared printf-free console writer.
#include "bsp/board_commands.hpp"
#include "cortex_m/console_text.hpp"
#include "soc/boot_record.hpp"
#include "soc/image_layout.hpp"

namespace bsp {
namespace {

using cortex_m::console_text::put;
using cortex_m::console_text::put_decimal;
using cortex_m::console_text::put_hex;

const char* region_of(uint32_t address) {
  if (address < 0x00080000) return "ITCM";
  if (address >= 0x20000000 && address < 0x20080000) return "DTCM";
  if (address >= 0x20200000 && address < 0x20280000) return "OCRAM";
  if (address >= 0x60000000 && address < 0x61000000) return "flash";
  return "?";
}

// "<name, 10 wide> <region, 5 wide> 0x<start> <bytes, 8 wide> bytes"
void put_span(const char* name, const imxrt1062::image::Span& span) {
  cortex_m::console_text::put_left(name, 10);
  put(" ");
  cortex_m::console_text::put_left(region_of(span.start), 5);
  put(" ");
  put_hex(span.start);
  put(" ");
  cortex_m::console_text::put_decimal_right(span.bytes, 8);
  put(" bytes\r\n");
}

void run_placement(std::size_t, const char* const*) {
  const imxrt1062::image::Layout l = imxrt1062::image::layout();
  const imxrt1062::BootRecord& boot = imxrt1062::g_boot_record;
  put("FlexRAM: ");
  put_decimal(l.itcm_banks);
  put(" ITCM + ");
  put_decimal(l.dtcm_banks);
  put(" DTCM banks of 32 KB, GPR17=");
  put_hex(boot.gpr17);
  put(boot.flexram_applied ? " (applied)\r\n" : " (NOT applied)\r\n");
  put_span("fast code", l.fast_code);
  put_span("DTCM used", l.dtcm_used);
  put_span("OCRAM used", l.ocram_used);
  put_span("arena", l.arena);
  put_span("weights", l.weights);
  put("flash image ");
  put_decimal(l.flash_bytes);
  put(boot.mpu_configured ? " bytes, MPU on\r\n" : " bytes, MPU FAILED\r\n");
  put("@placement itcm_banks=");
  put_decimal(l.itcm_banks);
  put(" dtcm_banks=");
  put_decimal(l.dtcm_banks);
  put(" fast_code=");
  put_decimal(l.fast_code.bytes);
  put(" arena=");
  put(region_of(l.arena.start));
  put(" weights=");
  put(region_of(l.weights.start));
  put(" flash=");
  put_decimal(l.flash_bytes);
  put("\r\n");
}

const BoardCommand kCommands[] = {
    {"placement", "placement", "FlexRAM banks; where fast code, arena and weights run",
     run_placement},
};

}  // namespace

std::size_t board_commands(const BoardCommand** commands) {
  *commands = kCommands;
  return sizeof(kCommands) / sizeof(kCommands[0]);
}

}  // namespace bsp
