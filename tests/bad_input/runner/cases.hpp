// One function per kind of row: each feeds the row's input file to the real code that must refuse
// it and reports what came back (main.cpp compares that with the row).
#pragma once

#include <cstdint>
#include <vector>

#include "manifest.hpp"
#include "outcome.hpp"

namespace bad_input {

// Model::Load, then Interpreter::Prepare with the reference kernels in an arena of c.arena bytes,
// then Invoke on zeroed inputs: the first status that is not ok, or ok.
Outcome RunModelCase(const Case& c, const std::vector<uint8_t>& bytes);

// The app's Shell with the system and model commands of the mnist-int8 firmware: the bytes are
// typed, then `info`, which must still answer.
Outcome RunShellCase(const Case& c, const std::vector<uint8_t>& bytes);

// The host link (docs/protocol.md) of the mnist-int8 firmware: the bytes go to its link port; the
// first reply must be the row's error, no byte may reach the shell, and the link must still answer.
Outcome RunLinkCase(const Case& c, const std::vector<uint8_t>& bytes);

}  // namespace bad_input
