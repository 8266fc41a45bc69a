// A fake register space for host tests of SoC drivers (links in place of the volatile accesses of
// bsp/mmio.hpp when BSP_MMIO_FAKE is defined).
//
// Registers read back what was last written (or a preset value; 0 otherwise). Every access is
// logged, so a test can assert final values and the order of critical steps. Hooks model hardware
// behaviour: a ready bit that appears N reads after its enable bit was written, or never (to test
// timeouts).
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

namespace fake_mmio {

struct Access {
  bool is_write;
  uintptr_t address;
  uint32_t value;
};

// Forgets every register, hook and logged access.
void reset();

void preset(uintptr_t address, uint32_t value);  // value before the driver runs (not logged)
uint32_t value(uintptr_t address);               // current value (not logged)
const std::vector<Access>& log();

// Called on each read: receives the stored value, returns what the driver sees.
void on_read(uintptr_t address, std::function<uint32_t(uint32_t stored)> hook);
// Called on each write: receives the written value, returns what is stored.
void on_write(uintptr_t address, std::function<uint32_t(uint32_t written)> hook);

// Hardware handshake: once `enable_bit` is set in `control`, `ready_bit` reads as set in `status`
// after `reads_until_ready` reads of `status` (a negative count: never, to exercise timeouts).
// Clearing `enable_bit` clears the ready bit again.
void ready_after(uintptr_t control, uint32_t enable_bit, uintptr_t status, uint32_t ready_bit,
                 int reads_until_ready);

// Index in log() of the first write to `address` whose (value & mask) == expected; -1 if none.
int first_write(uintptr_t address, uint32_t mask, uint32_t expected);
// Index in log() of the last write to `address`; -1 if none.
int last_write(uintptr_t address);

}  // namespace fake_mmio
