// Layout invariants of everything the interpreter places in the arena. Compiled twice: into the
// host test binary and, by the ctest runtime.arena_layout_32bit, with arm-none-eabi-g++ for a
// 32-bit Cortex-M7. Identical sizes and offsets on both are what makes the arena size computed on
// the host at build time exactly what the firmware needs.
#include <stddef.h>

#include "interpreter/arena_layout.hpp"
#include "kernel.hpp"
#include "planner/arena_planner.hpp"
#include "planner/plan_tables.hpp"

namespace strata {

static_assert(sizeof(ArenaPtr<void>) == 8 && alignof(ArenaPtr<void>) == 8, "pointer slot");
static_assert(sizeof(InvokeSlot) == 8 && alignof(InvokeSlot) == 8, "function slot");
static_assert(sizeof(OpCall) == 16 && alignof(OpCall) == 8, "call record header");
static_assert(offsetof(OpCall, data_offset) == 8 && offsetof(OpCall, num_inputs) == 12 &&
                  offsetof(OpCall, num_outputs_flags) == 13 && offsetof(OpCall, stride_words) == 14 &&
                  offsetof(OpCall, kernel_bits) == 15,
              "call record fields");
static_assert(sizeof(planner::TensorPlan) == 12 && offsetof(planner::TensorPlan, first) == 8,
              "tensor plan");
static_assert(sizeof(planner::OpPlan) == 24 && offsetof(planner::OpPlan, first_step) == 16 &&
                  offsetof(planner::OpPlan, subgraphs) == 20,
              "op plan");
static_assert(sizeof(PlanBuffer) == 20 && offsetof(PlanBuffer, first) == 16, "planner buffer");
static_assert(kArenaAlignment == 8, "allocation unit");

}  // namespace strata

// Referenced by the host test so the file is not dropped from the binary.
int StrataArenaLayoutChecked() { return 1; }
