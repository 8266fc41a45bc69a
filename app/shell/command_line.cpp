#include "shell/command_line.hpp"

namespace app {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }

// Returns the next word of `*cursor` (NUL-terminated in place), or nullptr at the end.
char* next_word(char** cursor) {
  char* p = *cursor;
  while (is_space(*p)) ++p;
  if (*p == '\0') return nullptr;
  char* word = p;
  while (*p != '\0' && !is_space(*p)) ++p;
  if (*p != '\0') *p++ = '\0';
  *cursor = p;
  return word;
}

bool starts_with_cmd_equals(const char* word) {
  return (word[0] == 'C' || word[0] == 'c') && (word[1] == 'M' || word[1] == 'm') &&
         (word[2] == 'D' || word[2] == 'd') && word[3] == '=';
}

}  // namespace

CommandLine parse_command_line(char* line) {
  CommandLine result;
  char* cursor = line;
  char* name = next_word(&cursor);
  if (name == nullptr) return result;
  result.name = starts_with_cmd_equals(name) ? name + 4 : name;
  while (char* word = next_word(&cursor)) {
    if (result.arg_count == CommandLine::kMaxArgs) {
      result.too_many_args = true;
      break;
    }
    result.args[result.arg_count++] = word;
  }
  return result;
}

bool parse_uint(const char* text, unsigned long max, unsigned long* value) {
  if (text == nullptr || *text == '\0') return false;
  unsigned long result = 0;
  for (const char* p = text; *p != '\0'; ++p) {
    if (*p < '0' || *p > '9') return false;
    const unsigned long digit = static_cast<unsigned long>(*p - '0');
    if (digit > max || result > (max - digit) / 10) return false;
    result = result * 10 + digit;
  }
  *value = result;
  return true;
}

}  // namespace app
