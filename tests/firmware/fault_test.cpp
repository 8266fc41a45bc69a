// Provokes a fault on request and expects the fault handler to report it and end the run.
// `u`: undefined instruction (a UsageFault escalated to HardFault, as fault exceptions are off).
#include "bsp/console.hpp"
#include "test_console.hpp"

int main() {
  test_console::start("fault");
  int command;
  while ((command = bsp::console::read_byte()) < 0) {
  }
  if (command == 'u') {
    test_console::print("executing an undefined instruction\r\n");
    __asm__ volatile("udf #0");
  }
  test_console::print("no fault happened\r\n");
  test_console::done(false);  // reaching here is a failure
}
