// The app's model commands on the host with the mnist-int8 model (reference kernels): the host
// link handler (app/commands/model_link.cpp, reached through app::link_port() as in the firmware)
// and the shell's inference commands give the same outputs every time for the same input, although
// Invoke may overwrite its input.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "commands/model_commands.hpp"
#include "commands/system_commands.hpp"
#include "host_board.hpp"
#include "link/frame.hpp"
#include "shell/shell.hpp"
#include "shell_capture.hpp"
#include "strata_model.hpp"

namespace {

using shell_capture::records;

namespace model = strata_models::built_in;

struct Reply {
  app::FrameType type;
  std::vector<uint8_t> payload;
};

std::vector<uint8_t> g_request;
void collect(const uint8_t* data, std::size_t length) {
  g_request.insert(g_request.end(), data, data + length);
}

// Sends one request frame (after a carriage return, as the host client does) and returns every
// frame the link wrote back.
std::vector<Reply> request(app::FrameType type, const std::vector<uint8_t>& payload) {
  static uint64_t now = 0;
  g_request.assign(1, '\r');
  app::write_frame(type, payload.data(), payload.size(), collect);
  host_board::console().clear();
  for (uint8_t b : g_request) app::link_port().feed(b, true, ++now);
  std::vector<Reply> replies;
  static uint8_t buffer[4096];
  app::FrameDecoder decoder(buffer, sizeof(buffer));
  for (char c : host_board::console()) {
    if (decoder.feed(static_cast<uint8_t>(c)) == app::FrameDecoder::Result::kFrame) {
      replies.push_back({decoder.type(), std::vector<uint8_t>(buffer, buffer + decoder.length())});
    }
  }
  return replies;
}

void set_input(uint32_t sample) {
  const strata_models::SampleInfo& s = model::kInfo.samples[sample];
  std::vector<uint8_t> payload = {0};
  payload.insert(payload.end(), s.data, s.data + s.bytes);
  const std::vector<Reply> replies = request(app::FrameType::kSetInput, payload);
  ASSERT_EQ(replies.size(), 1u);
  ASSERT_EQ(replies[0].type, app::FrameType::kAck);
}

// The output frame's tensor bytes of one invoke.
std::vector<uint8_t> invoke() {
  const std::vector<Reply> replies = request(app::FrameType::kInvoke, {});
  EXPECT_EQ(replies.size(), 2u);  // the result, then output 0
  if (replies.size() != 2 || replies[1].type != app::FrameType::kOutput) return {};
  return std::vector<uint8_t>(replies[1].payload.begin() + 1, replies[1].payload.end());
}

int top_class(const std::vector<uint8_t>& output) {
  int best = 0;
  for (size_t i = 1; i < output.size(); ++i) {
    if (static_cast<int8_t>(output[i]) > static_cast<int8_t>(output[best]))
      best = static_cast<int>(i);
  }
  return best;
}

uint32_t sample_with_label(int32_t label) {
  for (uint32_t k = 0; k < model::kInfo.num_samples; ++k) {
    if (model::kInfo.samples[k].label == label) return k;
  }
  ADD_FAILURE() << "no sample labelled " << label;
  return 0;
}

TEST(ModelLink, OneInputManyInvokesGiveTheSameOutputs) {
  set_input(sample_with_label(7));
  const std::vector<uint8_t> first = invoke();
  ASSERT_EQ(first.size(), 10u);
  EXPECT_EQ(top_class(first), 7);
  for (int repeat = 0; repeat < 3; ++repeat) EXPECT_EQ(invoke(), first) << "repeat " << repeat;
}

TEST(ModelLink, TheLastInputSentIsTheOneRestored) {
  set_input(sample_with_label(7));
  const std::vector<uint8_t> seven = invoke();
  set_input(sample_with_label(3));
  const std::vector<uint8_t> three = invoke();
  EXPECT_EQ(top_class(three), 3);
  EXPECT_NE(three, seven);
  EXPECT_EQ(invoke(), three);
}

TEST(ModelLink, InfoSaysWhatTheInputTakes) {
  const std::vector<Reply> replies = request(app::FrameType::kInfoRequest, {});
  ASSERT_EQ(replies.size(), 1u);
  const std::string info(replies[0].payload.begin(), replies[0].payload.end());
  EXPECT_NE(info.find("model=mnist-int8\n"), std::string::npos) << info;
  EXPECT_NE(info.find("input0=int8 1x28x28x1 bytes=784 "), std::string::npos) << info;
}

TEST(ModelShell, InferencesAndBenchRunsOfOneSampleAgree) {
  const std::string text = shell_capture::run_commands("2\nrun 0\n2\nbench 3\n");
  const std::vector<std::string> outputs = records(text, "@output");
  ASSERT_EQ(outputs.size(), 3u) << text;
  EXPECT_EQ(outputs[1], outputs[0]);
  EXPECT_EQ(outputs[2], outputs[0]);
  const std::vector<std::string> results = records(text, "@result");
  ASSERT_EQ(results.size(), 4u) << text;
  for (const std::string& r : results) EXPECT_EQ(r, results[0]);
  const std::vector<std::string> bench = records(text, "@bench_outputs");
  ASSERT_EQ(bench.size(), 1u) << text;
  EXPECT_EQ(bench[0].rfind("@bench_outputs runs=3 same=3 crc=0x", 0), 0u) << bench[0];
}

}  // namespace
