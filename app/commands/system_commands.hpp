// The shell commands every firmware has, model or not: help, info, mem, exit (virtual boards).
#pragma once

#include "shell/shell.hpp"

namespace app {

// Registers the system commands; `shell` must outlive them (help lists the shell's table).
void add_system_commands(Shell& shell);

// The boot banner: `Strata <version> on <board> @ <clock> Hz, kernels=<backend>` and a model line.
void print_banner(const char* kernels, const char* model);

}  // namespace app
