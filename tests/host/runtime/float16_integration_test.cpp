// Float16 weights with the real reference kernels: DEQUANTIZE of a float16 constant is computed
// once at prepare into the persistent part of the arena, never invoked, and the float32 model that
// consumes it gives exact results.
#include <cstring>
#include <vector>

#include "gtest/gtest.h"
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

TEST(Float16Integration, DequantizeIsFoldedAtPrepare) {
  TestModel m;
  const int32_t x = m.AddFloat({1, 4}, {}, "x");
  // W = [[0.5, -1.25, 2, 1], [0.25, -0.5, 3, 0], [1, 1, 1, 2^-24 (subnormal)]]
  strata_test::TensorSpec w16({3, 4}, tflite::TensorType_FLOAT16, "w16");
  w16.data = Half({0x3800, 0xBD00, 0x4000, 0x3C00, 0x3400, 0xB800, 0x4200, 0x0000, 0x3C00, 0x3C00,
                   0x3C00, 0x0001});
  const int32_t wq = m.AddTensor(w16);
  const int32_t w = m.AddFloat({3, 4}, {}, "w");
  const int32_t b = m.AddFloat({3}, {10, 20, 30}, "b");
  const int32_t y = m.AddFloat({1, 3}, {}, "y");
  m.AddOp({tflite::BuiltinOperator_DEQUANTIZE, 2, {wq}, {w}});
  m.AddOp({tflite::BuiltinOperator_FULLY_CONNECTED, 1, {x, w, b}, {y}});
  m.SetInputs({x});
  m.SetOutputs({y});
  strata_test::AlignedBytes bytes(m.Build());
  strata::Model model;
  ASSERT_TRUE(strata::Model::Load(bytes.data(), bytes.size(), &model).ok());
  std::vector<uint64_t> arena(1024);
  strata::Interpreter interp(model, strata::kernels::reference::registry(),
                             reinterpret_cast<uint8_t*>(arena.data()), arena.size() * 8);
  const strata::Status s = interp.Prepare();
  ASSERT_TRUE(s.ok()) << s.message();

  EXPECT_FALSE(interp.op_is_invoked(0));
  EXPECT_TRUE(interp.op_is_invoked(1));
  const strata::TensorView folded = interp.tensor(w);
  EXPECT_TRUE(folded.is_constant);
  const int64_t at = interp.tensor_arena_offset(w);
  ASSERT_GE(at, 0);
  EXPECT_LT(at + 48, interp.arena_usage().persistent_bytes + 1);
  EXPECT_EQ(static_cast<const float*>(folded.data)[1], -1.25f);
  EXPECT_EQ(static_cast<const float*>(folded.data)[11], 5.9604644775390625e-8f);

  const float in[4] = {1, 2, 3, 4};
  std::memcpy(interp.input(0).data, in, sizeof(in));
  ASSERT_TRUE(interp.Invoke().ok());
  const float* out = static_cast<const float*>(interp.output(0).data);
  EXPECT_FLOAT_EQ(out[0], 0.5f - 2.5f + 6.0f + 4.0f + 10.0f);
  EXPECT_FLOAT_EQ(out[1], 0.25f - 1.0f + 9.0f + 20.0f);
  EXPECT_FLOAT_EQ(out[2], 1.0f + 2.0f + 3.0f + 4 * 5.9604644775390625e-8f + 30.0f);
}

}  // namespace
