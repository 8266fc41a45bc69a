// The firmware's one built-in model: its session over the board's arena and its per-layer records,
// shared by the shell's model commands and the host link.
#pragma once

#include <stdint.h>

#include "strata/profiler.hpp"
#include "strata_models/layer_profile.hpp"
#include "strata_models/model_session.hpp"

namespace app {
namespace instance {

strata_models::ModelSession& session();
// A profile over the model's per-layer records (one per operator), cleared.
strata_models::LayerProfile fresh_profile();
// The board's counter in its own unit (cycles on real boards, instructions on virtual ones).
strata::CycleCounter board_counter();

}  // namespace instance
}  // namespace app
