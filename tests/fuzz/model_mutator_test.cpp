// The model mutator does what the fuzzer relies on: every mutation of a real model still passes the
// flatbuffer verifier (so it reaches the runtime's checks), and almost every one changes the model.
// Usage: model_mutator_test <model.tflite>; exit code 0 on success.
#include "model_mutator.hpp"

#include <cstdio>
#include <cstring>
#include <vector>

#include "flatbuffers/flatbuffers.h"
#include "tflite_generated.h"

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  std::FILE* file = std::fopen(argv[1], "rb");
  if (file == nullptr) return 2;
  std::vector<uint8_t> original;
  for (int c; (c = std::fgetc(file)) != EOF;) original.push_back(static_cast<uint8_t>(c));
  std::fclose(file);
  alignas(16) static uint8_t copy[1 << 20];
  if (original.size() > sizeof(copy)) return 2;
  const int kSeeds = 2000;
  int changed = 0;
  for (int seed = 1; seed <= kSeeds; ++seed) {
    std::memcpy(copy, original.data(), original.size());
    if (!strata_fuzz::MutateModel(copy, original.size(), static_cast<uint32_t>(seed))) {
      std::printf("FAIL: the mutator refused a valid model (seed %d)\n", seed);
      return 1;
    }
    flatbuffers::Verifier verifier(copy, original.size());
    if (!tflite::VerifyModelBuffer(verifier)) {
      std::printf("FAIL: seed %d made the flatbuffer invalid\n", seed);
      return 1;
    }
    changed += std::memcmp(copy, original.data(), original.size()) != 0;
  }
  std::printf("%d of %d mutations changed the model, all verifiable\n", changed, kSeeds);
  // A mutation can write the value a field already had; most must not.
  return changed >= kSeeds * 8 / 10 ? 0 : 1;
}
