// The build-time plan: a plan exported from one Prepare (as strata-run --plan does for the model
// generator) prepares the same model in a second interpreter with identical results, and a plan
// that is unsafe or for another model is refused before anything runs.
#include <cstring>
#include <memory>
#include <vector>

#include "gtest/gtest.h"
#include "strata/interpreter.hpp"
#include "test_kernels.hpp"
#include "test_model.hpp"

namespace {

using strata::BuildTimePlan;
using strata::Interpreter;
using strata::Model;
using strata::StatusCode;
using strata_test::AlignedBytes;
using strata_test::TestModel;

// x -> ADD(x, x) -> a -> MUL (scratch) -> b -> ADD(b, a) -> y: a lives across MUL.
TestModel Chain() {
  TestModel m;
  const int32_t x = m.AddFloat({16}, {}, "x");
  const int32_t a = m.AddFloat({16}, {}, "a");
  const int32_t b = m.AddFloat({16}, {}, "b");
  const int32_t y = m.AddFloat({16}, {}, "y");
  m.AddOp({tflite::BuiltinOperator_ADD, 1, {x, x}, {a}});
  m.AddOp({tflite::BuiltinOperator_MUL, 1, {a}, {b}});
  m.AddOp({tflite::BuiltinOperator_ADD, 1, {b, a}, {y}});
  m.SetInputs({x});
  m.SetOutputs({y});
  return m;
}

// Everything a BuildTimePlan points to.
struct ExportedPlan {
  std::vector<uint32_t> tensors;
  std::vector<uint32_t> scratch;
  BuildTimePlan plan{};

  explicit ExportedPlan(const Interpreter& interp)
      : tensors(interp.model().num_tensors()), scratch(interp.model().num_operators()) {
    plan = interp.ExportPlan(tensors.data(), scratch.data());
  }
  void Point(const strata::ArenaUsage& u) {
    plan = BuildTimePlan{u.activation_bytes,   u.activation_lower_bound,
                         u.tensor_lower_bound, static_cast<uint32_t>(tensors.size()),
                         tensors.data(),       static_cast<uint32_t>(scratch.size()),
                         scratch.data(),       plan.float16_weights};
  }
};

struct Fixture {
  AlignedBytes bytes;
  Model model;
  std::vector<uint64_t> arena = std::vector<uint64_t>(1 << 12);
  explicit Fixture(const TestModel& m) : bytes(m.Build()) {
    EXPECT_TRUE(Model::Load(bytes.data(), bytes.size(), &model).ok());
  }
  std::unique_ptr<Interpreter> Make() {
    return std::make_unique<Interpreter>(model, strata_test::TestResolver(),
                                         reinterpret_cast<uint8_t*>(arena.data()),
                                         arena.size() * 8);
  }
};

std::vector<float> RunChain(Interpreter* interp) {
  float* x = static_cast<float*>(interp->input(0).data);
  for (int i = 0; i < 16; ++i) x[i] = static_cast<float>(i) - 3.0f;
  EXPECT_TRUE(interp->Invoke().ok());
  const float* y = static_cast<const float*>(interp->output(0).data);
  return std::vector<float>(y, y + 16);
}

TEST(BuildTimePlan, PreparesLikeThePlanner) {
  Fixture f(Chain());
  auto searched = f.Make();
  ASSERT_TRUE(searched->Prepare().ok());
  const std::vector<float> want = RunChain(searched.get());
  const strata::ArenaUsage searched_usage = searched->arena_usage();
  ExportedPlan exported(*searched);
  auto checked = f.Make();
  const strata::Status s = checked->Prepare(exported.plan);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(RunChain(checked.get()), want);
  const strata::ArenaUsage& u = checked->arena_usage();
  EXPECT_EQ(u.activation_bytes, searched_usage.activation_bytes);
  EXPECT_EQ(u.persistent_bytes, searched_usage.persistent_bytes);
  // Checking a plan needs no search memory: the firmware figure, which the planner also reports.
  EXPECT_EQ(u.total_bytes, searched_usage.total_bytes_with_plan);
  EXPECT_LE(u.total_bytes, searched_usage.total_bytes);
}

TEST(BuildTimePlan, RefusesOverlapsAndForeignPlans) {
  Fixture f(Chain());
  auto searched = f.Make();
  ASSERT_TRUE(searched->Prepare().ok());
  ExportedPlan good(*searched);
  // a (tensor 1) and b (tensor 2) are live together at MUL: the same offset must be refused.
  ExportedPlan overlap = good;
  overlap.tensors[2] = overlap.tensors[1];
  overlap.Point(searched->arena_usage());
  auto a = f.Make();
  strata::Status s = a->Prepare(overlap.plan);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(std::strstr(s.message(), "overlap"), nullptr) << s.message();
  EXPECT_FALSE(a->prepared());
  // A buffer past the activations.
  ExportedPlan outside = good;
  outside.tensors[3] = good.plan.activation_bytes;
  outside.Point(searched->arena_usage());
  EXPECT_EQ(f.Make()->Prepare(outside.plan).code(), StatusCode::kInvalidArgument);
  // A plan for a model with another number of tensors.
  ExportedPlan foreign = good;
  foreign.tensors.push_back(0);
  foreign.Point(searched->arena_usage());
  s = f.Make()->Prepare(foreign.plan);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(std::strstr(s.message(), "build-time plan is for"), nullptr) << s.message();
  // No place for a tensor that needs one.
  ExportedPlan missing = good;
  missing.tensors[1] = 0xFFFFFFFFu;
  missing.Point(searched->arena_usage());
  EXPECT_EQ(f.Make()->Prepare(missing.plan).code(), StatusCode::kInvalidArgument);
}

}  // namespace
