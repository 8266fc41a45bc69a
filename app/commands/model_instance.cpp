// The arena is a BSP_ARENA array of exactly the size the runtime's planner computed at build time
// (strata_model.hpp), so the board's linker script decides where it lives.
#include "commands/model_instance.hpp"

#include "bsp/cycle_counter.hpp"
#include "bsp/memory.hpp"
#include "strata_model.hpp"

namespace app {
namespace instance {
namespace {

namespace model = strata_models::built_in;

BSP_ARENA uint8_t g_arena[model::kArenaBytes];
strata_models::ModelSession g_session(model::kInfo, g_arena, model::kArenaBytes);
strata_models::LayerRecord g_layers[model::kNumOps];

}  // namespace

strata_models::ModelSession& session() { return g_session; }

strata_models::LayerProfile fresh_profile() {
  strata_models::LayerProfile profile(board_counter(), g_layers, model::kNumOps);
  profile.Reset();
  return profile;
}

strata::CycleCounter board_counter() {
  return strata::CycleCounter{bsp::cycle_counter::now, bsp::cycle_counter::unit()};
}

}  // namespace instance
}  // namespace app
