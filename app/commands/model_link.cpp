// The host link of a firmware built with a model (docs/protocol.md): info, set input, invoke with
// the per-layer counts, get output. Every failure is an error frame with a message; nothing is
// left half done (an input of the wrong size is refused before a byte is copied).
//
// Invoke may overwrite the graph's inputs (the arena reuses their memory once consumed, as in
// TensorFlow Lite Micro), so the link keeps a copy of the last input it was sent and writes it into
// its tensor before every invoke, and resets the variable tensors of a stateful model: the same
// input gives the same outputs on every invoke. The copy costs kMaxInputBytes of RAM (784 bytes
// for MNIST int8). Before any set input it is all zeros for input 0. A model with several inputs
// gets the last one sent restored; send the others again before each invoke.
#include <string.h>

#include "bsp/board.hpp"
#include "bsp/console.hpp"
#include "bsp/cycle_counter.hpp"
#include "commands/model_commands.hpp"
#include "commands/model_instance.hpp"
#include "commands/model_view.hpp"
#include "firmware_variant.hpp"
#include "strata/format.hpp"
#include "strata/op_resolver.hpp"
#include "strata_model.hpp"

namespace app {
namespace {

namespace model = strata_models::built_in;

// Room for the largest input plus its index byte, and never less than a small request needs. A
// frame's length field is 16 bits: a model with a larger input cannot take it over the link (its
// set input is refused as too long, with this size in the message).
constexpr std::size_t kWanted = model::kMaxInputBytes + 1 > 64 ? model::kMaxInputBytes + 1 : 64;
constexpr std::size_t kReceiveBytes = kWanted < 65535 ? kWanted : 65535;
uint8_t g_receive[kReceiveBytes];

// The last input received (see the top of the file).
struct KeptInput {
  uint8_t bytes[model::kMaxInputBytes > 0 ? model::kMaxInputBytes : 1];
  uint8_t index = 0;
  std::size_t length = 0;  // 0 until the first set input: input 0 then gets zeros
};
KeptInput g_kept;

void console_write(const uint8_t* data, std::size_t length) {
  bsp::console::write(reinterpret_cast<const char*>(data), length);
}

// Appends formatted text to a fixed buffer; output that does not fit is cut, never overflows.
struct TextBuilder {
  char text[640];
  std::size_t length = 0;
  template <typename... Args>
  void add(const char* fmt, Args... args) {
    if (length >= sizeof(text) - 1) return;
    const std::size_t n = strata::Format(text + length, sizeof(text) - length, fmt, args...);
    length = n < sizeof(text) - length ? length + n : sizeof(text) - 1;
  }
};

uint32_t float_bits(float value) {
  uint32_t bits;
  memcpy(&bits, &value, sizeof(bits));
  return bits;
}

void add_tensor(TextBuilder* info, const char* kind, uint32_t index, const strata::TensorView& t) {
  char shape[48];
  report::format_shape(t, shape, sizeof(shape));
  const float scale = t.num_quant > 0 ? t.scale : 0.0f;
  info->add("%s%lu=%s %s bytes=%lu scale=%.6f scale_bits=0x%08lx zero_point=%ld\n", kind,
            static_cast<unsigned long>(index), strata::DataTypeName(t.type), shape,
            static_cast<unsigned long>(t.bytes), scale,
            static_cast<unsigned long>(float_bits(scale)),
            static_cast<long>(t.num_quant > 0 ? t.zero_point : 0));
}

// True when the model is ready; otherwise answers with the runtime's message.
bool ready(LinkWrite write) {
  const strata::CycleCounter counter = instance::board_counter();
  const strata::Status& status = instance::session().Prepare(&counter);
  if (status.ok()) return true;
  send_link_error(FrameError::kRuntime, status.message(), write);
  return false;
}

void send_info(LinkWrite write) {
  if (!ready(write)) return;
  const strata_models::ModelSession& session = instance::session();
  const strata::Interpreter& interpreter = session.interpreter();
  TextBuilder info;
  info.add("board=%s\nclock_hz=%lu\nunit=%s\nmodel=%s\nkernels=%s\n", bsp::board_name(),
           static_cast<unsigned long>(bsp::clock_info().core_hz), bsp::cycle_counter::unit(),
           model::kInfo.name, firmware_variant::kKernels);
  info.add("ops=%lu\nmacs=%llu\narena=%lu\nmax_payload=%lu\n",
           static_cast<unsigned long>(session.model().num_operators()),
           static_cast<unsigned long long>(model::kInfo.total_macs),
           static_cast<unsigned long>(session.arena_bytes()),
           static_cast<unsigned long>(kReceiveBytes));
  for (uint32_t i = 0; i < interpreter.num_inputs(); ++i) {
    add_tensor(&info, "input", i, interpreter.input(i));
  }
  for (uint32_t o = 0; o < interpreter.num_outputs(); ++o) {
    add_tensor(&info, "output", o, interpreter.output(o));
  }
  write_frame(FrameType::kInfo, reinterpret_cast<const uint8_t*>(info.text), info.length, write);
}

void set_input(const uint8_t* payload, std::size_t length, LinkWrite write) {
  if (!ready(write)) return;
  const strata::Interpreter& interpreter = instance::session().interpreter();
  char message[96];
  if (length < 1 || payload[0] >= interpreter.num_inputs()) {
    strata::Format(message, sizeof(message), "set input: index must be 0..%lu",
                   static_cast<unsigned long>(interpreter.num_inputs() - 1));
    send_link_error(FrameError::kBadPayload, message, write);
    return;
  }
  const strata::TensorView input = interpreter.input(payload[0]);
  if (length - 1 != input.bytes) {
    strata::Format(message, sizeof(message), "set input: input %u takes %lu bytes, got %lu",
                   static_cast<unsigned>(payload[0]), static_cast<unsigned long>(input.bytes),
                   static_cast<unsigned long>(length - 1));
    send_link_error(FrameError::kBadPayload, message, write);
    return;
  }
  if (input.bytes > sizeof(g_kept.bytes)) {  // kMaxInputBytes is the largest input: never true
    send_link_error(FrameError::kRuntime, "set input: input larger than the link's copy", write);
    return;
  }
  memcpy(input.data, payload + 1, input.bytes);
  memcpy(g_kept.bytes, payload + 1, input.bytes);
  g_kept.index = payload[0];
  g_kept.length = input.bytes;
  write_frame(FrameType::kAck, nullptr, 0, write);
}

// Writes the kept input into its tensor (zeros into input 0 before any set input).
void restore_input() {
  const strata::Interpreter& interpreter = instance::session().interpreter();
  if (interpreter.num_inputs() == 0) return;
  const strata::TensorView input = interpreter.input(g_kept.index);
  if (input.data == nullptr) return;
  if (g_kept.length == input.bytes) {
    memcpy(input.data, g_kept.bytes, input.bytes);
  } else if (g_kept.length == 0) {
    memset(input.data, 0, input.bytes);
  }
}

void send_output(uint32_t index, LinkWrite write) {
  const strata::TensorView output = instance::session().interpreter().output(index);
  FrameWriter writer(FrameType::kOutput, 1 + output.bytes, write);
  const uint8_t index_byte = static_cast<uint8_t>(index);
  writer.part(&index_byte, 1);
  writer.part(output.data, output.bytes);
  writer.end();
}

void put_le(uint8_t* out, uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out[i] = static_cast<uint8_t>(value >> (8 * i));
}

// The result frame: per layer (op index, op name, count), then the total and the counter's unit.
void send_result(const strata_models::LayerProfile& profile, LinkWrite write) {
  const strata::Model& m = instance::session().model();
  const uint32_t ops = m.num_operators();
  const char* unit = bsp::cycle_counter::unit();
  std::size_t length = 4 + 8 + strlen(unit);
  for (uint32_t i = 0; i < ops; ++i) length += 2 + 1 + strlen(strata::OpName(m.op_code(i))) + 8;
  FrameWriter writer(FrameType::kResult, length, write);
  uint8_t field[8];
  put_le(field, ops, 4);
  writer.part(field, 4);
  for (uint32_t i = 0; i < ops; ++i) {
    const char* name = strata::OpName(m.op_code(i));
    const uint8_t name_length = static_cast<uint8_t>(strlen(name));
    put_le(field, i, 2);
    writer.part(field, 2);
    writer.part(&name_length, 1);
    writer.part(name, name_length);
    put_le(field, profile.record(i).count, 8);
    writer.part(field, 8);
  }
  put_le(field, profile.total(), 8);
  writer.part(field, 8);
  writer.part(unit, strlen(unit));
  writer.end();
}

void invoke(LinkWrite write) {
  if (!ready(write)) return;
  restore_input();
  instance::session().interpreter().ResetVariables();  // stateful models: from reset state, as `2`
  strata_models::LayerProfile profile = instance::fresh_profile();
  const strata::Status status = instance::session().Invoke(&profile);
  if (!status.ok()) {
    send_link_error(FrameError::kRuntime, status.message(), write);
    return;
  }
  send_result(profile, write);
  for (uint32_t o = 0; o < instance::session().interpreter().num_outputs(); ++o) {
    send_output(o, write);
  }
}

void get_output(const uint8_t* payload, std::size_t length, LinkWrite write) {
  if (!ready(write)) return;
  const uint32_t outputs = instance::session().interpreter().num_outputs();
  if (length != 1 || payload[0] >= outputs) {
    char message[64];
    strata::Format(message, sizeof(message), "get output: payload is one index in 0..%lu",
                   static_cast<unsigned long>(outputs - 1));
    send_link_error(FrameError::kBadPayload, message, write);
    return;
  }
  send_output(payload[0], write);
}

void handle(FrameType type, const uint8_t* payload, std::size_t length, LinkWrite write) {
  switch (type) {
    case FrameType::kInfoRequest:
      send_info(write);
      return;
    case FrameType::kSetInput:
      set_input(payload, length, write);
      return;
    case FrameType::kInvoke:
      invoke(write);
      return;
    case FrameType::kGetOutput:
      get_output(payload, length, write);
      return;
    default: {
      char message[48];
      strata::Format(message, sizeof(message), "unknown frame type 0x%02x",
                     static_cast<unsigned>(type));
      send_link_error(FrameError::kUnknownType, message, write);
      return;
    }
  }
}

}  // namespace

LinkPort& link_port() {
  static LinkPort port(g_receive, sizeof(g_receive), handle, console_write);
  return port;
}

}  // namespace app
