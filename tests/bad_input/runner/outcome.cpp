// ContainsPattern, Mismatch (see outcome.hpp).
#include "outcome.hpp"

#include <cctype>

namespace bad_input {
namespace {

constexpr char kNumber[] = "<n>";
constexpr size_t kNumberLength = sizeof(kNumber) - 1;

bool IsDigit(const std::string& text, size_t t) {
  return t < text.size() && std::isdigit(static_cast<unsigned char>(text[t]));
}

bool MatchesAt(const std::string& text, size_t t, const std::string& expected, size_t e) {
  while (e < expected.size()) {
    if (expected.compare(e, kNumberLength, kNumber) == 0) {
      const size_t start = t;
      // Digits, with a comma only between digits ("23,824", but not the comma in "24, got").
      while (t < text.size() &&
             (IsDigit(text, t) || (t > start && text[t] == ',' && IsDigit(text, t + 1)))) {
        ++t;
      }
      if (t == start) return false;
      e += kNumberLength;
      continue;
    }
    if (t >= text.size() || text[t] != expected[e]) return false;
    ++t;
    ++e;
  }
  return true;
}

}  // namespace

bool ContainsPattern(const std::string& text, const std::string& expected) {
  for (size_t t = 0; t <= text.size(); ++t) {
    if (MatchesAt(text, t, expected, 0)) return true;
  }
  return false;
}

std::string Mismatch(const Case& c, const Outcome& outcome) {
  if (!outcome.problem.empty()) return outcome.problem;
  if (outcome.status != c.status) {
    return "status '" + outcome.status + "', expected '" + c.status +
           "' (message: " + outcome.text + ")";
  }
  if (!c.message.empty() && !ContainsPattern(outcome.text, c.message)) {
    return "message '" + outcome.text + "' lacks '" + c.message + "'";
  }
  return "";
}

}  // namespace bad_input
