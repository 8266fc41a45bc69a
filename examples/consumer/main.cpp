// Runs every sample of the generated model and compares the output with the sample's expected
// value: exit code 0 when all are within 0.05, 1 otherwise (a test builds and runs this project).
#include <cmath>
#include <cstdio>

#include "strata_model.hpp"                 // generated: kArenaBytes, kInfo, ...
#include "strata_models/model_session.hpp"  // load, prepare, run, read outputs

namespace model = strata_models::built_in;

// Exactly what the runtime's planner computed at build time; 16-byte aligned like every arena.
alignas(16) static uint8_t arena[model::kArenaBytes];

int main() {
  strata_models::ModelSession session(model::kInfo, arena, sizeof(arena));
  const strata::Status& status = session.Prepare();
  if (!status.ok()) {
    std::printf("prepare failed: %s\n", status.message());
    return 1;
  }
  int wrong = 0;
  for (uint32_t k = 0; k < model::kInfo.num_samples; ++k) {
    const strata_models::SampleInfo& sample = model::kInfo.samples[k];
    if (!session.LoadSample(k) || !session.Invoke(nullptr).ok()) {
      std::printf("sample %s: did not run\n", sample.name);
      return 1;
    }
    const float y = session.OutputValue(0, 0);
    const float expected = sample.num_expected > 0 ? sample.expected[0] : NAN;
    const bool ok = std::fabs(y - expected) <= 0.05f;
    wrong += ok ? 0 : 1;
    std::printf("%s: x=%.3f y=%.3f expected %.3f%s\n", sample.name, sample.input_value, y, expected,
                ok ? "" : "  <- off");
  }
  std::printf("%s: %lu samples, %d off, arena %lu bytes\n", model::kInfo.name,
              static_cast<unsigned long>(model::kInfo.num_samples), wrong,
              static_cast<unsigned long>(sizeof(arena)));
  return wrong == 0 && model::kInfo.num_samples > 0 ? 0 : 1;
}
