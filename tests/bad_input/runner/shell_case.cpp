// RunShellCase (see cases.hpp), and the console the shell prints to on the host.
#include <cstdarg>
#include <string>

#include "cases.hpp"
#include "console_out.hpp"
#include "shell/shell.hpp"
#include "strata/format.hpp"

namespace {

std::string g_console;  // everything the shell printed
app::Shell* g_shell = nullptr;

void RunHelp(const app::CommandLine&) { g_shell->print_help(); }
void RunInfo(const app::CommandLine&) { app::print("@info board=host\r\n"); }

// The firmware registers the same names (app/commands/system_commands.cpp), so shell rows run
// unchanged on both.
const app::Command kCommands[] = {
    {"help", "help", "list the commands", RunHelp},
    {"info", "info", "board", RunInfo},
};

}  // namespace

// The app's console output (app/console_out.hpp), captured instead of written to a board console.
namespace app {

void print(const char* text) { g_console += text; }

void printf(const char* fmt, ...) {
  char line[192];  // the firmware's line limit (app/console_out.cpp)
  va_list args;
  va_start(args, fmt);
  strata::FormatV(line, sizeof(line), fmt, args);
  va_end(args);
  g_console += line;
}

}  // namespace app

namespace bad_input {

Outcome RunShellCase(const Case&, const std::vector<uint8_t>& bytes) {
  app::Shell shell;
  g_shell = &shell;
  shell.add(kCommands, sizeof(kCommands) / sizeof(kCommands[0]));
  g_console.clear();
  for (uint8_t b : bytes) shell.feed(static_cast<char>(b));
  Outcome o;
  o.text = g_console;
  o.status = g_console.find("error: ") != std::string::npos ? "error" : "ok";
  g_console.clear();
  for (char b : std::string("info\n")) shell.feed(b);
  if (g_console.find("@info board=host") == std::string::npos) {
    o.problem = "the shell did not answer 'info' after the input (it printed '" + g_console + "')";
  }
  return o;
}

}  // namespace bad_input
