// Arena figures must not depend on the pointer size: the static_asserts in arena_layout_check.cpp
// hold on the host (this binary) and on 32-bit Cortex-M (ctest runtime.arena_layout_32bit). This
// test also checks behaviourally that the arena size is a pure function of the model: the same
// figure for arenas placed at different addresses and of different sizes.
#include <cstring>
#include <vector>

#include "gtest/gtest.h"
#include "strata/interpreter.hpp"
#include "test_kernels.hpp"
#include "test_model.hpp"

int StrataArenaLayoutChecked();

namespace {

TEST(ArenaLayout, StaticLayoutChecksAreCompiledIn) { EXPECT_EQ(StrataArenaLayoutChecked(), 1); }

TEST(ArenaLayout, FigureIndependentOfArenaAddressAndSize) {
  strata_test::TestModel m;
  const int32_t x = m.AddFloat({100}, {}, "x");
  const int32_t c = m.AddFloat({100}, std::vector<float>(100, 2.0f), "c");
  const int32_t t = m.AddFloat({100}, {}, "t");
  const int32_t y = m.AddFloat({100}, {}, "y");
  m.AddOp({tflite::BuiltinOperator_ADD, 1, {x, c}, {t}});
  m.AddOp({tflite::BuiltinOperator_MUL, 1, {t}, {y}});
  m.SetInputs({x});
  m.SetOutputs({y});
  strata_test::AlignedBytes bytes(m.Build());
  strata::Model model;
  ASSERT_TRUE(strata::Model::Load(bytes.data(), bytes.size(), &model).ok());
  std::vector<uint64_t> storage(8192);
  uint32_t figure = 0;
  for (size_t offset_words : {0, 1, 3, 17}) {
    for (size_t size : {size_t{4000}, size_t{20000}, size_t{60000}}) {
      strata::Interpreter interp(model, strata_test::TestResolver(),
                                 reinterpret_cast<uint8_t*>(storage.data() + offset_words), size);
      const strata::Status s = interp.Prepare();
      ASSERT_TRUE(s.ok()) << s.message();
      if (figure == 0) figure = interp.arena_usage().total_bytes;
      EXPECT_EQ(interp.arena_usage().total_bytes, figure);
    }
  }
}

}  // namespace
