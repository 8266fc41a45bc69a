// Host test of one generated model library (compiled once per registered model x kernels backend):
// the generator's constants must be what the runtime itself finds in the same .tflite. The arena
// size is exactly enough, the resolver resolves like the backend's full registry while holding
// only the variants of the ops the model runs, the metadata matches the interpreter's
// tensors, and every sample input gives its label (classifiers) or its expected values (regressors,
// sequence models) from reset state. The firmware's op names (op_names.cpp) are linked in too.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "kernel.hpp"
#include "reference/registry.hpp"
#include "strata_model.hpp"
#include "strata_models/layer_profile.hpp"
#include "strata_models/model_session.hpp"
#include "tflite_generated.h"
#if defined(STRATA_MODEL_TEST_OPTIMIZED)
#include "optimized/registry.hpp"
#endif

namespace {

namespace model = strata_models::built_in;
const strata_models::ModelInfo& kInfo = model::kInfo;
constexpr float kRegressionTolerance = 0.05f;

const strata::OpResolver& BackendResolver() {
#if defined(STRATA_MODEL_TEST_OPTIMIZED)
  return strata::kernels::optimized::registry();
#else
  return strata::kernels::reference::registry();
#endif
}

class GeneratedModel : public ::testing::Test {
 protected:
  std::vector<uint8_t> arena_ = std::vector<uint8_t>(model::kArenaBytes + 16);
  // The runtime wants a 16-byte aligned arena, as BSP_ARENA gives the firmware.
  uint8_t* Arena() {
    auto p = reinterpret_cast<uintptr_t>(arena_.data());
    return arena_.data() + ((16 - p % 16) % 16);
  }
};

TEST_F(GeneratedModel, ModelBytesAreAlignedAndLoad) {
  EXPECT_EQ(reinterpret_cast<uintptr_t>(kInfo.data) % 16, 0u);
  EXPECT_EQ(kInfo.bytes, model::kModelBytes);
  strata::Model m;
  strata::Status s = strata::Model::Load(kInfo.data, kInfo.bytes, &m);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(m.num_operators(), kInfo.num_ops);
  EXPECT_EQ(model::kNumOps, kInfo.num_ops);
}

TEST_F(GeneratedModel, ArenaIsExactlyWhatPrepareNeeds) {
  strata_models::ModelSession session(kInfo, Arena(), model::kArenaBytes);
  const strata::Status& s = session.Prepare();
  ASSERT_TRUE(s.ok()) << s.message();
  const strata::ArenaUsage& u = session.interpreter().arena_usage();
  EXPECT_EQ(u.total_bytes, model::kArenaBytes);
  EXPECT_EQ(u.total_bytes, kInfo.arena.total_bytes);
  EXPECT_EQ(u.lower_bound, kInfo.arena.lower_bound);
  EXPECT_EQ(u.persistent_bytes, kInfo.arena.persistent_bytes);
  EXPECT_EQ(u.activation_bytes, kInfo.arena.activation_bytes);
  EXPECT_LE(kInfo.arena.lower_bound, kInfo.arena.total_bytes);

  strata_models::ModelSession small(kInfo, Arena(), model::kArenaBytes - strata::kArenaAlignment);
  EXPECT_EQ(small.Prepare().code(), strata::StatusCode::kArenaTooSmall)
      << small.Prepare().message();
}

// The kernel at `depth` along a resolver chain for op i of m.
const strata::Kernel* KernelAt(const strata::OpResolver& r, uint32_t depth, const strata::Model& m,
                               uint32_t i) {
  const strata::OpResolver* level = &r;
  for (uint32_t d = 0; d < depth && level != nullptr; ++d) level = level->fallback();
  return level != nullptr ? level->FindOwn(m.op_code(i), m.op_version(i)) : nullptr;
}

TEST_F(GeneratedModel, ResolverHoldsOnlyWhatTheModelRunsAndResolvesLikeTheBackend) {
  strata_models::ModelSession mine(kInfo, Arena(), model::kArenaBytes);
  ASSERT_TRUE(mine.Prepare().ok()) << mine.Prepare().message();
  const strata::Model& m = mine.interpreter().model();
  // The backend's interpreter plans itself, which takes more temporary memory than checking the
  // build-time plan: give it room.
  const uint32_t room = 2 * model::kArenaBytes + 4096;
  std::vector<uint8_t> arena(room + 16);
  auto* aligned = arena.data() + ((16 - reinterpret_cast<uintptr_t>(arena.data()) % 16) % 16);
  strata::Interpreter theirs(m, BackendResolver(), aligned, room);
  ASSERT_TRUE(theirs.Prepare().ok());
  std::set<std::vector<int32_t>> used;  // (code, depth, variant) the model runs
  for (uint32_t i = 0; i < m.num_operators(); ++i) {
    const strata::Interpreter& a = mine.interpreter();
    SCOPED_TRACE(std::string("op ") + std::to_string(i) + " " + strata::OpName(m.op_code(i)));
    EXPECT_EQ(a.op_variant(i), theirs.op_variant(i));
    const strata::Kernel* k = KernelAt(*kInfo.resolver, a.op_resolver_depth(i), m, i);
    const strata::Kernel* backend = KernelAt(BackendResolver(), theirs.op_resolver_depth(i), m, i);
    ASSERT_NE(k, nullptr);
    ASSERT_NE(backend, nullptr);
    EXPECT_EQ(k->prepare, backend->prepare);  // the same backend's kernel
    EXPECT_EQ(k->invoke_for(a.op_variant(i)), backend->invoke_for(theirs.op_variant(i)));
    used.insert({m.op_code(i), static_cast<int32_t>(a.op_resolver_depth(i)),
                 static_cast<int32_t>(a.op_variant(i))});
  }
  // Nothing else is linked in: one variant entry per (op, kernel, variant) the model runs.
  size_t variants = 0;
  for (const strata::OpResolver* r = kInfo.resolver; r != nullptr; r = r->fallback()) {
    for (uint32_t e = 0; e < r->count(); ++e) variants += r->entries()[e].kernel->num_variants;
  }
  EXPECT_EQ(variants, used.size());
}

// The build-time plan links the runtime's float16 weight views only when an operator runs a float16
// variant (the only case where they change the plan), so an int8 firmware does not carry them.
TEST_F(GeneratedModel, PlanCarriesFloat16ViewsOnlyWhenAnOpTakesFloat16Weights) {
  strata_models::ModelSession session(kInfo, Arena(), model::kArenaBytes);
  ASSERT_TRUE(session.Prepare().ok());
  bool float16 = false;
  for (uint32_t i = 0; i < kInfo.num_ops; ++i) {
    float16 = float16 || session.interpreter().op_variant(i) == strata::Variant::kFloat16;
  }
  EXPECT_EQ(kInfo.plan->float16_weights, float16 ? &strata::kFloat16WeightViews : nullptr);
}

// The firmware's op names (op_names.cpp, linked into this test like into the firmware): the
// schema's name for every op of the model, "UNKNOWN" for an op it does not hold.
TEST_F(GeneratedModel, FirmwareOpNamesNameEveryOpOfTheModel) {
  strata::Model m;
  ASSERT_TRUE(strata::Model::Load(kInfo.data, kInfo.bytes, &m).ok());
  std::set<int32_t> codes;
  for (uint32_t i = 0; i < m.num_operators(); ++i) {
    const int32_t code = m.op_code(i);
    codes.insert(code);
    EXPECT_STREQ(strata::OpName(code),
                 tflite::EnumNameBuiltinOperator(static_cast<tflite::BuiltinOperator>(code)));
  }
  int32_t absent = 0;
  while (codes.count(absent) != 0) ++absent;
  EXPECT_STREQ(strata::OpName(absent), "UNKNOWN");
}

void ExpectTensorInfo(const strata_models::TensorInfo& info, const strata::TensorView& t) {
  EXPECT_STREQ(info.name, t.name);
  EXPECT_EQ(info.type, t.type);
  ASSERT_EQ(static_cast<int32_t>(info.rank), t.rank);
  for (int32_t d = 0; d < t.rank; ++d) EXPECT_EQ(info.dims[d], t.dims[d]) << "dim " << d;
  EXPECT_EQ(info.bytes, t.bytes);
  EXPECT_FLOAT_EQ(info.scale, t.num_quant > 0 ? t.scale : 0.0f);
  EXPECT_EQ(info.zero_point, t.num_quant > 0 ? t.zero_point : 0);
}

TEST_F(GeneratedModel, MetadataMatchesTheInterpreter) {
  strata_models::ModelSession session(kInfo, Arena(), model::kArenaBytes);
  ASSERT_TRUE(session.Prepare().ok());
  const strata::Interpreter& interp = session.interpreter();
  ASSERT_EQ(kInfo.num_inputs, interp.num_inputs());
  ASSERT_EQ(kInfo.num_outputs, interp.num_outputs());
  for (uint32_t i = 0; i < kInfo.num_inputs; ++i)
    ExpectTensorInfo(kInfo.inputs[i], interp.input(i));
  for (uint32_t i = 0; i < kInfo.num_outputs; ++i) {
    ExpectTensorInfo(kInfo.outputs[i], interp.output(i));
  }
  uint64_t total = 0;
  for (uint32_t i = 0; i < kInfo.num_ops; ++i) total += kInfo.op_macs[i];
  EXPECT_EQ(total, kInfo.total_macs);
}

TEST_F(GeneratedModel, EverySampleGivesItsExpectedResult) {
  strata_models::ModelSession session(kInfo, Arena(), model::kArenaBytes);
  ASSERT_TRUE(session.Prepare().ok()) << session.Prepare().message();
  for (uint32_t k = 0; k < kInfo.num_samples; ++k) {
    const strata_models::SampleInfo& sample = kInfo.samples[k];
    ASSERT_TRUE(session.LoadSample(k)) << sample.name;
    session.interpreter().ResetVariables();  // a stateful model's expected outputs start from zero
    ASSERT_TRUE(session.Invoke(nullptr).ok()) << sample.name;
    if (sample.label >= 0) {
      EXPECT_EQ(session.TopClass(0, nullptr), sample.label) << sample.name;
    }
    for (uint32_t i = 0; i < sample.num_expected; ++i) {
      EXPECT_NEAR(session.OutputValue(0, i), sample.expected[i], kRegressionTolerance)
          << sample.name << " output " << i;
    }
  }
  EXPECT_FALSE(session.LoadSample(kInfo.num_samples));
}

uint64_t g_fake_time = 0;
uint64_t FakeNow() { return g_fake_time += 5; }

TEST_F(GeneratedModel, LayerProfileCountsEveryExecutedOp) {
  strata_models::ModelSession session(kInfo, Arena(), model::kArenaBytes);
  ASSERT_TRUE(session.Prepare().ok());
  std::vector<strata_models::LayerRecord> records(kInfo.num_ops);
  strata_models::LayerProfile profile({FakeNow, "ticks"}, records.data(), kInfo.num_ops);
  profile.Reset();
  ASSERT_TRUE(session.Invoke(&profile).ok());
  uint32_t ran = 0;
  for (uint32_t i = 0; i < kInfo.num_ops; ++i) {
    if (!profile.record(i).ran) continue;
    ++ran;
    EXPECT_EQ(profile.record(i).count, 5u) << "op " << i;  // one tick between begin and end
  }
  EXPECT_GT(ran, 0u);
  EXPECT_EQ(profile.total(), 5u * ran);
  EXPECT_EQ(profile.dropped(), 0u);
}

}  // namespace
