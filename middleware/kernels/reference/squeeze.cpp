// SQUEEZE: removes size-1 dimensions (those listed in squeeze_dims, or all of them when the list
// is empty); the output aliases the input (common/alias_op.hpp).
#include "common/alias_op.hpp"
#include "common/op_checks.hpp"
#include "strata/model.hpp"
#include "tflite_generated.h"

namespace strata {
namespace kernels {
namespace reference {
namespace squeeze {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 1, 1));
  const TensorView& in = ctx.input(0);
  const TensorView& out = ctx.output(0);
  const auto* o = ctx.op != nullptr ? ctx.op->builtin_options_as_SqueezeOptions() : nullptr;
  const flatbuffers::Vector<int32_t>* listed = o != nullptr ? o->squeeze_dims() : nullptr;
  bool squeezed[kMaxRank] = {};
  if (listed == nullptr || listed->size() == 0) {
    for (int32_t d = 0; d < in.rank; ++d) squeezed[d] = in.dims[d] == 1;
  } else {
    for (uint32_t i = 0; i < listed->size(); ++i) {
      const int32_t raw = listed->Get(i);
      const int32_t d = raw < 0 ? raw + in.rank : raw;
      if (d < 0 || d >= in.rank || in.dims[d] != 1) {
        return OpError(ctx, StatusCode::kMalformedModel,
                       "squeeze dimension %d is not a size-1 dimension of the rank-%d input",
                       static_cast<int>(raw), static_cast<int>(in.rank));
      }
      squeezed[d] = true;
    }
  }
  int32_t kept = 0;  // output dims matched so far
  bool same = true;
  for (int32_t d = 0; d < in.rank; ++d) {
    if (squeezed[d]) continue;
    same = same && kept < out.rank && out.dims[kept] == in.dims[d];
    ++kept;
  }
  if (!same || kept != out.rank) {
    return OpError(ctx, StatusCode::kMalformedModel,
                   "output shape is not the input's with its size-1 dimensions removed");
  }
  return prepare_alias(ctx, req, op_data);
}

void invoke_any(const OpCall& call) { invoke_alias_copy(call); }

}  // namespace squeeze
}  // namespace reference
}  // namespace kernels
}  // namespace strata
