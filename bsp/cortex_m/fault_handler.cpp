// Fault handlers: print the stacked registers and the fault status registers, then end the run.
//
// Each handler captures the stacked frame (MSP or PSP, from EXC_RETURN) and moves to a private
// fault stack before running C++, so that a stack overflow into the guard region still gets a
// report. The run ends through board_exit() with the exception number as exit code (3 HardFault, 4
// MemManage, 5 BusFault, 6 UsageFault): QEMU returns it to the host; a real board halts.
#include <cstdint>

#include "bsp/board.hpp"
#include "cortex_m/console_text.hpp"
#include "cortex_m/registers.hpp"

namespace {

using cortex_m::console_text::put;

uint32_t g_fault_stack[256] __attribute__((aligned(8)));

uint32_t read_reg(uintptr_t address) { return *reinterpret_cast<volatile uint32_t*>(address); }

void put_hex(const char* name, uint32_t value) {
  put(name);
  put("=");
  cortex_m::console_text::put_hex(value);
}

const char* fault_name(uint32_t exception) {
  switch (exception) {
    case 4:
      return "MemManage";
    case 5:
      return "BusFault";
    case 6:
      return "UsageFault";
    default:
      return "HardFault";
  }
}

// CFSR bits saying the exception entry itself could not push the frame (stack overflow): then the
// frame is not readable.
constexpr uint32_t kStackingErrors = (1u << 4) | (1u << 12);

}  // namespace

extern "C" __attribute__((used, noreturn)) void strata_fault_report(const uint32_t* frame,
                                                                    uint32_t exc_return,
                                                                    uint32_t exception) {
  const uint32_t cfsr = read_reg(cortex_m::reg::kCfsr);
  put("\r\n*** FAULT: ");
  put(fault_name(exception));
  put(" ***\r\n");
  if ((cfsr & kStackingErrors) == 0) {
    static const char* const kNames[8] = {"r0", "r1", "r2", "r3", "r12", "lr", "pc", "xpsr"};
    for (int i = 0; i < 8; ++i) {
      put_hex(kNames[i], frame[i]);
      put(i == 3 || i == 7 ? "\r\n" : " ");
    }
  } else {
    put("stacking failed (stack overflow?): frame not readable\r\n");
  }
  put_hex("sp", reinterpret_cast<uintptr_t>(frame));
  put(" ");
  put_hex("exc_return", exc_return);
  put("\r\n");
  put_hex("CFSR", cfsr);
  put(" ");
  put_hex("HFSR", read_reg(cortex_m::reg::kHfsr));
  put(" ");
  put_hex("MMFAR", read_reg(cortex_m::reg::kMmfar));
  put(" ");
  put_hex("BFAR", read_reg(cortex_m::reg::kBfar));
  put("\r\n");
  bsp::board_exit(static_cast<int>(exception));
}

// r0 = stacked frame, r1 = EXC_RETURN, r2 = exception number; then a fresh stack for the report.
#define STRATA_FAULT_ENTRY(name, number)                       \
  extern "C" __attribute__((naked)) void name() {              \
    __asm__ volatile(                                          \
        "tst lr, #4\n"                                         \
        "ite eq\n"                                             \
        "mrseq r0, msp\n"                                      \
        "mrsne r0, psp\n"                                      \
        "mov r1, lr\n"                                         \
        "movs r2, #" #number                                   \
        "\n"                                                   \
        "ldr r3, =%c0\n"                                       \
        "mov sp, r3\n"                                         \
        "b strata_fault_report\n" ::"i"(g_fault_stack + 256)); \
  }

STRATA_FAULT_ENTRY(HardFault_Handler, 3)
STRATA_FAULT_ENTRY(MemManage_Handler, 4)
STRATA_FAULT_ENTRY(BusFault_Handler, 5)
STRATA_FAULT_ENTRY(UsageFault_Handler, 6)
