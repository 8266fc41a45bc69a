// libFuzzer target: arbitrary console bytes through the firmware's console path — the link port
// deciding between shell and frames (a line reader says where lines start), the frame decoder, and
// the error replies. A decoded frame must fit the buffer and re-encode to a frame the decoder
// accepts again (round trip); every reply the port writes must itself decode as one frame.
#include <cstdint>
#include <vector>

#include "link/frame.hpp"
#include "link/link_port.hpp"
#include "shell/line_reader.hpp"

namespace {

std::vector<uint8_t> g_out;
void collect(const uint8_t* data, size_t length) { g_out.insert(g_out.end(), data, data + length); }

// Exactly one frame in `bytes`, of `length` payload bytes.
void check_one_frame(const std::vector<uint8_t>& bytes, size_t length) {
  uint8_t again[256];
  app::FrameDecoder check(again, sizeof(again));
  int frames = 0;
  for (uint8_t b : bytes) frames += check.feed(b) == app::FrameDecoder::Result::kFrame;
  if (frames != 1 || check.length() != length) __builtin_trap();
}

void round_trip(app::FrameType type, const uint8_t* payload, size_t length, app::LinkWrite) {
  if (length > 256) __builtin_trap();
  g_out.clear();
  app::write_frame(type, payload, length, collect);
  check_one_frame(g_out, length);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  uint8_t buffer[256];
  app::LinkPort port(buffer, sizeof(buffer), round_trip, collect);
  app::LineReader reader;
  uint64_t now = 0;
  for (size_t i = 0; i < size; ++i) {
    g_out.clear();
    if (!port.feed(data[i], reader.at_line_start(), ++now)) {
      reader.feed(static_cast<char>(data[i]));
    } else if (!g_out.empty() && g_out[2] == static_cast<uint8_t>(app::FrameType::kError)) {
      check_one_frame(g_out, g_out.size() - app::kFrameOverhead);
    }
    if (data[i] == 0xFF) now += 1000;  // lets the timeout path run too
    g_out.clear();
    if (port.expire(now, 500)) check_one_frame(g_out, g_out.size() - app::kFrameOverhead);
  }
  return 0;
}
