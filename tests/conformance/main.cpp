// strata-conformance: runs conformance cases through the Strata runtime on the host.
//   strata-conformance --suite DIR --case NAME [--kernels B]   one case (one ctest each)
//   strata-conformance --suite DIR --all [--kernels B]         every case, with an arena table
// Exit code 0 only if every case run passed. A missing suite folder is a failure, never a skip.
#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "backends.hpp"
#include "conformance_case.hpp"

namespace {

bool IsDir(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::vector<std::string> CaseNames(const std::string& suite) {
  std::vector<std::string> names;
  if (DIR* d = opendir((suite + "/cases").c_str())) {
    while (dirent* e = readdir(d)) {
      const std::string n = e->d_name;
      if (n != "." && n != ".." && IsDir(suite + "/cases/" + n)) names.push_back(n);
    }
    closedir(d);
  }
  std::sort(names.begin(), names.end());
  return names;
}

void PrintArena(const std::string& name, const conformance::CaseResult& r) {
  const strata::ArenaUsage& a = r.arena;
  std::printf("%-34s %-4s arena %8u (persistent %6u + activations %7u), lower bound %8u",
              name.c_str(), r.passed ? "PASS" : "FAIL", a.total_bytes, a.persistent_bytes,
              a.activation_bytes, a.lower_bound);
  if (r.tflm_arena_bytes > 0) {
    std::printf(", TFLM %8lld (%.2fx)", static_cast<long long>(r.tflm_arena_bytes),
                static_cast<double>(a.total_bytes) / static_cast<double>(r.tflm_arena_bytes));
  }
  std::printf("\n");
}

int RunOne(const std::string& suite, const std::string& name, const strata::OpResolver& resolver,
           bool verbose) {
  const conformance::CaseResult r = conformance::RunCase(suite, suite + "/cases/" + name, resolver);
  PrintArena(name, r);
  if (verbose || !r.passed) {
    for (const std::string& n : r.notes) std::printf("    %s\n", n.c_str());
  }
  for (const std::string& f : r.failures) std::printf("    FAILED: %s\n", f.c_str());
  return r.passed ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::string suite, name, kernels = "reference";
  bool all = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--suite" && i + 1 < argc)
      suite = argv[++i];
    else if (a == "--case" && i + 1 < argc)
      name = argv[++i];
    else if (a == "--kernels" && i + 1 < argc)
      kernels = argv[++i];
    else if (a == "--all")
      all = true;
    else {
      std::fprintf(stderr,
                   "usage: strata-conformance --suite DIR (--case NAME | --all) [--kernels B]\n");
      return 2;
    }
  }
  if (!IsDir(suite + "/cases")) {
    std::fprintf(stderr,
                 "FAILED: conformance suite not found at '%s' (set STRATA_CONFORMANCE_DIR)\n",
                 suite.c_str());
    return 1;
  }
  const strata::OpResolver* resolver = strata_run::FindBackend(kernels);
  if (resolver == nullptr) {
    std::fprintf(stderr, "FAILED: kernels backend '%s' is not built in\n", kernels.c_str());
    return 1;
  }
  std::printf("kernels: %s\n", kernels.c_str());
  if (!all) return RunOne(suite, name, *resolver, true);
  int failed = 0;
  const std::vector<std::string> names = CaseNames(suite);
  for (const std::string& n : names) failed += RunOne(suite, n, *resolver, false);
  std::printf("%zu cases, %d failed\n", names.size(), failed);
  return failed == 0 && !names.empty() ? 0 : 1;
}
