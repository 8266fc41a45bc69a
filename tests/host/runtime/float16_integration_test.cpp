// Float16 weights with the real kernels: a DEQUANTIZE of a float16 constant whose readers all take
// float16 weights (FULLY_CONNECTED here) is elided, the reader binding the constant itself; one
// with any other reader is computed once at prepare into the persistent part of the arena and
// never invoked. Either way the model gives exact results.
#include <cstring>
#include <memory>
#include <vector>

#include "gtest/gtest.h"
#if STRATA_TEST_OPTIMIZED
#include "optimized/registry.hpp"
#endif
#include "reference/registry.hpp"
#include "strata/interpreter.hpp"
#include "test_model.hpp"

namespace {

using strata_test::TestModel;

std::vector<uint8_t> Half(const std::vector<uint16_t>& bits) {
  std::vector<uint8_t> bytes(bits.size() * 2);
  std::memcpy(bytes.data(), bits.data(), bytes.size());
  return bytes;
}

// x [1,4] -> FULLY_CONNECTED(x, DEQUANTIZE(w16), b) -> y [1,3]; with `also_add`, the dequantized
// weights also feed an ADD (which has no float16-weights variant) whose output is graph output 1.
struct FcModel {
  TestModel m;
  int32_t x, w, b, y, z = -1;
  explicit FcModel(bool also_add, bool half_bias = false) {
    x = m.AddFloat({1, 4}, {}, "x");
    // W = [[0.5, -1.25, 2, 1], [0.25, -0.5, 3, 0], [1, 1, 1, 2^-24 (subnormal)]]
    strata_test::TensorSpec w16({3, 4}, tflite::TensorType_FLOAT16, "w16");
    w16.data = Half({0x3800, 0xBD00, 0x4000, 0x3C00, 0x3400, 0xB800, 0x4200, 0x0000, 0x3C00, 0x3C00,
                     0x3C00, 0x0001});
    const int32_t wq = m.AddTensor(w16);
    w = m.AddFloat({3, 4}, {}, "w");
    m.AddOp({tflite::BuiltinOperator_DEQUANTIZE, 2, {wq}, {w}});
    if (half_bias) {
      strata_test::TensorSpec b16({3}, tflite::TensorType_FLOAT16, "b16");
      b16.data = Half({0x4900, 0x4D00, 0x4F80});  // 10, 20, 30
      const int32_t bq = m.AddTensor(b16);
      b = m.AddFloat({3}, {}, "b");
      m.AddOp({tflite::BuiltinOperator_DEQUANTIZE, 2, {bq}, {b}});
    } else {
      b = m.AddFloat({3}, {10, 20, 30}, "b");
    }
    y = m.AddFloat({1, 3}, {}, "y");
    m.AddOp({tflite::BuiltinOperator_FULLY_CONNECTED, 1, {x, w, b}, {y}});
    if (also_add) {
      z = m.AddFloat({3, 4}, {}, "z");
      m.AddOp({tflite::BuiltinOperator_ADD, 1, {w, w}, {z}});
      m.SetOutputs({y, z});
    } else {
      m.SetOutputs({y});
    }
    m.SetInputs({x});
  }
};

void ExpectFcOutputs(strata::Interpreter* interp) {
  const float in[4] = {1, 2, 3, 4};
  std::memcpy(interp->input(0).data, in, sizeof(in));
  ASSERT_TRUE(interp->Invoke().ok());
  const float* out = static_cast<const float*>(interp->output(0).data);
  EXPECT_FLOAT_EQ(out[0], 0.5f - 2.5f + 6.0f + 4.0f + 10.0f);
  EXPECT_FLOAT_EQ(out[1], 0.25f - 1.0f + 9.0f + 20.0f);
  EXPECT_FLOAT_EQ(out[2], 1.0f + 2.0f + 3.0f + 4 * 5.9604644775390625e-8f + 30.0f);
}

TEST(Float16Integration, DequantizeIsElidedWhenItsReaderTakesFloat16) {
#if STRATA_TEST_OPTIMIZED
  for (const bool optimized : {false, true}) {
#else
  for (const bool optimized : {false}) {
#endif
    for (const bool half_bias : {false, true}) {
      FcModel fm(false, half_bias);
      strata_test::AlignedBytes bytes(fm.m.Build());
      strata::Model model;
      ASSERT_TRUE(strata::Model::Load(bytes.data(), bytes.size(), &model).ok());
      std::vector<uint64_t> arena(1024);
#if STRATA_TEST_OPTIMIZED
      const strata::OpResolver& kernels = optimized ? strata::kernels::optimized::registry()
                                                    : strata::kernels::reference::registry();
#else
      const strata::OpResolver& kernels = strata::kernels::reference::registry();
#endif
      strata::Interpreter interp(model, kernels, reinterpret_cast<uint8_t*>(arena.data()),
                                 arena.size() * 8);
      const strata::Status s = interp.Prepare();
      ASSERT_TRUE(s.ok()) << s.message();
      const uint32_t fc = half_bias ? 2 : 1;
      EXPECT_FALSE(interp.op_is_invoked(0));
      EXPECT_TRUE(interp.op_is_invoked(fc));
      EXPECT_EQ(interp.op_variant(fc), strata::Variant::kFloat16);
      EXPECT_EQ(interp.op_resolver_depth(fc), 0u);  // each backend's own float16 kernel
      // No float32 copy of the weights (or the bias) anywhere in the arena.
      EXPECT_EQ(interp.tensor_arena_offset(fm.w), -1);
      if (half_bias) EXPECT_EQ(interp.tensor_arena_offset(fm.b), -1);
      ExpectFcOutputs(&interp);
    }
  }
}

// Eliding saves at least the folded float32 weights (48 bytes) and the DEQUANTIZE record's two
// slots (16 bytes) of persistent arena against the same model with an ADD forcing the folding.
TEST(Float16Integration, ElisionSavesTheFoldedCopy) {
  FcModel elided(false);
  FcModel folded(true);
  strata_test::AlignedBytes a(elided.m.Build());
  strata_test::AlignedBytes b(folded.m.Build());
  strata::Model ma;
  strata::Model mb;
  ASSERT_TRUE(strata::Model::Load(a.data(), a.size(), &ma).ok());
  ASSERT_TRUE(strata::Model::Load(b.data(), b.size(), &mb).ok());
  std::vector<uint64_t> arena_a(1024);
  std::vector<uint64_t> arena_b(1024);
  strata::Interpreter ia(ma, strata::kernels::reference::registry(),
                         reinterpret_cast<uint8_t*>(arena_a.data()), arena_a.size() * 8);
  strata::Interpreter ib(mb, strata::kernels::reference::registry(),
                         reinterpret_cast<uint8_t*>(arena_b.data()), arena_b.size() * 8);
  ASSERT_TRUE(ia.Prepare().ok());
  ASSERT_TRUE(ib.Prepare().ok());
  EXPECT_GE(ib.arena_usage().persistent_bytes, ia.arena_usage().persistent_bytes + 48u + 16u);
}

// A build-time plan says whether it was made with the float16 views (a firmware links them only
// then): the exported plan of Prepare() carries them and Prepare(plan) elides like Prepare(); the
// same plan without them folds the DEQUANTIZE (a float32 copy in the persistent arena), still
// exact.
TEST(Float16Integration, BuildTimePlanCarriesTheFloat16Views) {
  FcModel fm(false);
  strata_test::AlignedBytes bytes(fm.m.Build());
  strata::Model model;
  ASSERT_TRUE(strata::Model::Load(bytes.data(), bytes.size(), &model).ok());
  std::vector<uint64_t> arena(1024);
  auto make = [&] {
    return std::make_unique<strata::Interpreter>(model, strata::kernels::reference::registry(),
                                                 reinterpret_cast<uint8_t*>(arena.data()),
                                                 arena.size() * 8);
  };
  auto searched = make();
  ASSERT_TRUE(searched->Prepare().ok());
  const strata::ArenaUsage searched_usage = searched->arena_usage();
  std::vector<uint32_t> tensors(model.num_tensors());
  std::vector<uint32_t> scratch(model.num_operators());
  strata::BuildTimePlan plan = searched->ExportPlan(tensors.data(), scratch.data());
  EXPECT_EQ(plan.float16_weights, &strata::kFloat16WeightViews);

  auto with_views = make();
  ASSERT_TRUE(with_views->Prepare(plan).ok());
  EXPECT_FALSE(with_views->op_is_invoked(0));
  EXPECT_EQ(with_views->tensor_arena_offset(fm.w), -1);
  EXPECT_EQ(with_views->arena_usage().persistent_bytes, searched_usage.persistent_bytes);
  ExpectFcOutputs(with_views.get());

  plan.float16_weights = nullptr;
  auto folding = make();
  const strata::Status s = folding->Prepare(plan);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_FALSE(folding->op_is_invoked(0));  // folded at prepare, not run
  EXPECT_GE(folding->tensor_arena_offset(fm.w), 0);
  EXPECT_GE(folding->arena_usage().persistent_bytes, searched_usage.persistent_bytes + 48u);
  ExpectFcOutputs(folding.get());
}

TEST(Float16Integration, DequantizeIsFoldedWhenAnotherReaderNeedsFloat32) {
  FcModel fm(true);
  strata_test::AlignedBytes bytes(fm.m.Build());
  strata::Model model;
  ASSERT_TRUE(strata::Model::Load(bytes.data(), bytes.size(), &model).ok());
  std::vector<uint64_t> arena(1024);
  strata::Interpreter interp(model, strata::kernels::reference::registry(),
                             reinterpret_cast<uint8_t*>(arena.data()), arena.size() * 8);
  const strata::Status s = interp.Prepare();
  ASSERT_TRUE(s.ok()) << s.message();

  EXPECT_FALSE(interp.op_is_invoked(0));
  EXPECT_TRUE(interp.op_is_invoked(1));
  EXPECT_EQ(interp.op_variant(1), strata::Variant::kFloat32);
  const strata::TensorView folded = interp.tensor(fm.w);
  EXPECT_TRUE(folded.is_constant);
  const int64_t at = interp.tensor_arena_offset(fm.w);
  ASSERT_GE(at, 0);
  EXPECT_LT(at + 48, interp.arena_usage().persistent_bytes + 1);
  EXPECT_EQ(static_cast<const float*>(folded.data)[1], -1.25f);
  EXPECT_EQ(static_cast<const float*>(folded.data)[11], 5.9604644775390625e-8f);
  ExpectFcOutputs(&interp);
  const float* z = static_cast<const float*>(interp.output(1).data);
  EXPECT_EQ(z[1], -2.5f);
}

}  // namespace
