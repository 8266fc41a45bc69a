// The model mutators do what the fuzzer relies on, on a real model:
//  - every in-place mutation still passes the flatbuffer verifier (so it reaches the runtime's
//    checks), and almost every one changes the model;
//  - every consistent mutation is a verifiable model, and many still load (Model::Load accepts
//    them: their buffers and per-channel arrays follow their shapes), so they reach Prepare and the
//    kernels rather than stopping at the model checks.
// Usage: model_mutator_test <model.tflite>; exit code 0 on success.
#include "model_mutator.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "consistent_mutator.hpp"
#include "flatbuffers/flatbuffers.h"
#include "strata/model.hpp"
#include "tflite_generated.h"

namespace {

constexpr int kSeeds = 2000;

bool Verifiable(const uint8_t* data, size_t size) {
  flatbuffers::Verifier verifier(data, size);
  return tflite::VerifyModelBuffer(verifier);
}

int CheckInPlace(const std::vector<uint8_t>& original) {
  alignas(16) static uint8_t copy[1 << 20];
  int changed = 0;
  for (int seed = 1; seed <= kSeeds; ++seed) {
    std::memcpy(copy, original.data(), original.size());
    if (!strata_fuzz::MutateModel(copy, original.size(), static_cast<uint32_t>(seed))) {
      std::printf("FAIL: the in-place mutator refused a valid model (seed %d)\n", seed);
      return 1;
    }
    if (!Verifiable(copy, original.size())) {
      std::printf("FAIL: in-place seed %d made the flatbuffer invalid\n", seed);
      return 1;
    }
    changed += std::memcmp(copy, original.data(), original.size()) != 0;
  }
  std::printf("in place: %d of %d mutations changed the model, all verifiable\n", changed, kSeeds);
  // A mutation can write the value a field already had; most must not.
  return changed >= kSeeds * 8 / 10 ? 0 : 1;
}

int CheckConsistent(const std::vector<uint8_t>& original) {
  int applied = 0;
  int loaded = 0;
  std::vector<uint8_t> mutated;
  for (int seed = 1; seed <= kSeeds; ++seed) {
    if (!strata_fuzz::MutateModelConsistently(original.data(), original.size(),
                                              static_cast<uint32_t>(seed), &mutated)) {
      continue;
    }
    ++applied;
    std::vector<uint64_t> aligned(mutated.size() / 8 + 1);
    std::memcpy(aligned.data(), mutated.data(), mutated.size());
    if (!Verifiable(reinterpret_cast<const uint8_t*>(aligned.data()), mutated.size())) {
      std::printf("FAIL: consistent seed %d wrote an invalid flatbuffer\n", seed);
      return 1;
    }
    strata::Model model;
    loaded += strata::Model::Load(aligned.data(), mutated.size(), &model).ok();
  }
  std::printf("consistent: %d of %d seeds applied a mutation, %d of those models load\n", applied,
              kSeeds, loaded);
  // 80 % load on the project's models; without the buffers following their shapes, under 60 %.
  return applied >= kSeeds / 2 && loaded >= applied * 7 / 10 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  std::FILE* file = std::fopen(argv[1], "rb");
  if (file == nullptr) return 2;
  std::vector<uint8_t> original;
  for (int c; (c = std::fgetc(file)) != EOF;) original.push_back(static_cast<uint8_t>(c));
  std::fclose(file);
  if (original.size() > (1u << 20)) return 2;
  return CheckInPlace(original) | CheckConsistent(original);
}
