// One conformance case (a folder with case.json, inputs and expected outputs, see the suite's
// README): run it through the Strata runtime and judge the outputs.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "strata/interpreter.hpp"
#include "strata/model.hpp"
#include "strata/op_resolver.hpp"

namespace conformance {

// Which kernel ran one operator of a case.
struct OpKernel {
  std::string op;       // e.g. "CONV_2D"
  uint32_t depth;       // position of its resolver in the backend's fallback chain (0: the backend)
  std::string variant;  // e.g. "int8"
};

struct CaseResult {
  bool passed = false;
  std::vector<std::string> failures;  // one line per violated expectation
  std::vector<std::string> notes;     // comparison details
  strata::ArenaUsage arena;
  int64_t tflm_arena_bytes = -1;  // from case.json "reference", -1 if absent
  std::vector<OpKernel> kernels;  // one per operator, once prepared
};

// The "op" field of the case.json in `case_dir` ("" when absent or unreadable).
std::string CaseOp(const std::string& case_dir);

// Runs the case in `case_dir`; model paths in case.json are relative to `suite_dir`.
CaseResult RunCase(const std::string& suite_dir, const std::string& case_dir,
                   const strata::OpResolver& resolver);

// Prepares `model` in an arena of exactly the size the runtime asks for, after checking that one
// allocation unit less is rejected with kArenaTooSmall naming the same size (the figure a host
// computes is exactly what a firmware needs). The arena buffer is resized by the call.
strata::Status PrepareExact(const strata::Model& model, const strata::OpResolver& resolver,
                            std::vector<uint64_t>* arena, std::unique_ptr<strata::Interpreter>* out,
                            std::string* failure);

}  // namespace conformance
