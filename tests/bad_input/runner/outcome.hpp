// What running one bad input produced, and whether that is what its row expects.
#pragma once

#include <string>

#include "manifest.hpp"

namespace bad_input {

struct Outcome {
  bool skipped = false;  // the kind cannot run yet (the reason is in `text`)
  std::string status;    // status name (model), reply prefix (shell), error code name (link)
  std::string text;      // status message or console output
  std::string problem;   // set when the input broke something beyond its own status
};

// True when `text` contains `expected`, where each <n> in `expected` stands for a number (digits
// and thousands commas), so a row can say "needs <n> bytes" without pinning the planner's figure.
bool ContainsPattern(const std::string& text, const std::string& expected);

// Empty when `outcome` matches `c`, else what differs.
std::string Mismatch(const Case& c, const Outcome& outcome);

}  // namespace bad_input
