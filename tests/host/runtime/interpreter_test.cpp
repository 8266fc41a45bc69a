// Interpreter: prepare/invoke plumbing with the runtime's own test kernels: values, op data,
// scratch, aliasing, folding, optional inputs, profiling, error statuses.
#include "strata/interpreter.hpp"

#include <cstring>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "test_kernels.hpp"
#include "test_model.hpp"

namespace {

using strata::Interpreter;
using strata::Model;
using strata::Status;
using strata::StatusCode;
using strata_test::AlignedBytes;
using strata_test::TestModel;

// A loaded model plus an arena; the interpreter is created on demand.
struct Fixture {
  explicit Fixture(const TestModel& m) : bytes(m.Build()) {
    status = Model::Load(bytes.data(), bytes.size(), &model);
  }
  Interpreter Make(size_t arena_bytes) {
    arena.assign(arena_bytes / 8 + 1, 0);
    return Interpreter(model, strata_test::TestResolver(), reinterpret_cast<uint8_t*>(arena.data()),
                       arena_bytes);
  }
  AlignedBytes bytes;
  Model model;
  Status status;
  std::vector<uint64_t> arena;
};

void SetFloats(const strata::TensorView& t, const std::vector<float>& v) {
  ASSERT_EQ(t.bytes, v.size() * 4);
  std::memcpy(t.data, v.data(), t.bytes);
}

std::vector<float> Floats(const strata::TensorView& t) {
  const float* p = static_cast<const float*>(t.data);
  return std::vector<float>(p, p + t.elements);
}

// y = (x + c1) + c2
TestModel TwoAdds() {
  TestModel m;
  const int32_t x = m.AddFloat({4}, {}, "x");
  const int32_t c1 = m.AddFloat({4}, {1, 2, 3, 4}, "c1");
  const int32_t c2 = m.AddFloat({4}, {10, 20, 30, 40}, "c2");
  const int32_t t = m.AddFloat({4}, {}, "t");
  const int32_t y = m.AddFloat({4}, {}, "y");
  m.AddOp({tflite::BuiltinOperator_ADD, 1, {x, c1}, {t}});
  m.AddOp({tflite::BuiltinOperator_ADD, 1, {t, c2}, {y}});
  m.SetInputs({x});
  m.SetOutputs({y});
  return m;
}

TEST(Interpreter, RunsAGraph) {
  Fixture f(TwoAdds());
  ASSERT_TRUE(f.status.ok());
  Interpreter interp = f.Make(4096);
  ASSERT_TRUE(interp.Prepare().ok());
  SetFloats(interp.input(0), {0.5f, 0.5f, 0.5f, 0.5f});
  strata_test::ResetInvokeCount();
  ASSERT_TRUE(interp.Invoke().ok());
  EXPECT_EQ(Floats(interp.output(0)), (std::vector<float>{11.5f, 22.5f, 33.5f, 44.5f}));
  EXPECT_EQ(strata_test::InvokeCount(), 2);
  const strata::TensorView out = interp.output(0);
  EXPECT_EQ(out.type, strata::DataType::kFloat32);
  EXPECT_EQ(out.rank, 1);
  EXPECT_EQ(out.dims[0], 4);
  EXPECT_NE(out.float_data(), nullptr);
  EXPECT_EQ(out.int8_data(), nullptr);  // typed access refuses the wrong type
}

TEST(Interpreter, InvokeBeforePrepare) {
  Fixture f(TwoAdds());
  Interpreter interp = f.Make(4096);
  const Status s = interp.Invoke();
  EXPECT_EQ(s.code(), StatusCode::kNotReady);
  EXPECT_EQ(interp.input(0).data, nullptr);
}

TEST(Interpreter, ArenaTooSmallSaysHowManyBytesAreNeeded) {
  Fixture f(TwoAdds());
  Interpreter big = f.Make(1 << 16);
  ASSERT_TRUE(big.Prepare().ok());
  const uint32_t needed = big.arena_usage().total_bytes;
  ASSERT_GT(needed, 16u);
  ASSERT_EQ(needed % 8, 0u);

  Interpreter small = f.Make(needed - 8);
  const Status s = small.Prepare();
  EXPECT_EQ(s.code(), StatusCode::kArenaTooSmall);
  const std::string expected = "arena too small: model needs " + std::to_string(needed) +
                               " bytes, got " + std::to_string(needed - 8);
  EXPECT_EQ(s.message(), expected);
  EXPECT_EQ(small.arena_usage().total_bytes, needed);
  EXPECT_FALSE(small.prepared());

  Interpreter exact = f.Make(needed);
  ASSERT_TRUE(exact.Prepare().ok());
  SetFloats(exact.input(0), {0, 0, 0, 0});
  ASSERT_TRUE(exact.Invoke().ok());
  EXPECT_EQ(Floats(exact.output(0)), (std::vector<float>{11, 22, 33, 44}));

  Interpreter tiny = f.Make(8);
  const Status t = tiny.Prepare();
  EXPECT_EQ(t.code(), StatusCode::kArenaTooSmall);
  EXPECT_NE(std::string(t.message()).find("needs at least"), std::string::npos) << t.message();
}

TEST(Interpreter, ThousandsSeparatorInTooSmallMessage) {
  TestModel m;
  const int32_t x = m.AddFloat({4096}, {}, "x");
  const int32_t y = m.AddFloat({4096}, {}, "y");
  m.AddOp({tflite::BuiltinOperator_MUL, 1, {x}, {y}});
  m.SetInputs({x});
  m.SetOutputs({y});
  Fixture f(m);
  Interpreter interp = f.Make(16384);
  const Status s = interp.Prepare();
  ASSERT_EQ(s.code(), StatusCode::kArenaTooSmall);
  EXPECT_NE(std::string(s.message()).find("got 16,384"), std::string::npos) << s.message();
  EXPECT_NE(std::string(s.message()).find("model needs 49,"), std::string::npos) << s.message();
}

TEST(Interpreter, MisalignedOrNullArena) {
  Fixture f(TwoAdds());
  f.arena.assign(1024, 0);
  Interpreter odd(f.model, strata_test::TestResolver(),
                  reinterpret_cast<uint8_t*>(f.arena.data()) + 4, 4000);
  const Status s = odd.Prepare();
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_STREQ(s.message(), "arena must be 8-byte aligned");
  Interpreter null(f.model, strata_test::TestResolver(), nullptr, 4000);
  EXPECT_EQ(null.Prepare().code(), StatusCode::kInvalidArgument);
}

TEST(Interpreter, UnsupportedOpAndVersion) {
  TestModel m;
  const int32_t x = m.AddFloat({4}, {}, "x");
  const int32_t y = m.AddFloat({4}, {}, "y");
  m.AddOp({tflite::BuiltinOperator_ADD, 1, {x, x}, {y}});
  m.AddOp({tflite::BuiltinOperator_LSTM, 1, {y}, {x}});
  m.SetInputs({x});
  m.SetOutputs({y});
  Fixture f(m);
  Interpreter interp = f.Make(4096);
  Status s = interp.Prepare();
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_STREQ(s.message(), "operator 1: op LSTM (code 16) version 1 is not supported");

  TestModel v;
  const int32_t a = v.AddFloat({4}, {}, "a");
  const int32_t b = v.AddFloat({4}, {}, "b");
  v.AddOp({tflite::BuiltinOperator_ADD, 3, {a, a}, {b}});
  v.SetInputs({a});
  v.SetOutputs({b});
  Fixture fv(v);
  Interpreter iv = fv.Make(4096);
  s = iv.Prepare();
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_STREQ(s.message(),
               "operator 0: op ADD (code 0) version 3 is not supported (kernel has versions 1-2)");
}

TEST(Interpreter, EveryUnsupportedOpIsNamedAtOnce) {
  TestModel m;
  const int32_t x = m.AddFloat({4}, {}, "x");
  const int32_t y = m.AddFloat({4}, {}, "y");
  const int32_t z = m.AddFloat({4}, {}, "z");
  const int32_t w = m.AddFloat({4}, {}, "w");
  m.AddOp({tflite::BuiltinOperator_LSTM, 1, {x}, {y}});
  strata_test::OpSpec custom{tflite::BuiltinOperator_CUSTOM, 1, {y}, {z}};
  custom.custom_code = "MyOp";
  m.AddOp(custom);
  m.AddOp({tflite::BuiltinOperator_LSTM, 1, {z}, {w}});
  m.SetInputs({x});
  m.SetOutputs({w});
  Fixture f(m);
  Interpreter interp = f.Make(4096);
  const Status s = interp.Prepare();
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_STREQ(s.message(),
               "3 operators are not supported: LSTM (float32), custom 'MyOp' (float32); first: "
               "operator 0: op LSTM (code 16) version 1 is not supported");
}

TEST(Interpreter, CustomOp) {
  TestModel m;
  const int32_t x = m.AddFloat({4}, {}, "x");
  const int32_t y = m.AddFloat({4}, {}, "y");
  strata_test::OpSpec op{tflite::BuiltinOperator_CUSTOM, 1, {x}, {y}};
  op.custom_code = "MyOp";
  m.AddOp(op);
  m.SetInputs({x});
  m.SetOutputs({y});
  Fixture f(m);
  Interpreter interp = f.Make(4096);
  const Status s = interp.Prepare();
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_STREQ(s.message(), "operator 0: custom op 'MyOp' is not supported");
}

TEST(Interpreter, KernelCheckErrorsNameTheOperator) {
  TestModel m;
  const int32_t x = m.AddFloat({4}, {}, "x");
  const int32_t y = m.AddFloat({4}, {}, "y");
  m.AddOp({tflite::BuiltinOperator_ADD, 1, {x}, {y}});  // ADD needs two inputs
  m.SetInputs({x});
  m.SetOutputs({y});
  Fixture f(m);
  Interpreter interp = f.Make(4096);
  const Status s = interp.Prepare();
  EXPECT_EQ(s.code(), StatusCode::kMalformedModel);
  EXPECT_STREQ(s.message(), "operator 0 (ADD): expects 2 inputs");
}

TEST(Interpreter, InputThatNothingWritesIsRejected) {
  // `w` has no data and is neither a graph input nor an earlier op's output (e.g. an emptied
  // weights buffer): running would read whatever the arena held.
  TestModel m;
  const int32_t x = m.AddFloat({4}, {}, "x");
  const int32_t w = m.AddFloat({4}, {}, "w");
  const int32_t y = m.AddFloat({4}, {}, "y");
  m.AddOp({tflite::BuiltinOperator_ADD, 1, {x, w}, {y}});
  m.SetInputs({x});
  m.SetOutputs({y});
  Fixture f(m);
  Interpreter interp = f.Make(4096);
  const Status s = interp.Prepare();
  EXPECT_EQ(s.code(), StatusCode::kMalformedModel);
  EXPECT_STREQ(s.message(),
               "operator 0 (ADD): input 1 (tensor 1 w) is not a graph input, a constant or an "
               "earlier op's output");
}

}  // namespace
