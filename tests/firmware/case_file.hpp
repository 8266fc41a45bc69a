// The case a host script hands a dedicated firmware test (tools/conformance_fw.py and the like
// write strata_case.bin: a magic word, the model's offset and size, then each input's offset and
// size), read through semihosting into the test's buffer.
#pragma once

#include <cstddef>
#include <cstdint>

namespace case_file {

// Reads strata_case.bin into `buffer`; its size, or 0 when it is missing, empty, larger than
// `capacity` or cut short.
size_t read(uint8_t* buffer, size_t capacity);

// The 32-bit word at byte `offset` of a case (any alignment).
uint32_t word(const uint8_t* buffer, size_t offset);

}  // namespace case_file
