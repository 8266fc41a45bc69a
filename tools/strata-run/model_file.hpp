// ModelFile: a .tflite file read from disk into a strata_models::ModelSession, the same session
// type the firmware runs its built-in model with. This class only adds what a file on a host needs:
// the bytes in 8-byte aligned memory, a ModelInfo naming the file (no samples, no build-time
// figures), and an arena grown to exactly the size the runtime asks for, as the firmware will
// reserve it.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "strata/op_resolver.hpp"
#include "strata/status.hpp"
#include "strata_models/model_session.hpp"

namespace strata_run {

class ModelFile {
 public:
  // Reads, verifies and prepares. Errors carry the runtime's message.
  strata::Status Open(const std::string& path, const std::string& kernels,
                      const strata::OpResolver& resolver);

  strata_models::ModelSession& session() { return *session_; }

 private:
  static constexpr size_t kArenaSlack = 16;  // room to align the arena start

  std::string path_;
  std::string kernels_;
  std::vector<uint64_t> bytes_;  // uint64_t storage: the model bytes start 8-byte aligned
  strata_models::ModelInfo info_{};
  struct Free {
    void operator()(uint8_t* p) const { std::free(p); }
  };
  std::unique_ptr<uint8_t, Free> arena_;
  std::unique_ptr<strata_models::ModelSession> session_;
};

}  // namespace strata_run
