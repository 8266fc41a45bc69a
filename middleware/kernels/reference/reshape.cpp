// RESHAPE: the output is the input's bytes under the model's output shape (which the converter
// resolved from the shape input or the new_shape option); see common/alias_op.hpp.
#include "common/alias_op.hpp"
#include "common/op_checks.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace reshape {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 1, 2));
  return prepare_alias(ctx, req, op_data);
}

void invoke_any(const OpCall& call) { invoke_alias_copy(call); }

}  // namespace reshape
}  // namespace reference
}  // namespace kernels
}  // namespace strata
