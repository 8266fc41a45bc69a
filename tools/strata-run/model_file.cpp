// ModelFile (see model_file.hpp).
#include "model_file.hpp"

#include <cstring>
#include <fstream>
#include <iterator>

namespace strata_run {

strata::Status ModelFile::Open(const std::string& path, const std::string& kernels,
                               const strata::OpResolver& resolver) {
  using strata::Status;
  using strata::StatusCode;
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(StatusCode::kInvalidArgument, "cannot open %s", path.c_str());
  std::vector<char> file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (file.size() > UINT32_MAX) {
    return Status::Error(StatusCode::kInvalidArgument, "%s is larger than 4 GB", path.c_str());
  }
  bytes_.assign((file.size() + 7) / 8, 0);
  if (!file.empty()) std::memcpy(bytes_.data(), file.data(), file.size());
  path_ = path;
  kernels_ = kernels;
  info_.name = path_.c_str();
  info_.file = path_.c_str();
  info_.kernels = kernels_.c_str();
  info_.data = reinterpret_cast<const uint8_t*>(bytes_.data());
  info_.bytes = static_cast<uint32_t>(file.size());
  info_.resolver = &resolver;
  // Start small and grow to exactly what the runtime reports, like a firmware built for it.
  uint32_t size = 4096;
  Status status;
  for (int attempt = 0; attempt < 4; ++attempt) {
    arena_.assign(size + kArenaSlack, 0);
    uint8_t* base = arena_.data();
    base += (16 - reinterpret_cast<uintptr_t>(base) % 16) % 16;
    session_ = std::make_unique<strata_models::ModelSession>(info_, base, size);
    status = session_->Prepare();
    if (status.code() != StatusCode::kArenaTooSmall) return status;
    size = session_->interpreter().arena_usage().total_bytes;
  }
  return status;
}

}  // namespace strata_run
