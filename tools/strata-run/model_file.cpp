// ModelFile (see model_file.hpp).
#include "model_file.hpp"

#include <cstdlib>
#include <cstring>

#include "read_file.hpp"

namespace strata_run {

strata::Status ModelFile::Open(const std::string& path, const std::string& kernels,
                               const strata::OpResolver& resolver) {
  using strata::Status;
  using strata::StatusCode;
  std::vector<uint8_t> file;
  STRATA_RETURN_IF_ERROR(ReadFileAtMost(path, kMaxModelFileBytes, &file));
  if (file.empty()) {
    return Status::Error(StatusCode::kMalformedModel, "%s is empty (0 bytes): not a model",
                         path.c_str());
  }
  bytes_.assign((file.size() + 7) / 8, 0);
  std::memcpy(bytes_.data(), file.data(), file.size());
  path_ = path;
  kernels_ = kernels;
  info_.name = path_.c_str();
  info_.file = path_.c_str();
  info_.kernels = kernels_.c_str();
  info_.data = reinterpret_cast<const uint8_t*>(bytes_.data());
  info_.bytes = static_cast<uint32_t>(file.size());
  info_.resolver = &resolver;
  info_.prepare_without_plan = [](strata::Interpreter& interpreter) {
    return interpreter.Prepare();  // a file has no build-time plan: search one
  };
  // Start small and grow to exactly what the runtime reports, like a firmware built for it.
  uint32_t size = 4096;
  Status status;
  for (int attempt = 0; attempt < 4; ++attempt) {
    // calloc: the pages of a large arena are mapped on first use, so a plan that reports gigabytes
    // of activations costs nothing until an inference really writes them.
    arena_.reset(static_cast<uint8_t*>(std::calloc(size + kArenaSlack, 1)));
    if (arena_ == nullptr) {
      return Status::Error(StatusCode::kArenaTooSmall,
                           "the model needs an arena of %'u bytes: cannot allocate that here",
                           static_cast<unsigned>(size));
    }
    uint8_t* base = arena_.get();
    base += (16 - reinterpret_cast<uintptr_t>(base) % 16) % 16;
    session_ = std::make_unique<strata_models::ModelSession>(info_, base, size);
    status = session_->Prepare();
    if (status.code() != StatusCode::kArenaTooSmall) return status;
    size = session_->interpreter().arena_usage().total_bytes;
  }
  return status;
}

}  // namespace strata_run
