// libFuzzer target: arbitrary bytes through the host link frame decoder. A decoded frame must fit
// the buffer and re-encode to a frame the decoder accepts again (round trip).
#include <cstdint>
#include <vector>

#include "link/frame.hpp"

namespace {
std::vector<uint8_t> g_out;
void collect(const uint8_t* data, size_t length) { g_out.insert(g_out.end(), data, data + length); }
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  uint8_t buffer[256];
  app::FrameDecoder decoder(buffer, sizeof(buffer));
  for (size_t i = 0; i < size; ++i) {
    if (decoder.feed(data[i]) != app::FrameDecoder::Result::kFrame) continue;
    if (decoder.length() > sizeof(buffer)) __builtin_trap();
    g_out.clear();
    app::write_frame(decoder.type(), decoder.payload(), decoder.length(), collect);
    uint8_t again[256];
    app::FrameDecoder check(again, sizeof(again));
    int frames = 0;
    for (uint8_t b : g_out) frames += check.feed(b) == app::FrameDecoder::Result::kFrame;
    if (frames != 1 || check.length() != decoder.length()) __builtin_trap();
  }
  return 0;
}
