// Stateful operators (UNIDIRECTIONAL_SEQUENCE_LSTM, SVDF) keep their state in variable tensors
// across Invokes. For op-suite cases: two Invokes of one interpreter on the same input give
// different outputs, and the second equals what a fresh interpreter computes when its variables
// are seeded with the first run's final state (and differs when any one of them is left at zero):
// the state, all of it and only it, carries over.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "reference/registry.hpp"
#include "strata/interpreter.hpp"
#include "strata/model.hpp"

namespace {

std::vector<uint8_t> ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

// A loaded op-suite case with a prepared interpreter of its own.
class Session {
 public:
  explicit Session(const std::vector<uint64_t>& model_words, size_t model_bytes) : arena_(1 << 14) {
    EXPECT_TRUE(strata::Model::Load(model_words.data(), model_bytes, &model_).ok());
    interp_ = std::make_unique<strata::Interpreter>(model_, strata::kernels::reference::registry(),
                                                    reinterpret_cast<uint8_t*>(arena_.data()),
                                                    arena_.size() * sizeof(uint64_t));
    const strata::Status s = interp_->Prepare();
    EXPECT_TRUE(s.ok()) << s.message();
  }

  std::vector<uint8_t> Run(const std::vector<uint8_t>& input) {
    const strata::TensorView in = interp_->input(0);
    EXPECT_EQ(in.bytes, input.size());
    std::memcpy(in.data, input.data(), input.size());
    EXPECT_TRUE(interp_->Invoke().ok());
    const strata::TensorView out = interp_->output(0);
    const uint8_t* p = static_cast<const uint8_t*>(out.data);
    return std::vector<uint8_t>(p, p + out.bytes);
  }

  // The bytes of every variable tensor, in tensor order.
  std::vector<std::vector<uint8_t>> State() const {
    std::vector<std::vector<uint8_t>> state;
    for (int32_t t = 0; t < static_cast<int32_t>(model_.num_tensors()); ++t) {
      if (!model_.tensor_is_variable(t)) continue;
      const strata::TensorView v = interp_->tensor(t);
      const uint8_t* p = static_cast<const uint8_t*>(v.data);
      state.emplace_back(p, p + v.bytes);
    }
    return state;
  }

  void SetState(const std::vector<std::vector<uint8_t>>& state) {
    size_t k = 0;
    for (int32_t t = 0; t < static_cast<int32_t>(model_.num_tensors()); ++t) {
      if (!model_.tensor_is_variable(t)) continue;
      ASSERT_LT(k, state.size());
      std::memcpy(interp_->tensor(t).data, state[k].data(), state[k].size());
      ++k;
    }
  }

 private:
  strata::Model model_;
  std::vector<uint64_t> arena_;
  std::unique_ptr<strata::Interpreter> interp_;
};

class StateCarriesOver : public ::testing::TestWithParam<const char*> {};

TEST_P(StateCarriesOver, SecondInvokeContinuesFromTheFirstRunsState) {
  const std::string suite = STRATA_OPS_SUITE;
  const std::string name = GetParam();
  const std::vector<uint8_t> bytes = ReadFile(suite + "/models/" + name + ".tflite");
  const std::vector<uint8_t> input = ReadFile(suite + "/cases/" + name + "/input0.bin");
  const std::vector<uint8_t> expected = ReadFile(suite + "/cases/" + name + "/expected0.bin");
  ASSERT_FALSE(bytes.empty());
  ASSERT_FALSE(input.empty());
  std::vector<uint64_t> words((bytes.size() + 7) / 8);
  std::memcpy(words.data(), bytes.data(), bytes.size());

  Session twice(words, bytes.size());
  const std::vector<uint8_t> first = twice.Run(input);
  ASSERT_EQ(first, expected) << "the first Invoke starts from zero state (the op-suite case)";
  const std::vector<std::vector<uint8_t>> state_after_first = twice.State();
  ASSERT_FALSE(state_after_first.empty());
  const std::vector<uint8_t> second = twice.Run(input);
  EXPECT_NE(second, first) << "the second Invoke must see the state the first one left";

  Session seeded(words, bytes.size());
  seeded.SetState(state_after_first);
  EXPECT_EQ(seeded.Run(input), second);

  // Every variable carries something the next Invoke uses: seeded without it (zeroed), the
  // result differs.
  for (size_t k = 0; k < state_after_first.size(); ++k) {
    std::vector<std::vector<uint8_t>> partial = state_after_first;
    std::fill(partial[k].begin(), partial[k].end(), 0);
    Session without(words, bytes.size());
    without.SetState(partial);
    EXPECT_NE(without.Run(input), second) << "variable " << k << " of " << name;
  }
}

INSTANTIATE_TEST_SUITE_P(Suite, StateCarriesOver,
                         ::testing::Values("unidirectional_sequence_lstm_float32_b2_t3_i4_c4",
                                           "unidirectional_sequence_lstm_int8_b2_t3_i4_c4",
                                           "unidirectional_sequence_lstm_int16_b1_t4_i3_c5",
                                           "svdf_float32_b2_i6_u3_r2_m4_relu",
                                           "svdf_int8_b2_i6_u3_r2_m4_relu"));

}  // namespace
