// libFuzzer target: arbitrary bytes as a .tflite model through load, prepare (small arena) and
// invoke with the reference kernels. Any crash, sanitizer report or out-of-bounds access is a bug:
// a bad model must end in a Status, never in undefined behaviour.
#include <cstdint>
#include <cstring>

#include "reference/registry.hpp"
#include "strata/interpreter.hpp"
#include "strata/model.hpp"

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
