// Command-line options of strata-run.
#pragma once

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
};

// Parses argv; on error returns false and sets *error.
bool ParseOptions(int argc, char** argv, Options* options, std::string* error);
const char* UsageText();

}  // namespace strata_run
