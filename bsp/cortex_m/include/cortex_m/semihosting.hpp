// Arm semihosting: the debugger (or QEMU with -semihosting-config enable=on) services these calls.
// Used only by virtual boards and test firmware: on a real board without a debugger the BKPT
// faults.
#pragma once

#include <cstddef>
#include <cstdint>

namespace cortex_m::semihosting {

// Ends the program with `code` as the host-side exit status (SYS_EXIT_EXTENDED).
[[noreturn]] void exit(int code);

// Host file access, for test firmware that reads models and inputs from the host's disk.
// open() returns a handle >= 0 or -1; read() returns the number of bytes read; length() -1 on
// error.
int open(const char* path, bool write);
std::size_t read(int handle, void* buffer, std::size_t length);
std::size_t write(int handle, const void* buffer, std::size_t length);
long length(int handle);
void close(int handle);

}  // namespace cortex_m::semihosting
