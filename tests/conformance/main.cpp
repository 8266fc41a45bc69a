// strata-conformance: runs conformance cases through the Strata runtime on the host.
//   strata-conformance --suite DIR --case NAME [--kernels B]   one case (one ctest each)
//   strata-conformance --suite DIR --op OP [--kernels B]       every case of one operator (the
//                                                               op suite: case.json "op" == OP)
//   strata-conformance --suite DIR --all [--kernels B]         every case, with an arena table
//   --known-gaps FILE   cases that must fail for now (the operators and types not implemented yet):
//                       one name a line, optionally followed by the one backend it concerns;
//                       such a case passing is a failure (remove it from the file).
// Each case also prints one line per operator, `@kernel <case> <op> <backend depth> <variant>`,
// which tests/ops/check_variants.py reads to prove every manifest variant is exercised.
// Exit code 0 only if every case run passed. A missing suite folder is a failure, never a skip.
#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>
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

// The case names of a known-gaps file that concern `kernels`.
std::set<std::string> ReadGaps(const std::string& path, const std::string& kernels) {
  std::set<std::string> names;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    std::istringstream words(line.substr(0, line.find('#')));
    std::string name, backend;
    words >> name >> backend;
    if (!name.empty() && (backend.empty() || backend == kernels)) names.insert(name);
  }
  return names;
}

int RunOne(const std::string& suite, const std::string& name, const strata::OpResolver& resolver,
           bool verbose) {
  const conformance::CaseResult r = conformance::RunCase(suite, suite + "/cases/" + name, resolver);
  PrintArena(name, r);
  for (const conformance::OpKernel& k : r.kernels) {
    std::printf("@kernel %s %s %u %s\n", name.c_str(), k.op.c_str(), k.depth, k.variant.c_str());
  }
  if (verbose || !r.passed) {
    for (const std::string& n : r.notes) std::printf("    %s\n", n.c_str());
  }
  for (const std::string& f : r.failures) std::printf("    FAILED: %s\n", f.c_str());
  return r.passed ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::string suite, name, op, kernels = "reference", gaps_file;
  bool all = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--suite" && i + 1 < argc)
      suite = argv[++i];
    else if (a == "--case" && i + 1 < argc)
      name = argv[++i];
    else if (a == "--known-gaps" && i + 1 < argc)
      gaps_file = argv[++i];
    else if (a == "--op" && i + 1 < argc)
      op = argv[++i];
    else if (a == "--kernels" && i + 1 < argc)
      kernels = argv[++i];
    else if (a == "--all")
      all = true;
    else {
      std::fprintf(stderr,
                   "usage: strata-conformance --suite DIR (--case NAME | --op OP | --all) "
                   "[--kernels B]\n");
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
  if (!all && op.empty()) return RunOne(suite, name, *resolver, true);
  int failed = 0;
  std::vector<std::string> names = CaseNames(suite);
  if (!op.empty()) {  // the op suite's cases of one operator
    std::vector<std::string> mine;
    for (const std::string& n : names) {
      if (conformance::CaseOp(suite + "/cases/" + n) == op) mine.push_back(n);
    }
    names = mine;
    if (names.empty()) std::printf("FAILED: no case of %s in %s\n", op.c_str(), suite.c_str());
  }
  const std::set<std::string> gaps = ReadGaps(gaps_file, kernels);
  int gap_cases = 0;
  for (const std::string& n : names) {
    const bool gap = gaps.count(n) != 0;
    const int result = RunOne(suite, n, *resolver, false);
    if (gap && result == 0) {
      std::printf("    FAILED: %s passes but is listed in %s: remove it there\n", n.c_str(),
                  gaps_file.c_str());
    }
    gap_cases += gap ? 1 : 0;
    failed += gap ? (result == 0 ? 1 : 0) : result;
  }
  std::printf("%zu cases, %d failed (%d known gaps)\n", names.size(), failed, gap_cases);
  return failed == 0 && !names.empty() ? 0 : 1;
}
