// ModelSession (see model_session.hpp).
#include "model_session.hpp"

#include <cstdlib>
#include <cstring>

#include "read_file.hpp"

namespace strata_run {

strata::Status ModelSession::Open(const std::string& path, const strata::OpResolver& resolver) {
  using strata::Status;
  using strata::StatusCode;
  std::vector<uint8_t> bytes;
  STRATA_RETURN_IF_ERROR(ReadFileAtMost(path, kMaxModelFileBytes, &bytes));
  if (bytes.empty()) {
    return Status::Error(StatusCode::kMalformedModel, "%s is empty (0 bytes): not a model",
                         path.c_str());
  }
  file_bytes_ = bytes.size();
  file_.assign((bytes.size() + 7) / 8, 0);
  std::memcpy(file_.data(), bytes.data(), bytes.size());
  STRATA_RETURN_IF_ERROR(strata::Model::Load(file_.data(), file_bytes_, &model_));
  // Start small and grow to exactly what the runtime reports, like a firmware built for it.
  size_t size = 4096;
  Status status;
  for (int attempt = 0; attempt < 4; ++attempt) {
    // calloc: the pages of a large arena are mapped on first use, so a plan that reports gigabytes
    // of activations costs nothing until an inference really writes them.
    arena_.reset(static_cast<uint8_t*>(std::calloc(size + kArenaSlack, 1)));
    if (arena_ == nullptr) {
      return Status::Error(StatusCode::kArenaTooSmall,
                           "the model needs an arena of %'zu bytes: cannot allocate that here",
                           size);
    }
    arena_bytes_ = size;
    uint8_t* base = arena_.get();
    base += (16 - reinterpret_cast<uintptr_t>(base) % 16) % 16;
    interpreter_ = std::make_unique<strata::Interpreter>(model_, resolver, base, size);
    status = interpreter_->Prepare();
    if (status.code() != StatusCode::kArenaTooSmall) return status;
    size = interpreter_->arena_usage().total_bytes;
  }
  return status;
}

void FillPattern(const strata::TensorView& t, uint32_t input_index) {
  uint32_t s = 12345u + input_index;
  uint8_t* p = static_cast<uint8_t*>(t.data);
  for (uint32_t i = 0; i < t.elements; ++i) {
    s = s * 1664525u + 1013904223u;
    switch (t.type) {
      case strata::DataType::kFloat32: {
        const float f = static_cast<float>(s >> 8) / 8388608.0f - 1.0f;
        std::memcpy(p + 4 * i, &f, 4);
        break;
      }
      case strata::DataType::kInt16: {
        const int16_t v = static_cast<int16_t>(s >> 16);
        std::memcpy(p + 2 * i, &v, 2);
        break;
      }
      case strata::DataType::kInt32:
        std::memcpy(p + 4 * i, &s, 4);
        break;
      default:
        p[i] = static_cast<uint8_t>(s >> 24);
        break;  // int8, uint8, bool
    }
  }
}

}  // namespace strata_run
