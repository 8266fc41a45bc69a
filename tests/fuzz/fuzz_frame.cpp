// libFuzzer target: the firmware's console path with its real host link handler
// (app/commands/model_link.cpp with the sine-int8 model, reached through app::link_port()) and its
// real shell, byte by byte as app/main.cpp feeds them: the link port first, the shell otherwise.
//
// The input is a list of chunks, so that most frames carry a correct CRC and reach the handler:
//   control byte c, length byte n, n bytes
//   c % 4 == 0  the bytes as they are (shell text, noise, parts of frames)
//   c % 4 == 1  one frame with a correct CRC: type = first byte, payload = the rest
//   c % 4 == 2  the same with a wrong CRC
//   c % 4 == 3  a frame header announcing more bytes than the receive buffer holds, then the n
//               bytes with 0xA5 replaced (so none starts a new frame)
//   c & 0x80    the clock first jumps past the frame timeout (a cut-off frame is dropped)
// Checked: whatever the link writes while it takes a byte is whole frames; every frame gets a
// reply; no byte of a frame refused at its header
// reaches the shell; and two invokes with no input sent in between give the same outputs (the
// link writes its kept input before every invoke).
#include <cstdint>
#include <string>
#include <vector>

#include "commands/model_commands.hpp"
#include "commands/system_commands.hpp"
#include "host_board.hpp"
#include "link/frame.hpp"
#include "shell/shell.hpp"

namespace {

constexpr uint64_t kTimeout = 1000;

std::vector<uint8_t> g_bytes;
void collect(const uint8_t* data, size_t length) {
  g_bytes.insert(g_bytes.end(), data, data + length);
}

struct Reply {
  app::FrameType type;
  std::string payload;
};

// The frames in `text`, which must be nothing but whole frames.
std::vector<Reply> WholeFrames(const std::string& text) {
  static uint8_t buffer[65536];
  app::FrameDecoder decoder(buffer, sizeof(buffer));
  std::vector<Reply> frames;
  for (char c : text) {
    const app::FrameDecoder::Result r = decoder.feed(static_cast<uint8_t>(c));
    if (r == app::FrameDecoder::Result::kError) __builtin_trap();
    if (r == app::FrameDecoder::Result::kFrame) {
      frames.push_back(
          {decoder.type(), std::string(reinterpret_cast<const char*>(buffer), decoder.length())});
    }
  }
  if (!decoder.idle()) __builtin_trap();  // a reply cut short
  return frames;
}

struct Console {
  app::Shell shell;
  uint64_t now = 0;
  std::string last_outputs;  // output frames of the last invoke
  bool input_sent = true;    // since the last invoke

  // One byte as app/main.cpp handles it; returns the frames the link wrote for it.
  std::vector<Reply> Feed(uint8_t byte) {
    std::string& console = host_board::console();
    console.clear();
    if (!app::link_port().feed(byte, shell.at_line_start(), ++now)) {
      ++to_shell;
      shell.feed(static_cast<char>(byte));
      console.clear();
      return {};
    }
    std::vector<Reply> frames = WholeFrames(console);
    console.clear();
    Check(frames);
    return frames;
  }

  void Check(const std::vector<Reply>& frames) {
    if (frames.empty() || frames[0].type != app::FrameType::kResult) {
      for (const Reply& f : frames) input_sent |= f.type == app::FrameType::kAck;
      return;
    }
    std::string outputs;
    for (const Reply& f : frames) {
      if (f.type == app::FrameType::kOutput) outputs += f.payload;
    }
    if (!input_sent && outputs != last_outputs) __builtin_trap();  // same input, other outputs
    last_outputs = outputs;
    input_sent = false;
  }

  // Feeds a whole chunk; returns the number of reply frames.
  size_t FeedAll(const std::vector<uint8_t>& bytes) {
    size_t replies = 0;
    for (uint8_t b : bytes) replies += Feed(b).size();
    return replies;
  }
  size_t to_shell = 0;  // bytes the shell got
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // A fresh shell each run; the link port and the model session live as long as the process, as
  // on a board: a frame left open by the previous run is dropped first.
  static uint64_t now = 0;
  Console session;
  Console* console = &session;
  console->now = now + kTimeout + 1;
  app::link_port().expire(console->now, kTimeout);
  host_board::console().clear();
  app::add_system_commands(console->shell);
  app::add_model_commands(console->shell);
  size_t at = 0;
  while (at + 2 <= size) {
    const uint8_t control = data[at];
    const size_t n = data[at + 1] < size - at - 2 ? data[at + 1] : size - at - 2;
    const uint8_t* bytes = data + at + 2;
    at += 2 + n;
    if (control & 0x80) {
      console->now += kTimeout + 1;
      host_board::console().clear();
      if (app::link_port().expire(console->now, kTimeout)) {
        WholeFrames(host_board::console());
      }
    }
    g_bytes.clear();
    switch (control % 4) {
      case 0:
        g_bytes.assign(bytes, bytes + n);
        console->FeedAll(g_bytes);
        break;
      case 1:
      case 2: {
        const bool idle = !app::link_port().in_frame() && !app::link_port().dropping() &&
                          console->shell.at_line_start();
        const uint8_t type = n > 0 ? bytes[0] : 0;
        app::write_frame(static_cast<app::FrameType>(type), n > 1 ? bytes + 1 : nullptr,
                         n > 1 ? n - 1 : 0, collect);
        if (control % 4 == 2) g_bytes.back() ^= 0x01;
        const size_t replies = console->FeedAll(g_bytes);
        // A frame at a line start, with the link idle, is always answered (an error at least).
        if (idle && replies == 0) __builtin_trap();
        break;
      }
      default: {
        const bool idle = !app::link_port().in_frame() && !app::link_port().dropping() &&
                          console->shell.at_line_start();
        // Longer than the buffer and than the bytes that follow (which are all payload).
        const size_t length = app::link_port().capacity() + 1 + n + (control >> 2) * 257u % 60000;
        g_bytes = {app::kFrameSync0, app::kFrameSync1,
                   static_cast<uint8_t>(app::FrameType::kSetInput), static_cast<uint8_t>(length),
                   static_cast<uint8_t>(length >> 8)};
        for (size_t i = 0; i < n; ++i) g_bytes.push_back(bytes[i] == 0xA5 ? 0 : bytes[i]);
        const size_t before = console->to_shell;
        console->FeedAll(g_bytes);
        if (idle && console->to_shell != before) __builtin_trap();  // refused payload to the shell
        break;
      }
    }
  }
  now = console->now;
  return 0;
}
