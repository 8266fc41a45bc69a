// Provokes a fault on request and expects the fault handler to report it and end the run:
//   h  undefined instruction with the UsageFault exception off: escalates to a (forced) HardFault
//   u  undefined instruction (UsageFault)
//   s  unbounded recursion until the stack reaches the MPU guard region (MemManage)
//   b  a load from an address with no memory or device behind it (BusFault)
// Reaching the end of main() means no fault happened: that is a test failure.
#include <cstdint>

#include "bsp/console.hpp"
#include "test_console.hpp"

namespace {

// Each level keeps a buffer live across the call so the compiler cannot turn it into a loop.
__attribute__((noinline)) uint32_t recurse(uint32_t depth) {
  volatile uint32_t frame[16];
  frame[depth % 16] = depth;
  return recurse(depth + 1) + frame[(depth + 3) % 16];
}

}  // namespace

int main() {
  test_console::start("fault");
  int command;
  while ((command = bsp::console::read_byte()) < 0) {
  }
  if (command == 'h') {
    test_console::print("executing an undefined instruction, UsageFault disabled\r\n");
    volatile uint32_t* shcsr = reinterpret_cast<volatile uint32_t*>(0xE000ED24u);
    *shcsr = *shcsr & ~(1u << 18);  // USGFAULTENA off
    __asm__ volatile("dsb\n isb\n udf #0");
  } else if (command == 'u') {
    test_console::print("executing an undefined instruction\r\n");
    __asm__ volatile("udf #0");
  } else if (command == 's') {
    test_console::print("recursing until the stack overflows\r\n");
    test_console::print_u64(recurse(0));
  } else if (command == 'b') {
    test_console::print("loading from an unmapped address\r\n");
    // 0xF0000000: above the system region, nothing is mapped there on the MPS2 images.
    test_console::print_u64(*reinterpret_cast<volatile uint32_t*>(0xF0000000u));
  }
  test_console::print("no fault happened\r\n");
  test_console::done(false);
}
