// libFuzzer target: arbitrary bytes as a .tflite model through load, prepare and invoke with BOTH
// kernel sets (reference and optimized). Any crash, sanitizer report or out-of-bounds access is a
// bug: a bad model must end in a Status, never in undefined behaviour.
//
// Each kernel set first prepares in a small arena, which reports the bytes the model needs; the
// model then runs in an arena of exactly that size (at most kMaxArena), allocated on the heap so
// AddressSanitizer sees a write past its end. The model bytes get an exact-size heap copy too.
// Models whose estimated work is above kMaxWork are prepared but not invoked, and models with more
// than kMaxPreparedElements tensor elements only loaded, so a run stays fast.
//
// Mutations: half keep the flatbuffer valid and change related fields together
// (consistent_mutator.hpp: shapes with buffers and per-channel arrays, constants' contents,
// quantization), a quarter change single fields in place (model_mutator.hpp), a quarter are
// libFuzzer's byte mutations.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

#include "backends.hpp"
#include "consistent_mutator.hpp"
#include "model_mutator.hpp"
#include "strata/interpreter.hpp"
#include "strata/model.hpp"

extern "C" size_t LLVMFuzzerMutate(uint8_t* data, size_t size, size_t max_size);

namespace {

constexpr size_t kMaxArena = 4u << 20;
constexpr size_t kProbeArena = 4096;
constexpr uint64_t kMaxWork = 1u << 21;  // element visits and multiply-accumulates per invoke
// Prepare's cost grows with the elements of the tensors (the kernels' in-place analysis visits
// them): larger models are only loaded, so one run stays well under a second.
constexpr uint64_t kMaxPreparedElements = 1u << 24;

struct FreeDeleter {
  void operator()(uint8_t* p) const { std::free(p); }
};
using Bytes = std::unique_ptr<uint8_t, FreeDeleter>;

// `size` bytes, 16-byte aligned, with nothing usable after them (rounded up to 16 only).
Bytes Allocate(size_t size) {
  return Bytes(static_cast<uint8_t*>(std::aligned_alloc(16, (size + 15) / 16 * 16)));
}

uint64_t TotalElements(const strata::Model& model) {
  uint64_t elements = 0;
  for (uint32_t t = 0; t < model.num_tensors(); ++t) {
    elements += model.tensor(static_cast<int32_t>(t)).elements;
  }
  return elements;
}

// A rough count of what one invoke does: every operand element once, plus output elements times
// the weights per output for ops whose input 1 has rank >= 2 (convolutions, fully connected).
uint64_t EstimatedWork(const strata::Model& model) {
  uint64_t work = 0;
  for (uint32_t i = 0; i < model.num_operators(); ++i) {
    uint64_t outputs = 0;
    for (uint32_t k = 0; k < model.op_num_outputs(i); ++k) {
      outputs += model.tensor(model.op_output(i, k)).elements;
    }
    work += outputs;
    for (uint32_t k = 0; k < model.op_num_inputs(i); ++k) {
      const strata::TensorView t = model.tensor(model.op_input(i, k));
      work += t.elements;
      if (k == 1 && t.rank >= 2 && t.dims[0] > 0) work += outputs * (t.elements / t.dims[0]);
    }
  }
  return work;
}

void Run(const strata::Model& model, const strata::OpResolver& kernels, bool invoke) {
  Bytes probe = Allocate(kProbeArena);
  size_t arena_bytes = kProbeArena;
  std::unique_ptr<strata::Interpreter> interpreter =
      std::make_unique<strata::Interpreter>(model, kernels, probe.get(), arena_bytes);
  strata::Status status = interpreter->Prepare();
  Bytes arena;
  if (status.code() == strata::StatusCode::kArenaTooSmall) {
    arena_bytes = interpreter->arena_usage().total_bytes;
    if (arena_bytes > kMaxArena) return;
    arena = Allocate(arena_bytes);
    interpreter = std::make_unique<strata::Interpreter>(model, kernels, arena.get(), arena_bytes);
    status = interpreter->Prepare();
  }
  if (!status.ok() || !invoke) return;
  for (uint32_t i = 0; i < interpreter->num_inputs(); ++i) {
    const strata::TensorView input = interpreter->input(i);
    uint8_t* p = static_cast<uint8_t*>(input.data);
    for (uint32_t b = 0; p != nullptr && b < input.bytes; ++b) {
      p[b] = static_cast<uint8_t>(b * 151 + i * 37 + 11);
    }
  }
  interpreter->Invoke();
}

}  // namespace

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t max_size,
                                          unsigned int seed) {
  if (seed % 4 == 0) return LLVMFuzzerMutate(data, size, max_size);
  Bytes copy = Allocate(size > 0 ? size : 1);
  std::memcpy(copy.get(), data, size);
  if (seed % 4 == 1) {
    if (!strata_fuzz::MutateModel(copy.get(), size, seed / 4)) {
      return LLVMFuzzerMutate(data, size, max_size);
    }
    std::memcpy(data, copy.get(), size);
    return size;
  }
  std::vector<uint8_t> mutated;
  if (!strata_fuzz::MutateModelConsistently(copy.get(), size, seed / 4, &mutated) ||
      mutated.size() > max_size) {
    return LLVMFuzzerMutate(data, size, max_size);
  }
  std::memcpy(data, mutated.data(), mutated.size());
  return mutated.size();
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The runtime requires a 4-byte aligned model (flash arrays are 16-byte aligned); fuzz bytes are
  // not.
  Bytes model_bytes = Allocate(size > 0 ? size : 1);
  std::memcpy(model_bytes.get(), data, size);
  strata::Model model;
  if (!strata::Model::Load(model_bytes.get(), size, &model).ok()) return 0;
  if (TotalElements(model) > kMaxPreparedElements) return 0;
  const bool invoke = EstimatedWork(model) <= kMaxWork;
  // The kernel sets strata-run offers: reference, and optimized (reference for the ops it lacks).
  static const strata::OpResolver* const reference = strata_run::FindBackend("reference");
  static const strata::OpResolver* const optimized = strata_run::FindBackend("optimized");
  if (reference == nullptr || optimized == nullptr) __builtin_trap();
  Run(model, *reference, invoke);
  Run(model, *optimized, invoke);
  return 0;
}
