// CRC-32 (IEEE 802.3: reflected polynomial 0xEDB88320, initial and final XOR 0xFFFFFFFF), the check
// of the host link frames. Bitwise, no table: the frames are small and flash is not.
#pragma once

#include <cstddef>
#include <cstdint>

namespace app {

// Continues a CRC over `length` more bytes; start with crc32_update(0, ...).
uint32_t crc32_update(uint32_t crc, const uint8_t* data, std::size_t length);

}  // namespace app
