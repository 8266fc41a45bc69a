// Interpreter features beyond the plain op loop: scratch buffers, reshape aliasing, constants
// folded at prepare, in-place placement, optional inputs, models without ops, profiling.
#include <cstring>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "strata/interpreter.hpp"
#include "test_kernels.hpp"
#include "test_model.hpp"

namespace {

using strata::Interpreter;
using strata::Model;
using strata_test::AlignedBytes;
using strata_test::TestModel;

struct Prepared {
  explicit Prepared(const TestModel& m) : bytes(m.Build()), arena(1 << 14) {
    EXPECT_TRUE(Model::Load(bytes.data(), bytes.size(), &model).ok());
    interp =
        std::make_unique<Interpreter>(model, strata_test::TestResolver(),
                                      reinterpret_cast<uint8_t*>(arena.data()), arena.size() * 8);
    const strata::Status s = interp->Prepare();
    EXPECT_TRUE(s.ok()) << s.message();
  }
  AlignedBytes bytes;
  Model model;
  std::vector<uint64_t> arena;
  std::unique_ptr<Interpreter> interp;
};

void Fill(const strata::TensorView& t, float start) {
  float* p = static_cast<float*>(t.data);
  for (uint32_t i = 0; i < t.elements; ++i) p[i] = start + static_cast<float>(i);
}

TEST(InterpreterFeatures, ScratchBuffer) {
  TestModel m;
  const int32_t x = m.AddFloat({3}, {}, "x");
  const int32_t y = m.AddFloat({3}, {}, "y");
  m.AddOp({tflite::BuiltinOperator_MUL, 1, {x}, {y}});
  m.SetInputs({x});
  m.SetOutputs({y});
  Prepared p(m);
  Fill(p.interp->input(0), 1);
  ASSERT_TRUE(p.interp->Invoke().ok());
  const float* out = static_cast<const float*>(p.interp->output(0).data);
  EXPECT_EQ(out[0], 2.0f);
  EXPECT_EQ(out[2], 6.0f);
  EXPECT_EQ(p.interp->arena_usage().scratch_bytes, 16u);  // 12 bytes rounded to 8
}

TEST(InterpreterFeatures, ReshapeAliasesItsInputAndNeverRuns) {
  TestModel m;
  const int32_t x = m.AddFloat({2, 2}, {}, "x");
  const int32_t c = m.AddFloat({2, 2}, {1, 1, 1, 1}, "c");
  const int32_t t = m.AddFloat({2, 2}, {}, "t");
  const int32_t r = m.AddFloat({4}, {}, "r");
  m.AddOp({tflite::BuiltinOperator_ADD, 1, {x, c}, {t}});
  m.AddOp({tflite::BuiltinOperator_RESHAPE, 1, {t}, {r}});
  m.SetInputs({x});
  m.SetOutputs({r});
  Prepared p(m);
  EXPECT_TRUE(p.interp->op_is_invoked(0));
  EXPECT_FALSE(p.interp->op_is_invoked(1));
  EXPECT_EQ(p.interp->tensor(t).data, p.interp->output(0).data);
  Fill(p.interp->input(0), 0);
  strata_test::ResetInvokeCount();
  ASSERT_TRUE(p.interp->Invoke().ok());
  EXPECT_EQ(strata_test::InvokeCount(), 1);
  EXPECT_EQ(static_cast<const float*>(p.interp->output(0).data)[3], 4.0f);
}

TEST(InterpreterFeatures, ConstantsFoldedAtPrepare) {
  TestModel m;
  strata_test::TensorSpec q{{4}, tflite::TensorType_INT8, "q"};
  q.data = {2, 4, 6, 8};
  q.scales = {0.5f};
  q.zero_points = {2};
  const int32_t qi = m.AddTensor(q);
  const int32_t w = m.AddFloat({4}, {}, "w");
  const int32_t x = m.AddFloat({4}, {}, "x");
  const int32_t y = m.AddFloat({4}, {}, "y");
  m.AddOp({tflite::BuiltinOperator_DEQUANTIZE, 1, {qi}, {w}});
  m.AddOp({tflite::BuiltinOperator_ADD, 1, {x, w}, {y}});
  m.SetInputs({x});
  m.SetOutputs({y});
  Prepared p(m);
  EXPECT_FALSE(p.interp->op_is_invoked(0));
  const strata::TensorView folded = p.interp->tensor(w);
  EXPECT_TRUE(folded.is_constant);
  const float* wv = static_cast<const float*>(folded.data);
  EXPECT_EQ(wv[0], 0.0f);
  EXPECT_EQ(wv[3], 3.0f);
  // The folded value lives in the persistent part of the arena.
  EXPECT_GE(p.interp->tensor_arena_offset(w), 0);
  EXPECT_LT(p.interp->tensor_arena_offset(w), p.interp->arena_usage().persistent_bytes);
  Fill(p.interp->input(0), 10);
  strata_test::ResetInvokeCount();
  ASSERT_TRUE(p.interp->Invoke().ok());
  EXPECT_EQ(strata_test::InvokeCount(), 1);
  EXPECT_EQ(static_cast<const float*>(p.interp->output(0).data)[3], 16.0f);
}

TEST(InterpreterFeatures, OptionalInputSlotIsNull) {
  TestModel m;
  const int32_t x = m.AddFloat({2}, {}, "x");
  const int32_t y = m.AddFloat({2}, {}, "y");
  m.AddOp({tflite::BuiltinOperator_PAD, 1, {x, -1}, {y}});
  m.SetInputs({x});
  m.SetOutputs({y});
  Prepared p(m);
  Fill(p.interp->input(0), 3);
  ASSERT_TRUE(p.interp->Invoke().ok());
  EXPECT_EQ(static_cast<const float*>(p.interp->output(0).data)[1], 4.0f);  // +: slot was null
}

TEST(InterpreterFeatures, InPlaceChainUsesLessThanTheTensorBound) {
  // x -> +c -> +c -> ... : each ADD may overwrite its dead input.
  TestModel m;
  const int32_t n = 256;
  const int32_t c = m.AddFloat({n}, std::vector<float>(n, 1.0f), "c");
  int32_t prev = m.AddFloat({n}, {}, "x");
  const int32_t x = prev;
  for (int i = 0; i < 6; ++i) {
    const int32_t next = m.AddFloat({n}, {}, "a" + std::to_string(i));
    m.AddOp({tflite::BuiltinOperator_ADD, 1, {prev, c}, {next}});
    prev = next;
  }
  m.SetInputs({x});
  m.SetOutputs({prev});
  Prepared p(m);
  const strata::ArenaUsage& u = p.interp->arena_usage();
  EXPECT_EQ(u.tensor_lower_bound, 2u * n * 4);
  EXPECT_LT(u.activation_bytes, u.tensor_lower_bound);
  EXPECT_GE(u.activation_bytes, u.activation_lower_bound);
  Fill(p.interp->input(0), 0);
  ASSERT_TRUE(p.interp->Invoke().ok());
  const float* out = static_cast<const float*>(p.interp->output(0).data);
  for (int i = 0; i < n; ++i) ASSERT_EQ(out[i], static_cast<float>(i + 6)) << i;
}

TEST(InterpreterFeatures, ModelWithoutOperators) {
  TestModel m;
  const int32_t x = m.AddFloat({2}, {}, "x");
  m.SetInputs({x});
  m.SetOutputs({x});
  Prepared p(m);
  ASSERT_NE(p.interp->input(0).data, nullptr);
  EXPECT_EQ(p.interp->input(0).data, p.interp->output(0).data);
  EXPECT_TRUE(p.interp->Invoke().ok());
}

uint64_t g_ticks = 0;
uint64_t FakeNow() { return g_ticks += 10; }

class RecordingProfiler : public strata::Profiler {
 public:
  RecordingProfiler() : strata::Profiler(strata::CycleCounter{&FakeNow, "ticks"}) {}
  void BeginOp(uint32_t op, const char* name) override { log += "B" + std::to_string(op) + name; }
  void EndOp(uint32_t op, const char* name, uint64_t elapsed) override {
    log += "E" + std::to_string(op) + name + "=" + std::to_string(elapsed) + ";";
  }
  std::string log;
};

TEST(InterpreterFeatures, ProfilerSeesEveryExecutedOp) {
  TestModel m;
  const int32_t x = m.AddFloat({2}, {}, "x");
  const int32_t t = m.AddFloat({2}, {}, "t");
  const int32_t r = m.AddFloat({1, 2}, {}, "r");
  const int32_t y = m.AddFloat({1, 2}, {}, "y");
  m.AddOp({tflite::BuiltinOperator_MUL, 1, {x}, {t}});
  m.AddOp({tflite::BuiltinOperator_RESHAPE, 1, {t}, {r}});
  m.AddOp({tflite::BuiltinOperator_ADD, 1, {r, r}, {y}});
  m.SetInputs({x});
  m.SetOutputs({y});
  Prepared p(m);
  RecordingProfiler profiler;
  p.interp->set_profiler(&profiler);
  Fill(p.interp->input(0), 1);
  ASSERT_TRUE(p.interp->Invoke().ok());
  EXPECT_EQ(profiler.log, "B0MULE0MUL=10;B2ADDE2ADD=10;");  // the aliased RESHAPE never runs
  EXPECT_EQ(static_cast<const float*>(p.interp->output(0).data)[1], 8.0f);
  p.interp->set_profiler(nullptr);
  profiler.log.clear();
  ASSERT_TRUE(p.interp->Invoke().ok());
  EXPECT_EQ(profiler.log, "");
}

TEST(InterpreterFeatures, PrepareTwiceGivesTheSamePlan) {
  TestModel m;
  const int32_t x = m.AddFloat({8}, {}, "x");
  const int32_t y = m.AddFloat({8}, {}, "y");
  m.AddOp({tflite::BuiltinOperator_MUL, 1, {x}, {y}});
  m.SetInputs({x});
  m.SetOutputs({y});
  Prepared p(m);
  const uint32_t first = p.interp->arena_usage().total_bytes;
  ASSERT_TRUE(p.interp->Prepare().ok());
  EXPECT_EQ(p.interp->arena_usage().total_bytes, first);
  Fill(p.interp->input(0), 1);
  ASSERT_TRUE(p.interp->Invoke().ok());
  EXPECT_EQ(static_cast<const float*>(p.interp->output(0).data)[7], 16.0f);
}

}  // namespace
