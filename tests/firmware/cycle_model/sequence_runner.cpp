// Runs every instruction sequence of sequences.S once, in table order, and prints its row:
//   @sequence name=<name> cycles=<expected> insns=<expected>
// Each sequence reads the timer twice; check_sequences.py pairs the rows with the cycle-model
// plugin's checkpoints and compares. Nothing else in this firmware reads the timer.
#include <cstdint>

#include "test_console.hpp"

namespace {

struct Sequence {
  const char* name;
  void (*run)(uint32_t* buffer);
  uint32_t cycles;        // from the Cortex-M4 TRM tables (sequences.S)
  uint32_t instructions;  // executed instructions of the sequence
};

}  // namespace

extern "C" const Sequence cycle_sequences[];
extern "C" const Sequence cycle_sequences_end[];

int main() {
  test_console::start("cycle_model");
  alignas(8) static uint32_t buffer[64];
  for (const Sequence* s = cycle_sequences; s != cycle_sequences_end; ++s) {
    for (uint32_t i = 0; i < 64; ++i) buffer[i] = i;
    s->run(buffer);
    test_console::print("@sequence name=");
    test_console::print(s->name);
    test_console::print(" cycles=");
    test_console::print_u64(s->cycles);
    test_console::print(" insns=");
    test_console::print_u64(s->instructions);
    test_console::print("\r\n");
  }
  test_console::done(true);
}
