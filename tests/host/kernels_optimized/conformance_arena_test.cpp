// The arena of the conformance models (tests/conformance/suite) with the optimized kernels, as a
// firmware plans it (arena_usage().total_bytes_with_plan, the figure the build reserves): at most
// what TensorFlow Lite Micro + CMSIS-NN needs for the same model on the Cortex-M7 board (issue 18),
// and the reference kernels' arena at most TFLM's reference figure (issue 3). Also: the plan the
// optimized kernels get (scratch over a dead input) survives the build-time plan check, computes
// the same outputs as the reference backend, and a plan that moves a scratch below its input is
// refused.
#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "optimized/registry.hpp"
#include "reference/registry.hpp"
#include "strata/interpreter.hpp"
#include "strata/model.hpp"

namespace {

using strata::Interpreter;
using strata::Model;

struct ArenaCase {
  const char* file;           // in tests/conformance/suite/models
  uint32_t tflm_cmsis_bytes;  // TFLM + CMSIS-NN on the Cortex-M7 board (issue 18)
  uint32_t tflm_bytes;        // TFLM reference kernels, 32-bit pointers (issue 3)
};

const ArenaCase kCases[] = {
    {"tflm_hello_world_int8.tflite", 772, 676},
    {"mlperf_ad01_int8.tflite", 2580, 2260},
    {"tflm_micro_speech_quantized.tflite", 6836, 6788},
    {"mlperf_kws01_int8.tflite", 22820, 22772},
    {"mlperf_ic01_int8.tflite", 54996, 54340},
    {"tflm_person_detect_int8.tflite", 82308, 82292},
};

std::vector<uint64_t> ReadModel(const char* file) {
  const std::string path = std::string(STRATA_CONFORMANCE_SUITE) + "/models/" + file;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  const std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                std::istreambuf_iterator<char>());
  std::vector<uint64_t> aligned((bytes.size() + 7) / 8);
  if (!bytes.empty()) std::memcpy(aligned.data(), bytes.data(), bytes.size());
  return aligned;
}

// One prepared interpreter on its own arena.
struct Prepared {
  std::vector<uint64_t> bytes;
  Model model;
  std::vector<uint64_t> arena = std::vector<uint64_t>(64 * 1024);  // 512 KB
  std::unique_ptr<Interpreter> interp;

  Prepared(const char* file, const strata::OpResolver& resolver) : bytes(ReadModel(file)) {
    EXPECT_TRUE(Model::Load(bytes.data(), bytes.size() * 8, &model).ok());
    interp.reset(new Interpreter(model, resolver, reinterpret_cast<uint8_t*>(arena.data()),
                                 arena.size() * 8));
  }
};

// Deterministic input bytes, then one Invoke; returns output 0's bytes.
std::vector<uint8_t> InvokeOnPattern(Interpreter& interp) {
  const strata::TensorView in = interp.input(0);
  auto* data = static_cast<uint8_t*>(in.data);
  uint32_t s = 12345;
  for (uint32_t i = 0; i < in.bytes; ++i) {
    s = s * 1664525u + 1013904223u;
    data[i] = static_cast<uint8_t>(s >> 24);
  }
  EXPECT_TRUE(interp.Invoke().ok());
  const strata::TensorView out = interp.output(0);
  const auto* o = static_cast<const uint8_t*>(out.data);
  return std::vector<uint8_t>(o, o + out.bytes);
}

TEST(ConformanceArena, OptimizedAtMostTflmWithCmsisNn) {
  for (const ArenaCase& c : kCases) {
    Prepared p(c.file, strata::kernels::optimized::registry());
    ASSERT_TRUE(p.interp->Prepare().ok()) << c.file;
    EXPECT_LE(p.interp->arena_usage().total_bytes_with_plan, c.tflm_cmsis_bytes) << c.file;
  }
}

TEST(ConformanceArena, ReferenceAtMostTflm) {
  for (const ArenaCase& c : kCases) {
    Prepared p(c.file, strata::kernels::reference::registry());
    ASSERT_TRUE(p.interp->Prepare().ok()) << c.file;
    EXPECT_LE(p.interp->arena_usage().total_bytes_with_plan, c.tflm_bytes) << c.file;
  }
}

// ad01 is ten FULLY_CONNECTED layers; the first (640 -> 128) widens its input into a 1,296-byte
// scratch, which the planner lays over the dead input (OpRequirements::scratch_overlay).
TEST(ConformanceArena, ScratchOverInputSurvivesBuildTimePlanAndMatchesReference) {
  const char* file = "mlperf_ad01_int8.tflite";
  Prepared planned(file, strata::kernels::optimized::registry());
  ASSERT_TRUE(planned.interp->Prepare().ok());
  const uint32_t ops = planned.model.num_operators();
  std::vector<uint32_t> tensors(planned.model.num_tensors());
  std::vector<uint32_t> scratch(ops);
  strata::BuildTimePlan plan = planned.interp->ExportPlan(tensors.data(), scratch.data());
  const int32_t input = planned.model.op_input(0, 0);
  EXPECT_EQ(scratch[0], tensors[static_cast<uint32_t>(input)]) << "scratch of op 0 not overlaid";

  Prepared reference(file, strata::kernels::reference::registry());
  ASSERT_TRUE(reference.interp->Prepare().ok());
  const std::vector<uint8_t> expected = InvokeOnPattern(*reference.interp);
  EXPECT_EQ(InvokeOnPattern(*planned.interp), expected);

  Prepared checked(file, strata::kernels::optimized::registry());
  ASSERT_TRUE(checked.interp->Prepare(plan).ok());
  EXPECT_EQ(InvokeOnPattern(*checked.interp), expected);

  // Overlap is allowed only with the scratch at or above the input (the widening runs from the
  // end): a plan with the input 8 bytes above the scratch's start must be refused.
  tensors[static_cast<uint32_t>(input)] = scratch[0] + 8;
  Prepared refused(file, strata::kernels::optimized::registry());
  EXPECT_EQ(refused.interp->Prepare(plan).code(), strata::StatusCode::kInvalidArgument);
}

}  // namespace
