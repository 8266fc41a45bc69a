// Ops whose output is their input with another shape (RESHAPE, SQUEEZE, EXPAND_DIMS): the output
// shares the input's bytes, so normally nothing runs; invoke copies only where the interpreter
// keeps the two apart (e.g. a constant input).
#pragma once

#include "kernel.hpp"

namespace strata {
namespace kernels {

// After the op's own shape checks: same type and byte size for input 0 and output 0, variant
// `any`, output aliased to the input, the byte count as op data.
Status prepare_alias(const OpContext& ctx, OpRequirements* req, void* op_data);

// The copy for the cases the interpreter cannot alias.
void invoke_alias_copy(const OpCall& call);

}  // namespace kernels
}  // namespace strata
