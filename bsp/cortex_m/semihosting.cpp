// Semihosting calls (Arm semihosting specification v2): operation in r0, argument block in r1, BKPT
// 0xAB.
#include "cortex_m/semihosting.hpp"

#include <cstring>

namespace cortex_m::semihosting {
namespace {

enum Operation : uint32_t {
  kSysOpen = 0x01,
  kSysClose = 0x02,
  kSysWrite = 0x05,
  kSysRead = 0x06,
  kSysFlen = 0x0C,
  kSysExitExtended = 0x20,
};
constexpr uint32_t kApplicationExit = 0x20026;  // ADP_Stopped_ApplicationExit

int call(uint32_t operation, const void* argument) {
  register uint32_t r0 __asm__("r0") = operation;
  register const void* r1 __asm__("r1") = argument;
  __asm__ volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
  return static_cast<int>(r0);
}

}  // namespace

void exit(int code) {
  const uint32_t block[2] = {kApplicationExit, static_cast<uint32_t>(code)};
  call(kSysExitExtended, block);
  for (;;) {
  }
}

int open(const char* path, bool write) {
  // Modes 1 ("rb") and 5 ("wb") of the specification.
  const uint32_t block[3] = {reinterpret_cast<uint32_t>(path), write ? 5u : 1u,
                             static_cast<uint32_t>(std::strlen(path))};
  return call(kSysOpen, block);
}

std::size_t read(int handle, void* buffer, std::size_t length) {
  const uint32_t block[3] = {static_cast<uint32_t>(handle), reinterpret_cast<uint32_t>(buffer),
                             static_cast<uint32_t>(length)};
  // The call returns the number of bytes NOT read.
  return length - static_cast<std::size_t>(call(kSysRead, block));
}

std::size_t write(int handle, const void* buffer, std::size_t length) {
  const uint32_t block[3] = {static_cast<uint32_t>(handle), reinterpret_cast<uint32_t>(buffer),
                             static_cast<uint32_t>(length)};
  return length - static_cast<std::size_t>(call(kSysWrite, block));
}

long length(int handle) {
  const uint32_t block[1] = {static_cast<uint32_t>(handle)};
  return call(kSysFlen, block);
}

void close(int handle) {
  const uint32_t block[1] = {static_cast<uint32_t>(handle)};
  call(kSysClose, block);
}

}  // namespace cortex_m::semihosting
