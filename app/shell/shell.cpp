#include "shell/shell.hpp"

#include <cstring>

#include "console_out.hpp"

namespace app {

bool Shell::add(const Command* commands, std::size_t count) {
  if (count_ + count > kMaxCommands) return false;
  for (std::size_t i = 0; i < count; ++i) commands_[count_++] = &commands[i];
  return true;
}

const Command* Shell::find(const char* name) const {
  for (std::size_t i = 0; i < count_; ++i) {
    if (std::strcmp(commands_[i]->name, name) == 0) return commands_[i];
  }
  return nullptr;
}

void Shell::feed(char byte) {
  switch (reader_.feed(byte)) {
    case LineReader::Event::kNone:
      return;
    case LineReader::Event::kOverflow:
      printf("error: line too long (max %u characters), ignored\r\n",
             static_cast<unsigned>(LineReader::kMaxLine));
      print_prompt();
      return;
    case LineReader::Event::kLine:
      std::memcpy(line_copy_, reader_.line(), reader_.length() + 1);
      run_line(line_copy_);
      print_prompt();
      return;
  }
}

void Shell::run_line(char* line) {
  const CommandLine parsed = parse_command_line(line);
  if (parsed.name[0] == '\0') return;
  const Command* command = find(parsed.name);
  if (command == nullptr) {
    printf("error: unknown command '%s' (type help)\r\n", parsed.name);
    return;
  }
  if (parsed.too_many_args) {
    printf("error: too many arguments; usage: %s\r\n", command->usage);
    return;
  }
  command->run(parsed);
}

void Shell::print_help() const {
  print("commands:\r\n");
  for (std::size_t i = 0; i < count_; ++i) {
    printf("  %-12s %s\r\n", commands_[i]->usage, commands_[i]->help);
  }
  print("  (CMD=<n> is accepted for <n>)\r\n");
}

void Shell::print_prompt() const { print("> "); }

}  // namespace app
