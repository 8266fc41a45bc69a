#include "fake_mmio.hpp"

#include <map>
#include <memory>

#include "bsp/mmio.hpp"

namespace fake_mmio {
namespace {

struct State {
  std::map<uintptr_t, uint32_t> registers;
  std::map<uintptr_t, std::vector<std::function<uint32_t(uint32_t)>>> read_hooks;
  std::map<uintptr_t, std::vector<std::function<uint32_t(uint32_t)>>> write_hooks;
  std::vector<Access> log;
};

State& state() {
  static State s;
  return s;
}

}  // namespace

void reset() { state() = State(); }
void preset(uintptr_t address, uint32_t v) { state().registers[address] = v; }
uint32_t value(uintptr_t address) { return state().registers[address]; }
const std::vector<Access>& log() { return state().log; }

void on_read(uintptr_t address, std::function<uint32_t(uint32_t)> hook) {
  state().read_hooks[address].push_back(std::move(hook));
}

void on_write(uintptr_t address, std::function<uint32_t(uint32_t)> hook) {
  state().write_hooks[address].push_back(std::move(hook));
}

void ready_after(uintptr_t control, uint32_t enable_bit, uintptr_t status, uint32_t ready_bit,
                 int reads_until_ready) {
  auto remaining = std::make_shared<int>(-1);  // -1: not enabled yet
  on_write(control, [=](uint32_t written) {
    if (written & enable_bit) {
      if (*remaining < 0) *remaining = reads_until_ready;
    } else {
      *remaining = -1;
      state().registers[status] &= ~ready_bit;
    }
    return written;
  });
  on_read(status, [=](uint32_t stored) {
    if (*remaining < 0 || reads_until_ready < 0) return stored & ~ready_bit;
    if (*remaining > 0) {
      --*remaining;
      return stored & ~ready_bit;
    }
    return stored | ready_bit;
  });
}

int first_write(uintptr_t address, uint32_t mask, uint32_t expected) {
  const auto& entries = state().log;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].is_write && entries[i].address == address &&
        (entries[i].value & mask) == expected)
      return static_cast<int>(i);
  }
  return -1;
}

int last_write(uintptr_t address) {
  const auto& entries = state().log;
  for (size_t i = entries.size(); i-- > 0;) {
    if (entries[i].is_write && entries[i].address == address) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace fake_mmio

namespace bsp::mmio {

uint32_t read(uintptr_t address) {
  auto& s = fake_mmio::state();
  uint32_t v = s.registers[address];
  for (auto& hook : s.read_hooks[address]) v = hook(v);
  s.log.push_back({false, address, v});
  return v;
}

void write(uintptr_t address, uint32_t value) {
  auto& s = fake_mmio::state();
  for (auto& hook : s.write_hooks[address]) value = hook(value);
  s.registers[address] = value;
  s.log.push_back({true, address, value});
}

}  // namespace bsp::mmio
