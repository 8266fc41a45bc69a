// L2_POOL_2D (float32 only, as in TensorFlow Lite): sqrt(sum of squares / count) over each window,
// clipped to the input like the other pooling ops, then the fused activation clamp.
#include <cmath>

#include "common/op_checks.hpp"
#include "common/pool_op.hpp"

namespace strata {
namespace kernels {
namespace reference {
namespace l2_pool_2d {
namespace {

void l2_pool_2d_float32(const PoolParams& p, const Dims4& in, const float* input, const Dims4& out,
                        float* output) {
  for (int32_t b = 0; b < out.n; ++b) {
    for (int32_t oy = 0; oy < out.h; ++oy) {
      for (int32_t ox = 0; ox < out.w; ++ox) {
        const PoolWindow w = pool_window_at(p, in, oy, ox);
        for (int32_t c = 0; c < out.c; ++c) {
          float sum = 0.0f;
          for (int32_t y = w.y0; y < w.y1; ++y) {
            for (int32_t x = w.x0; x < w.x1; ++x) {
              const float v = input[offset4(in, b, y, x, c)];
              sum += v * v;
            }
          }
          // An empty window divides 0 by 0 as TFLite does: NaN.
          float l2 = std::sqrt(sum / static_cast<float>(w.count()));
          l2 = l2 < p.act_min_f ? p.act_min_f : (l2 > p.act_max_f ? p.act_max_f : l2);
          output[offset4(out, b, oy, ox, c)] = l2;
        }
      }
    }
  }
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  STRATA_RETURN_IF_ERROR(check_arity(ctx, 1, 1));
  STRATA_RETURN_IF_ERROR(check_type(ctx, ctx.input(0), "input", DataType::kFloat32));
  return pool_prepare(ctx, req, op_data);
}

void invoke_float32(const OpCall& call) { pool_invoke_float32<l2_pool_2d_float32>(call); }

}  // namespace l2_pool_2d
}  // namespace reference
}  // namespace kernels
}  // namespace strata
