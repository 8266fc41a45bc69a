#include <cfloat>

#include "common/pool_op.hpp"
#include "common/quant_math.hpp"
#include "reference/pooling.hpp"

namespace strata {
namespace kernels {
namespace reference {
void max_pool_2d_float32(const PoolParams& p, const Dims4& in, const float* input, const Dims4& out,
                         float* output) {
  // Locals, not p's fields: a store through the output may alias p, which the compiler would then
  // reload for every element.
  const float act_min = p.act_min_f;
  const float act_max = p.act_max_f;
  for (int32_t b = 0; b < out.n; ++b) {
    for (int32_t oy = 0; oy < out.h; ++oy) {
      int32_t y0, y1;
      pool_window(oy, p.stride_h, p.pad_h, p.filter_h, in.h, &y0, &y1);
      for (int32_t ox = 0; ox < out.w; ++ox) {
        int32_t x0, x1;
        pool_window(ox, p.stride_w, p.pad_w, p.filter_w, in.w, &x0, &x1);
        for (int32_t c = 0; c < out.c; ++c) {
          float m = -FLT_MAX;
          for (int32_t y = y0; y < y1; ++y) {
            for (int32_t x = x0; x < x1; ++x) {
              const float v = input[offset4(in, b, y, x, c)];
              m = v > m ? v : m;
            }
          }
          m = m < act_min ? act_min : (m > act_max ? act_max : m);
          output[offset4(out, b, oy, ox, c)] = m;
        }
      }
    }
  }
}

namespace {

template <typename T>
void max_pool_quantized(const PoolParams& p, const Dims4& in, const T* input, const Dims4& out,
                        T* output) {
  // Locals, not p's fields: a store through an int8 output may alias p (see max_pool_2d_float32).
  const int32_t act_min = p.act_min;
  const int32_t act_max = p.act_max;
  for (int32_t b = 0; b < out.n; ++b) {
    for (int32_t oy = 0; oy < out.h; ++oy) {
      int32_t y0, y1;
      pool_window(oy, p.stride_h, p.pad_h, p.filter_h, in.h, &y0, &y1);
      for (int32_t ox = 0; ox < out.w; ++ox) {
        int32_t x0, x1;
        pool_window(ox, p.stride_w, p.pad_w, p.filter_w, in.w, &x0, &x1);
        for (int32_t c = 0; c < out.c; ++c) {
          int32_t m = -(1 << (8 * sizeof(T) - 1));  // the type's lowest
          for (int32_t y = y0; y < y1; ++y) {
            for (int32_t x = x0; x < x1; ++x) {
              const int32_t v = input[offset4(in, b, y, x, c)];
              m = v > m ? v : m;
            }
          }
          output[offset4(out, b, oy, ox, c)] = static_cast<T>(clamp_i32(m, act_min, act_max));
        }
      }
    }
  }
}

}  // namespace

void max_pool_2d_int8(const PoolParams& p, const Dims4& in, const int8_t* input, const Dims4& out,
                      int8_t* output) {
  max_pool_quantized(p, in, input, out, output);
}

void max_pool_2d_int16(const PoolParams& p, const Dims4& in, const int16_t* input, const Dims4& out,
                       int16_t* output) {
  max_pool_quantized(p, in, input, out, output);
}

namespace max_pool_2d {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return pool_prepare(ctx, req, op_data);
}
void invoke_float32(const OpCall& call) { pool_invoke_float32<max_pool_2d_float32>(call); }
void invoke_int8(const OpCall& call) { pool_invoke_int8<max_pool_2d_int8>(call); }
void invoke_int16(const OpCall& call) { pool_invoke_int16<max_pool_2d_int16>(call); }

}  // namespace max_pool_2d

}  // namespace reference
}  // namespace kernels
}  // namespace strata
