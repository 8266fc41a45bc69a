// bad_input_runner: runs rows of the bad-input table on the host (tests/bad_input/cases.tsv).
//
//   bad_input_runner <manifest.tsv> <id>            one row: exit 0 pass, 1 fail, 77 skipped
//   bad_input_runner <manifest.tsv> --can-fail      every row must pass as written and fail when
//                                                   its status or message is changed, so no row
//                                                   passes whatever the code does
#include <cstdio>
#include <string>
#include <vector>

#include "cases.hpp"
#include "manifest.hpp"
#include "outcome.hpp"

namespace {

constexpr int kSkipped = 77;  // ctest SKIP_RETURN_CODE

using bad_input::Case;
using bad_input::Outcome;

std::string Folder(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

// Dispatches by kind: the one place a new kind of row plugs in.
Outcome Run(const Case& c, const std::string& folder) {
  std::vector<uint8_t> bytes;
  if (!bad_input::ReadFile(folder + "/" + c.file, &bytes)) {
    Outcome o;
    o.problem = "cannot read the input file " + folder + "/" + c.file;
    return o;
  }
  if (c.kind == "model") return bad_input::RunModelCase(c, bytes);
  if (c.kind == "shell") return bad_input::RunShellCase(c, bytes);
  if (c.kind == "link") return bad_input::RunLinkCase(c, bytes);
  Outcome o;
  o.problem = "unknown kind '" + c.kind + "'";
  return o;
}

int RunOne(const std::vector<Case>& cases, const std::string& folder, const std::string& id) {
  for (const Case& c : cases) {
    if (c.id != id) continue;
    const Outcome o = Run(c, folder);
    if (o.skipped) {
      std::printf("bad_input.%s: SKIP: %s\n", id.c_str(), o.text.c_str());
      return kSkipped;
    }
    const std::string mismatch = bad_input::Mismatch(c, o);
    std::printf("bad_input.%s: %s%s\n  got %s: %s\n", id.c_str(),
                mismatch.empty() ? "pass" : "FAIL: ", mismatch.c_str(), o.status.c_str(),
                o.text.c_str());
    return mismatch.empty() ? 0 : 1;
  }
  std::printf("bad_input: no row '%s' in the manifest (re-run the build)\n", id.c_str());
  return 1;
}

// A wrong expectation must be caught: another status, and (where checked) a message with a
// character the runtime never writes.
int CheckCanFail(const std::vector<Case>& cases, const std::string& folder) {
  int problems = 0;
  for (const Case& c : cases) {
    const Outcome o = Run(c, folder);
    if (o.skipped) continue;
    Case wrong_status = c;
    wrong_status.status = c.status == "ok" ? "malformed model" : "ok";
    Case wrong_message = c;
    wrong_message.message = c.message + "\x01";
    const bool passes = bad_input::Mismatch(c, o).empty();
    const bool status_caught = !bad_input::Mismatch(wrong_status, o).empty();
    const bool message_caught = c.message.empty() || !bad_input::Mismatch(wrong_message, o).empty();
    if (!passes || !status_caught || !message_caught) {
      std::printf("bad_input.%s: %s\n", c.id.c_str(),
                  !passes ? "does not pass as written" : "a wrong expectation still passes");
      ++problems;
    }
  }
  std::printf("bad_input: %zu rows, %d cannot tell right from wrong\n", cases.size(), problems);
  return problems == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s <manifest.tsv> <id> | --can-fail\n", argv[0]);
    return 2;
  }
  std::vector<Case> cases;
  std::string error;
  if (!bad_input::ReadManifest(argv[1], &cases, &error)) {
    std::printf("bad_input: %s\n", error.c_str());
    return 1;
  }
  const std::string folder = Folder(argv[1]);
  const std::string what = argv[2];
  return what == "--can-fail" ? CheckCanFail(cases, folder) : RunOne(cases, folder, what);
}
