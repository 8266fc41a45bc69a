// Checks that the virtual board's counter counts executed instructions exactly: a loop of known
// length must measure exactly its size every time (5 instructions per iteration, plus the fixed
// cost of reading the counter, measured with an empty interval).
#include <cstdint>

#include "bsp/cycle_counter.hpp"
#include "test_console.hpp"

namespace {

// Exactly 5 instructions per iteration: subs, nop, nop, nop, bne.
__attribute__((noinline)) void loop(uint32_t iterations) {
  __asm__ volatile(
      "1:\n"
      "subs %0, %0, #1\n"
      "nop\n"
      "nop\n"
      "nop\n"
      "bne 1b\n"
      : "+r"(iterations)
      :
      : "cc");
}

uint64_t measure(uint32_t iterations) {
  const uint64_t begin = bsp::cycle_counter::now();
  loop(iterations);
  return bsp::cycle_counter::now() - begin;
}

}  // namespace

int main() {
  test_console::start("counter");
  const uint64_t overhead = measure(1) - 5;
  const uint64_t first = measure(1000) - overhead;
  const uint64_t second = measure(1000) - overhead;
  const uint64_t large = measure(100000) - overhead;
  test_console::print("counter: loop of 1000 iterations = ");
  test_console::print_u64(first);
  test_console::print(" instructions, again ");
  test_console::print_u64(second);
  test_console::print("; 100000 iterations = ");
  test_console::print_u64(large);
  test_console::print("\r\n");
  // Exact: every measurement of the same code gives the same count.
  const bool ok = first == 5000 && second == 5000 && large == 500000;
  test_console::done(ok);
}
