#include <cfloat>
#include <cstring>

#include "common/pool_op.hpp"
#include "optimized/arm_dsp_shim.hpp"
#include "optimized/int8_dot.hpp"
#include "optimized/pooling.hpp"

namespace strata {
namespace kernels {
namespace optimized {

void max_pool_2d_float32(const PoolParams& p, const Dims4& in, const float* input, const Dims4& out,
                         float* output) {
  const int32_t c_count = in.c;
  for (int32_t b = 0; b < out.n; ++b) {
    const float* batch = input + b * in.h * in.w * c_count;
    for (int32_t oy = 0; oy < out.h; ++oy) {
      for (int32_t ox = 0; ox < out.w; ++ox, output += c_count) {
        const PoolWindow w = pool_window_at(p, in, oy, ox);
        for (int32_t c = 0; c < c_count; ++c) {
          float m = -FLT_MAX;
          for (int32_t y = w.y0; y < w.y1; ++y) {
            const float* src = batch + (y * in.w + w.x0) * c_count + c;
            for (int32_t x = w.x0; x < w.x1; ++x, src += c_count) m = *src > m ? *src : m;
          }
          output[c] = m < p.act_min_f ? p.act_min_f : (m > p.act_max_f ? p.act_max_f : m);
        }
      }
    }
  }
}

namespace {

// Channels [c, c+4) of one window: 4 lanes per word.
uint32_t max4(const int8_t* batch, const Dims4& in, const PoolWindow& w, int32_t c) {
  uint32_t m = 0x80808080u;  // -128 in every lane
  for (int32_t y = w.y0; y < w.y1; ++y) {
    const int8_t* src = batch + (y * in.w + w.x0) * in.c + c;
    for (int32_t x = w.x0; x < w.x1; ++x, src += in.c) m = dsp::max_s8x4(load_u32(src), m);
  }
  return m;
}

int32_t max1(const int8_t* batch, const Dims4& in, const PoolWindow& w, int32_t c) {
  int32_t m = -128;
  for (int32_t y = w.y0; y < w.y1; ++y) {
    const int8_t* src = batch + (y * in.w + w.x0) * in.c + c;
    for (int32_t x = w.x0; x < w.x1; ++x, src += in.c) m = *src > m ? *src : m;
  }
  return m;
}

}  // namespace

void max_pool_2d_int8(const PoolParams& p, const Dims4& in, const int8_t* input, const Dims4& out,
                      int8_t* output) {
  // The activation clamp is a byte-wise max/min with constant words as well.
  const uint32_t lo = (static_cast<uint32_t>(p.act_min) & 0xFFu) * 0x01010101u;
  const bool clamp_hi = p.act_max < 127;
  for (int32_t b = 0; b < out.n; ++b) {
    const int8_t* batch = input + b * in.h * in.w * in.c;
    for (int32_t oy = 0; oy < out.h; ++oy) {
      for (int32_t ox = 0; ox < out.w; ++ox, output += out.c) {
        const PoolWindow w = pool_window_at(p, in, oy, ox);
        int32_t c = 0;
        for (; c + 4 <= in.c; c += 4) {
          uint32_t m = dsp::max_s8x4(max4(batch, in, w, c), lo);
          if (clamp_hi) {
            for (int lane = 0; lane < 4; ++lane) {
              const int8_t v = static_cast<int8_t>(m >> (8 * lane));
              output[c + lane] = static_cast<int8_t>(v > p.act_max ? p.act_max : v);
            }
          } else {
            std::memcpy(output + c, &m, 4);
          }
        }
        for (; c < in.c; ++c) {
          const int32_t m = max1(batch, in, w, c);
          output[c] =
              static_cast<int8_t>(m < p.act_min ? p.act_min : (m > p.act_max ? p.act_max : m));
        }
      }
    }
  }
}

namespace max_pool_2d {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return pool_prepare(ctx, req, op_data);
}
void invoke_float32(const OpCall& call) { pool_invoke_float32<max_pool_2d_float32>(call); }
void invoke_int8(const OpCall& call) { pool_invoke_int8<max_pool_2d_int8>(call); }

}  // namespace max_pool_2d

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
