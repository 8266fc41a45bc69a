// Teensy 4.0 shell command `placement`: the FlexRAM split the boot hook applied and where the fast
// code, the arena and the model weights run, so a user can confirm the hot path is not XIP.
#include <cstdio>

#include "bsp/board_commands.hpp"
#include "bsp/console.hpp"
#include "soc/image_layout.hpp"
#include "teensy40_boot_record.hpp"

namespace bsp {
namespace {

const char* region_of(uint32_t address) {
  if (address < 0x00080000) return "ITCM";
  if (address >= 0x20000000 && address < 0x20080000) return "DTCM";
  if (address >= 0x20200000 && address < 0x20280000) return "OCRAM";
  if (address >= 0x60000000 && address < 0x61000000) return "flash";
  return "?";
}

template <typename... Args>
void print(const char* format, Args... args) {
  char line[128];
  const int length = std::snprintf(line, sizeof(line), format, args...);
  if (length > 0) {
    console::write(line, static_cast<std::size_t>(length) < sizeof(line)
                             ? static_cast<std::size_t>(length)
                             : sizeof(line) - 1);
  }
}

void print_span(const char* name, const imxrt1062::image::Span& span) {
  print("%-10s %-5s 0x%08lx %8lu bytes\r\n", name, region_of(span.start),
        static_cast<unsigned long>(span.start), static_cast<unsigned long>(span.bytes));
}

void run_placement(std::size_t, const char* const*) {
  const imxrt1062::image::Layout l = imxrt1062::image::layout();
  const teensy40::BootRecord& boot = teensy40::g_boot_record;
  print("FlexRAM: %lu ITCM + %lu DTCM banks of 32 KB, GPR17=0x%08lx (%s)\r\n",
        static_cast<unsigned long>(l.itcm_banks), static_cast<unsigned long>(l.dtcm_banks),
        static_cast<unsigned long>(boot.gpr17), boot.flexram_applied ? "applied" : "NOT applied");
  print_span("fast code", l.fast_code);
  print_span("DTCM used", l.dtcm_used);
  print_span("OCRAM used", l.ocram_used);
  print_span("arena", l.arena);
  print_span("weights", l.weights);
  print("flash image %lu bytes, MPU %s\r\n", static_cast<unsigned long>(l.flash_bytes),
        boot.mpu_configured ? "on" : "FAILED");
  print("@placement itcm_banks=%lu dtcm_banks=%lu fast_code=%lu arena=%s weights=%s flash=%lu\r\n",
        static_cast<unsigned long>(l.itcm_banks), static_cast<unsigned long>(l.dtcm_banks),
        static_cast<unsigned long>(l.fast_code.bytes), region_of(l.arena.start),
        region_of(l.weights.start), static_cast<unsigned long>(l.flash_bytes));
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
