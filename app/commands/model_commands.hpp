// The model commands of the shell (`1`/`CMD=1` model view, `2`/`CMD=2` inference, `run <n>`,
// `bench <N>`), compiled once per firmware against that firmware's generated model.
#pragma once

#include "shell/shell.hpp"

namespace app {

const char* model_name();
const char* kernels_name();
void add_model_commands(Shell& shell);

}  // namespace app
