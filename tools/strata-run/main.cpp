// strata-run: load a .tflite model with the Strata runtime and run, inspect or plan it.
#include <cstdio>
#include <string>

#include "backends.hpp"
#include "commands.hpp"
#include "model_file.hpp"

namespace strata_run {

int Fail(const strata::Status& status) {
  std::fprintf(stderr, "strata-run: %s: %s\n", strata::StatusCodeName(status.code()),
               status.message());
  return 1;
}

}  // namespace strata_run

int main(int argc, char** argv) {
  using namespace strata_run;
  Options options;
  std::string error;
  if (!ParseOptions(argc, argv, &options, &error)) {
    std::fprintf(stderr, "strata-run: %s\n%s", error.c_str(), UsageText());
    return 2;
  }
  if (options.command == Command::kHelp) {
    std::printf("%s", UsageText());
    return 0;
  }
  const strata::OpResolver* resolver = FindBackend(options.kernels);
  if (resolver == nullptr) {
    std::string names;
    for (const std::string& n : BackendNames()) names += (names.empty() ? "" : ", ") + n;
    std::fprintf(stderr, "strata-run: unknown kernels backend '%s' (built in: %s)\n",
                 options.kernels.c_str(), names.c_str());
    return 2;
  }
  ModelFile file;
  const strata::Status status = file.Open(options.model, options.kernels, *resolver);
  if (!status.ok()) return Fail(status);
  ModelSession& session = file.session();
  switch (options.command) {
    case Command::kInspect:
      return InspectCommand(options, session);
    case Command::kPlan:
      return PlanCommand(options, session);
    default:
      return RunCommand(options, session);
  }
}
