// Command-line parsing of strata-run (see options.hpp).
#include "options.hpp"

#include <cstdlib>

namespace strata_run {

const char* UsageText() {
  return "usage:\n"
         "  strata-run MODEL.tflite [--input FILE]... [--output-dir DIR] [--profile]\n"
         "             [--kernels reference|optimized] [--invokes N]\n"
         "  strata-run --inspect MODEL.tflite [--kernels B]\n"
         "  strata-run --plan MODEL.tflite [--kernels B]\n"
         "Runs the model on raw little-endian input bytes (one --input per model input, in order;\n"
         "without --input a deterministic pattern: for input k, s = 12345 + k and per element\n"
         "s = s * 1664525 + 1013904223 mod 2^32, int8 = (int8)(s >> 24),\n"
         "float32 = (s >> 8) / 8388608 - 1) and writes output<k>.bin into the output directory.\n"
         "--invokes N (1 to 1000) invokes N times on the same inputs and writes the last\n"
         "outputs: a stateful model's variables carry from one Invoke to the next.\n"
         "Model files are read up to 64 MiB.\n";
}

bool ParseOptions(int argc, char** argv, Options* o, std::string* error) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= argc) {
        *error = arg + " needs a value";
        return false;
      }
      *out = argv[++i];
      return true;
    };
    std::string v;
    if (arg == "--help" || arg == "-h") {
      o->command = Command::kHelp;
      return true;
    } else if (arg == "--inspect" || arg == "--plan") {
      o->command = arg == "--inspect" ? Command::kInspect : Command::kPlan;
      if (!value(&o->model)) return false;
    } else if (arg == "--input") {
      if (!value(&v)) return false;
      o->inputs.push_back(v);
    } else if (arg == "--output-dir") {
      if (!value(&o->output_dir)) return false;
    } else if (arg == "--kernels") {
      if (!value(&o->kernels)) return false;
    } else if (arg == "--invokes") {
      if (!value(&v)) return false;
      char* end = nullptr;
      const unsigned long n = std::strtoul(v.c_str(), &end, 10);
      if (v.empty() || *end != '\0' || v[0] == '-' || n < 1 || n > 1000) {
        *error = "--invokes needs a count from 1 to 1000, got '" + v + "'";
        return false;
      }
      o->invokes = static_cast<uint32_t>(n);
    } else if (arg == "--profile") {
      o->profile = true;
    } else if (!arg.empty() && arg[0] == '-') {
      *error = "unknown option " + arg;
      return false;
    } else if (o->model.empty()) {
      o->model = arg;
    } else {
      *error = "more than one model given (" + o->model + ", " + arg + ")";
      return false;
    }
  }
  if (o->model.empty()) {
    *error = "no model given";
    return false;
  }
  return true;
}

}  // namespace strata_run
