// Internal: structural verification of a .tflite buffer with flatbuffers::Verifier, limited to what
// Strata reads. The generated VerifyModelBuffer() walks the whole schema (signatures, metadata,
// sparsity, ~90 option tables) and costs about 14 KB of Cortex-M flash; this walk visits only the
// tables and fields the runtime and kernels access, each with the Verifier's own checks (bounds,
// alignment, vtable, depth and table-count limits). See VerifiedOptions() for the option tables
// kernels may read.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace strata {

// True when every table/vector/string the runtime reads is inside the buffer and well formed.
// The caller has already checked the file identifier and the minimal size.
bool VerifyModelStructure(const uint8_t* data, size_t size);

}  // namespace strata
