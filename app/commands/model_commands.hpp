// The model commands of the shell (`1`/`CMD=1` model view, `2`/`CMD=2` inference, `run <n>`,
// `bench <N>`) and the host link's requests, compiled once per firmware against that firmware's
// generated model.
#pragma once

#include "link/link_port.hpp"
#include "shell/shell.hpp"

namespace app {

const char* model_name();
const char* kernels_name();
void add_model_commands(Shell& shell);
// The console's host link port, answering frames with this firmware's model (docs/protocol.md).
LinkPort& link_port();

}  // namespace app
