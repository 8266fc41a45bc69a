// The firmware built without a model (model id `none`): the shell and board only. Its host link
// answers info requests and refuses the model requests with a clear error.
#include "bsp/board.hpp"
#include "bsp/console.hpp"
#include "bsp/cycle_counter.hpp"
#include "commands/model_commands.hpp"
#include "firmware_variant.hpp"
#include "strata/format.hpp"

namespace app {
namespace {

uint8_t g_receive[64];

void console_write(const uint8_t* data, std::size_t length) {
  bsp::console::write(reinterpret_cast<const char*>(data), length);
}

void handle(FrameType type, const uint8_t*, std::size_t, LinkWrite write) {
  if (type != FrameType::kInfoRequest) {
    send_link_error(FrameError::kBadPayload, "this firmware has no model", write);
    return;
  }
  char info[160];
  const std::size_t n = strata::Format(
      info, sizeof(info), "board=%s\nclock_hz=%lu\nunit=%s\nmodel=none\nkernels=%s\n",
      bsp::board_name(), static_cast<unsigned long>(bsp::clock_info().core_hz),
      bsp::cycle_counter::unit(), firmware_variant::kKernels);
  write_frame(FrameType::kInfo, reinterpret_cast<const uint8_t*>(info),
              n < sizeof(info) ? n : sizeof(info) - 1, write);
}

}  // namespace

const char* model_name() { return "none"; }
const char* kernels_name() { return firmware_variant::kKernels; }
void add_model_commands(Shell&) {}

LinkPort& link_port() {
  static LinkPort port(g_receive, sizeof(g_receive), handle, console_write);
  return port;
}

}  // namespace app
