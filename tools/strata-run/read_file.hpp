// Reading the files strata-run is given (the model, --input files) with a size limit, so that a
// path that is not a plain file of bytes gets a clear message instead of an abort or a hang: a
// directory is refused, and a device such as /dev/zero, which never ends, is read only up to the
// limit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "strata/status.hpp"

namespace strata_run {

// Largest model file strata-run reads: a Cortex-M model is at most a few MB (the format allows
// up to 2 GiB, a limit only files for larger machines come near).
constexpr std::size_t kMaxModelFileBytes = std::size_t{64} << 20;

// Reads the whole file at `path` into *bytes. Fails (kInvalidArgument, the message names the path
// and the cause) when it cannot be opened or read, is a directory, or holds more than `max_bytes`.
strata::Status ReadFileAtMost(const std::string& path, std::size_t max_bytes,
                              std::vector<uint8_t>* bytes);

}  // namespace strata_run
