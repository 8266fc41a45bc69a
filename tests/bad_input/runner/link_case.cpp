// RunLinkCase (see cases.hpp): the host link rows, through the firmware's own link code — the
// console split (app::LinkPort) and the request handler of a model firmware
// (app/commands/model_link.cpp, here with the mnist-int8 model and reference kernels) — with the
// board's console captured (host_board.hpp). Bytes the link does not take would go to the shell:
// none of a row's may.
#include <string>

#include "cases.hpp"
#include "commands/model_commands.hpp"
#include "host_board.hpp"
#include "link/frame.hpp"

namespace bad_input {
namespace {

const char* ErrorName(uint8_t code) {
  switch (code) {
    case 1:
      return "bad CRC";
    case 2:
      return "too long";
    case 3:
      return "bad sync";
    case 4:
      return "unknown type";
    case 5:
      return "bad payload";
    case 6:
      return "runtime";
    case 7:
      return "timeout";
    default:
      return "unknown error code";
  }
}

struct Reply {
  bool found = false;
  app::FrameType type{};
  std::string payload;
};

// The first frame in `bytes` (the link writes nothing else on the console).
Reply FirstFrame(const std::string& bytes) {
  static uint8_t buffer[1024];
  app::FrameDecoder decoder(buffer, sizeof(buffer));
  Reply reply;
  for (char c : bytes) {
    if (decoder.feed(static_cast<uint8_t>(c)) == app::FrameDecoder::Result::kFrame) {
      reply.found = true;
      reply.type = decoder.type();
      reply.payload.assign(reinterpret_cast<const char*>(decoder.payload()), decoder.length());
      return reply;
    }
  }
  return reply;
}

std::vector<uint8_t> g_request;
void Collect(const uint8_t* data, std::size_t length) {
  g_request.insert(g_request.end(), data, data + length);
}

// Feeds the bytes as the firmware's main loop does, with the shell at a line start; returns the
// bytes the link left to the shell.
std::string Feed(const std::vector<uint8_t>& bytes) {
  static uint64_t now = 0;
  std::string to_shell;
  for (uint8_t b : bytes) {
    if (!app::link_port().feed(b, /*at_line_start=*/true, ++now)) to_shell += static_cast<char>(b);
  }
  return to_shell;
}

}  // namespace

Outcome RunLinkCase(const Case&, const std::vector<uint8_t>& bytes) {
  Outcome o;
  std::string& console = host_board::console();
  console.clear();
  const std::string to_shell = Feed(bytes);
  if (!to_shell.empty()) o.problem = "bytes of the row reached the shell: '" + to_shell + "'";
  const Reply reply = FirstFrame(console);
  if (!reply.found || reply.type != app::FrameType::kError || reply.payload.empty()) {
    o.status = "ok";
    o.text = reply.found ? "a reply that is not an error frame" : "no reply";
  } else {
    o.status = ErrorName(static_cast<uint8_t>(reply.payload[0]));
    o.text = reply.payload.substr(1);
  }
  if (app::link_port().in_frame()) o.problem = "the link is still inside a frame after the row";
  // The link still answers: an info request, after a carriage return as the host client sends it
  // (docs/protocol.md), gets an info frame.
  console.clear();
  g_request.assign(1, '\r');
  app::write_frame(app::FrameType::kInfoRequest, nullptr, 0, Collect);
  Feed(g_request);
  const Reply info = FirstFrame(console);
  if (!info.found || info.type != app::FrameType::kInfo || info.payload.find("board=host") != 0) {
    o.problem = "no info reply after the row";
  }
  return o;
}

}  // namespace bad_input
