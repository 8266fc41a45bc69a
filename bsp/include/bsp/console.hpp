// The board's console: a byte stream to and from the host (UART on real boards, QEMU's first serial
// port on virtual boards). Writes block until the bytes are handed to the hardware; reads never
// block.
#pragma once

#include <cstddef>

namespace bsp::console {

void write(const char* data, std::size_t length);

// The next received byte (0..255), or -1 when none is waiting.
int read_byte();

}  // namespace bsp::console
