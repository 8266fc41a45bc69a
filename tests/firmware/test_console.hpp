// Console helpers for the dedicated firmware test images (no middleware, no shell): text, decimal
// numbers and the STRATA-TEST-START / STRATA-TEST-DONE markers tools/qemu_run.py looks for.
#pragma once

#include <cstdint>

namespace test_console {

void print(const char* text);
void print_u64(uint64_t value);
void start(const char* test_name);
[[noreturn]] void done(bool passed);

}  // namespace test_console
