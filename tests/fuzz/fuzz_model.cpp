// libFuzzer target: arbitrary bytes as a .tflite model through load, prepare (small arena) and
// invoke with the reference kernels. Any crash, sanitizer report or out-of-bounds access is a bug:
// a bad model must end in a Status, never in undefined behaviour.
//
// Mutations: three in four keep the flatbuffer valid and make its contents inconsistent
// (model_mutator.hpp), so the runtime's own checks are exercised rather than only the verifier;
// the rest are libFuzzer's byte mutations (truncation, bit flips, splices).
#include <cstdint>
#include <cstring>

#include "model_mutator.hpp"
#include "reference/registry.hpp"
#include "strata/interpreter.hpp"
#include "strata/model.hpp"

extern "C" size_t LLVMFuzzerMutate(uint8_t* data, size_t size, size_t max_size);

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t max_size,
                                          unsigned int seed) {
  alignas(16) static uint8_t copy[1 << 20];
  if (seed % 4 == 0 || size > sizeof(copy)) return LLVMFuzzerMutate(data, size, max_size);
  std::memcpy(copy, data, size);
  if (!strata_fuzz::MutateModel(copy, size, seed / 4))
    return LLVMFuzzerMutate(data, size, max_size);
  std::memcpy(data, copy, size);
  return size;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The runtime requires a 4-byte aligned model (flash arrays are 16-byte aligned); fuzz bytes are
  // not.
  alignas(16) static uint8_t model_bytes[1 << 20];
  alignas(16) static uint8_t arena[8 * 1024];
  if (size > sizeof(model_bytes)) return 0;
  std::memcpy(model_bytes, data, size);
  strata::Model model;
  if (!strata::Model::Load(model_bytes, size, &model).ok()) return 0;
  strata::Interpreter interpreter(model, strata::kernels::reference::registry(), arena,
                                  sizeof(arena));
  if (!interpreter.Prepare().ok()) return 0;
  for (uint32_t i = 0; i < interpreter.num_inputs(); ++i) {
    const strata::TensorView input = interpreter.input(i);
    if (input.data != nullptr) std::memset(input.data, static_cast<int>(i * 37 + 11), input.bytes);
  }
  interpreter.Invoke();
  return 0;
}
