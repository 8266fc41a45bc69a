// ModelSession: a model file loaded into aligned memory, verified, and prepared by an interpreter
// whose arena is exactly the size the plan asks for (as the firmware will reserve it). The file is
// read with a size limit (read_file.hpp).
#pragma once

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "strata/interpreter.hpp"
#include "strata/model.hpp"

namespace strata_run {

class ModelSession {
 public:
  // Reads, verifies and prepares. Errors carry the runtime's message.
  strata::Status Open(const std::string& path, const strata::OpResolver& resolver);

  const strata::Model& model() const { return model_; }
  strata::Interpreter& interpreter() { return *interpreter_; }
  size_t file_bytes() const { return file_bytes_; }
  size_t arena_bytes() const { return arena_bytes_; }

 private:
  static constexpr size_t kArenaSlack = 16;  // room to align the arena start

  std::vector<uint64_t> file_;  // uint64_t storage: the model bytes start 8-byte aligned
  size_t file_bytes_ = 0;
  strata::Model model_;
  struct Free {
    void operator()(uint8_t* p) const { std::free(p); }
  };
  std::unique_ptr<uint8_t, Free> arena_;
  size_t arena_bytes_ = 0;
  std::unique_ptr<strata::Interpreter> interpreter_;
};

// The deterministic input fill documented in the usage text (and the conformance README).
void FillPattern(const strata::TensorView& tensor, uint32_t input_index);

}  // namespace strata_run
