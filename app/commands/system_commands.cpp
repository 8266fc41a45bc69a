#include "commands/system_commands.hpp"

#include "bsp/board.hpp"
#include "bsp/board_commands.hpp"
#include "bsp/cycle_counter.hpp"
#include "bsp/stack.hpp"
#include "bsp/watchdog.hpp"
#include "console_out.hpp"
#include "strata_config.hpp"

namespace app {
namespace {

Shell* g_shell = nullptr;

void run_help(const CommandLine&) { g_shell->print_help(); }

void run_info(const CommandLine&) {
  const bsp::ClockInfo clock = bsp::clock_info();
  printf("board:    %s\r\n", bsp::board_name());
  printf("clock:    %lu Hz (profile %s)%s%s\r\n", static_cast<unsigned long>(clock.core_hz),
         clock.profile, clock.note[0] ? ", " : "", clock.note);
  printf("cpu:      %s\r\n", strata_config::kCpu);
  printf("counter:  %s\r\n", bsp::cycle_counter::unit());
  printf("compiler: %s\r\n", strata_config::kCompiler);
  printf("flags:    %s\r\n", strata_config::kBuildFlags);
  const bsp::MemoryRegion* regions = nullptr;
  const std::size_t count = bsp::memory_regions(&regions);
  for (std::size_t i = 0; i < count; ++i) {
    printf("memory:   %-18s 0x%08lx %6lu KB\r\n", regions[i].name,
           static_cast<unsigned long>(regions[i].start),
           static_cast<unsigned long>(regions[i].size / 1024));
  }
  if (bsp::watchdog::enabled()) {
    printf("watchdog: %s, %lu ms, kicked by the shell loop\r\n", bsp::watchdog::peripheral(),
           static_cast<unsigned long>(bsp::watchdog::timeout_ms()));
  } else if (bsp::watchdog::note()[0] != '\0') {
    printf("watchdog: off (%s)\r\n", bsp::watchdog::note());
  } else {
    print("watchdog: off\r\n");
  }
  printf("@info board=%s clock_hz=%lu counter=%s cpu=%s watchdog_ms=%lu\r\n", bsp::board_name(),
         static_cast<unsigned long>(clock.core_hz), bsp::cycle_counter::unit(), strata_config::kCpu,
         static_cast<unsigned long>(bsp::watchdog::timeout_ms()));
}

void run_mem(const CommandLine&) {
  const unsigned long used = bsp::stack::high_water_bytes();
  const unsigned long size = bsp::stack::size_bytes();
  printf("stack: %lu of %lu bytes used (high-water mark)\r\n", used, size);
  printf("@mem stack_used=%lu stack_size=%lu\r\n", used, size);
}

void run_exit(const CommandLine& line) {
  unsigned long code = 0;
  if (line.arg_count > 0 && !parse_uint(line.args[0], 255, &code)) {
    print("error: exit code must be 0..255\r\n");
    return;
  }
  if (!bsp::board_can_exit()) {
    print("error: this board cannot exit (reset it instead)\r\n");
    return;
  }
  printf("bye (exit code %lu)\r\n", code);
  bsp::board_exit(static_cast<int>(code));
}

const Command kCommands[] = {
    {"help", "help", "list the commands", run_help},
    {"info", "info", "board, clock, memory regions, build flags", run_info},
    {"mem", "mem", "stack high-water mark", run_mem},
    {"exit", "exit [code]", "end the run (virtual boards)", run_exit},
};

// Board commands arrive as bsp records; each gets a shell command that forwards its arguments.
constexpr std::size_t kMaxBoardCommands = 4;
const bsp::BoardCommand* g_board_commands = nullptr;
Command g_board_shell_commands[kMaxBoardCommands];

template <std::size_t kIndex>
void run_board_command(const CommandLine& line) {
  g_board_commands[kIndex].run(line.arg_count, line.args);
}

void (*const kBoardRunners[kMaxBoardCommands])(const CommandLine&) = {
    run_board_command<0>, run_board_command<1>, run_board_command<2>, run_board_command<3>};

void add_board_commands(Shell& shell) {
  std::size_t count = bsp::board_commands(&g_board_commands);
  if (count > kMaxBoardCommands) count = kMaxBoardCommands;
  for (std::size_t i = 0; i < count; ++i) {
    g_board_shell_commands[i] = {g_board_commands[i].name, g_board_commands[i].usage,
                                 g_board_commands[i].help, kBoardRunners[i]};
  }
  shell.add(g_board_shell_commands, count);
}

}  // namespace

void add_system_commands(Shell& shell) {
  g_shell = &shell;
  shell.add(kCommands, sizeof(kCommands) / sizeof(kCommands[0]));
  add_board_commands(shell);
}

void print_banner(const char* kernels, const char* model) {
  const bsp::ClockInfo clock = bsp::clock_info();
  printf("\r\nStrata %s on %s @ %lu Hz, kernels=%s\r\n", strata_config::kVersion, bsp::board_name(),
         static_cast<unsigned long>(clock.core_hz), kernels);
  if (clock.note[0] != '\0') printf("clock note: %s\r\n", clock.note);
  if (bsp::watchdog::last_reset_was_watchdog()) {
    print("note: the last reset was a watchdog timeout\r\n");
  }
  printf("model: %s\r\n", model);
  printf("@boot board=%s clock_hz=%lu kernels=%s model=%s\r\n", bsp::board_name(),
         static_cast<unsigned long>(clock.core_hz), kernels, model);
}

}  // namespace app
