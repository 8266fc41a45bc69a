// The optimized registry: the ops it optimizes resolve to its own kernels, every other op of the
// reference backend resolves (through its fallback table) to exactly the reference kernel, and no
// reference op is missing.
#include "optimized/registry.hpp"

#include <gtest/gtest.h>

#include "reference/registry.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace {

TEST(OptimizedRegistry, OptimizedOpsUseTheirOwnKernels) {
  const Registry& r = optimized::registry();
  EXPECT_EQ(r.Find(tflite::BuiltinOperator_CONV_2D, 3), &optimized::kConv2D);
  EXPECT_EQ(r.Find(tflite::BuiltinOperator_DEPTHWISE_CONV_2D, 3), &optimized::kDepthwiseConv2D);
  EXPECT_EQ(r.Find(tflite::BuiltinOperator_FULLY_CONNECTED, 4), &optimized::kFullyConnected);
  EXPECT_EQ(r.Find(tflite::BuiltinOperator_MAX_POOL_2D, 2), &optimized::kMaxPool2D);
  EXPECT_EQ(r.Find(tflite::BuiltinOperator_AVERAGE_POOL_2D, 2), &optimized::kAveragePool2D);
  EXPECT_EQ(r.Find(tflite::BuiltinOperator_ADD, 2), &optimized::kAdd);
}

TEST(OptimizedRegistry, EveryReferenceOpResolvesWithTheSameVersions) {
  const Registry& ref = reference::registry();
  const Registry& opt = optimized::registry();
  for (uint32_t i = 0; i < ref.count(); ++i) {
    const OpRegistration& e = ref.entries()[i];
    for (int32_t v = e.min_version; v <= e.max_version; ++v) {
      const Kernel* k = opt.Find(e.builtin_code, v);
      ASSERT_NE(k, nullptr) << OpName(e.builtin_code) << " version " << v;
      // An op without an optimized entry must get exactly the reference kernel.
      bool optimized_entry = false;
      for (uint32_t j = 0; j < opt.count(); ++j) {
        optimized_entry |= opt.entries()[j].builtin_code == e.builtin_code;
      }
      if (!optimized_entry) {
        EXPECT_EQ(k, e.kernel) << OpName(e.builtin_code);
      }
    }
    EXPECT_EQ(opt.Find(e.builtin_code, e.max_version + 1), nullptr) << OpName(e.builtin_code);
  }
}

TEST(OptimizedRegistry, UnknownOpsStayUnresolved) {
  EXPECT_EQ(optimized::registry().Find(tflite::BuiltinOperator_LSTM, 1), nullptr);
}

}  // namespace
}  // namespace kernels
}  // namespace strata
