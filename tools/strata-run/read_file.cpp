// ReadFileAtMost (see read_file.hpp).
#include "read_file.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace strata_run {

strata::Status ReadFileAtMost(const std::string& path, std::size_t max_bytes,
                              std::vector<uint8_t>* bytes) {
  using strata::Status;
  using strata::StatusCode;
  bytes->clear();
  struct stat info;
  if (stat(path.c_str(), &info) != 0) {
    return Status::Error(StatusCode::kInvalidArgument, "cannot open %s: %s", path.c_str(),
                         std::strerror(errno));
  }
  if (S_ISDIR(info.st_mode)) {
    return Status::Error(StatusCode::kInvalidArgument, "%s is a directory, not a file",
                         path.c_str());
  }
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    return Status::Error(StatusCode::kInvalidArgument, "cannot open %s: %s", path.c_str(),
                         std::strerror(errno));
  }
  // One byte past the limit tells a file that is too long without reading the rest of it.
  uint8_t chunk[1 << 16];
  std::size_t n = 0;
  while (bytes->size() <= max_bytes && (n = std::fread(chunk, 1, sizeof(chunk), file)) > 0) {
    const std::size_t room = max_bytes + 1 - bytes->size();
    bytes->insert(bytes->end(), chunk, chunk + (n < room ? n : room));
  }
  const bool failed = std::ferror(file) != 0;
  const int error = errno;
  std::fclose(file);
  if (failed) {
    return Status::Error(StatusCode::kInvalidArgument, "cannot read %s: %s", path.c_str(),
                         std::strerror(error));
  }
  if (bytes->size() > max_bytes) {
    bytes->clear();
    return Status::Error(StatusCode::kInvalidArgument, "%s holds more than %'zu bytes",
                         path.c_str(), max_bytes);
  }
  return Status::Ok();
}

}  // namespace strata_run
