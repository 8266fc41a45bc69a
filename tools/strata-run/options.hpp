// Command-line options of strata-run.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace strata_run {

enum class Command { kRun, kInspect, kPlan, kHelp };

struct Options {
  Command command = Command::kRun;
  std::string model;
  std::vector<std::string> inputs;
  std::string output_dir = ".";
  std::string kernels = "reference";
  bool profile = false;
  // Invokes on the same inputs: a stateful model's variables carry from one to the next, and the
  // outputs written are the last Invoke's.
  uint32_t invokes = 1;
};

// Parses argv; on error returns false and sets *error.
bool ParseOptions(int argc, char** argv, Options* options, std::string* error);
const char* UsageText();

}  // namespace strata_run
