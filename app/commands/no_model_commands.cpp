// The firmware built without a model (model id `none`): the shell and board only.
#include "commands/model_commands.hpp"
#include "firmware_variant.hpp"

namespace app {

const char* model_name() { return "none"; }
const char* kernels_name() { return firmware_variant::kKernels; }
void add_model_commands(Shell&) {}

}  // namespace app
