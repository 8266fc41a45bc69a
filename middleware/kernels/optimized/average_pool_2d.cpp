#include "common/pool_op.hpp"
#include "optimized/arm_dsp_shim.hpp"
#include "optimized/int8_dot.hpp"
#include "optimized/pooling.hpp"
#include "optimized/requantize.hpp"

namespace strata {
namespace kernels {
namespace optimized {

void average_pool_2d_float32(const PoolParams& p, const Dims4& in, const float* input,
                             const Dims4& out, float* output) {
  for (int32_t b = 0; b < out.n; ++b) {
    const float* batch = input + b * in.h * in.w * in.c;
    for (int32_t oy = 0; oy < out.h; ++oy) {
      for (int32_t ox = 0; ox < out.w; ++ox, output += in.c) {
        const PoolWindow w = pool_window_at(p, in, oy, ox);
        // The reference divides by a float count accumulated per element; same value here.
        const float count = static_cast<float>(w.count());
        for (int32_t c = 0; c < in.c; ++c) {
          float sum = 0.0f;
          for (int32_t y = w.y0; y < w.y1; ++y) {
            const float* src = batch + (y * in.w + w.x0) * in.c + c;
            for (int32_t x = w.x0; x < w.x1; ++x, src += in.c) sum += *src;
          }
          float avg = count > 0.0f ? sum / count : 0.0f;
          avg = avg < p.act_min_f ? p.act_min_f : (avg > p.act_max_f ? p.act_max_f : avg);
          output[c] = avg;
        }
      }
    }
  }
}

namespace {

// Largest window whose int16 lane sums cannot overflow (256 * -128 = INT16_MIN).
constexpr int32_t kMaxSimdTaps = 256;

inline int32_t rounded_average(int32_t sum, int32_t count) {
  return sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count;
}

// Sums of channels c..c+3 over the window in two words: (c, c+2) and (c+1, c+3) as int16 pairs.
void sum4(const int8_t* batch, const Dims4& in, const PoolWindow& w, int32_t c, int32_t* sums) {
  uint32_t even = 0;
  uint32_t odd = 0;
  for (int32_t y = w.y0; y < w.y1; ++y) {
    const int8_t* src = batch + (y * in.w + w.x0) * in.c + c;
    for (int32_t x = w.x0; x < w.x1; ++x, src += in.c) {
      const uint32_t v = load_u32(src);
      even = dsp::sxtab16(even, v);
      odd = dsp::sxtab16_ror8(odd, v);
    }
  }
  sums[0] = static_cast<int16_t>(even & 0xFFFFu);
  sums[1] = static_cast<int16_t>(odd & 0xFFFFu);
  sums[2] = static_cast<int16_t>(even >> 16);
  sums[3] = static_cast<int16_t>(odd >> 16);
}

int32_t sum1(const int8_t* batch, const Dims4& in, const PoolWindow& w, int32_t c) {
  int32_t sum = 0;
  for (int32_t y = w.y0; y < w.y1; ++y) {
    const int8_t* src = batch + (y * in.w + w.x0) * in.c + c;
    for (int32_t x = w.x0; x < w.x1; ++x, src += in.c) sum += *src;
  }
  return sum;
}

}  // namespace

void average_pool_2d_int8(const PoolParams& p, const Dims4& in, const int8_t* input,
                          const Dims4& out, int8_t* output) {
  for (int32_t b = 0; b < out.n; ++b) {
    const int8_t* batch = input + b * in.h * in.w * in.c;
    for (int32_t oy = 0; oy < out.h; ++oy) {
      for (int32_t ox = 0; ox < out.w; ++ox, output += in.c) {
        const PoolWindow w = pool_window_at(p, in, oy, ox);
        const int32_t count = w.count();
        int32_t c = 0;
        int32_t sums[4];
        if (count <= kMaxSimdTaps) {
          for (; c + 4 <= in.c; c += 4) {
            sum4(batch, in, w, c, sums);
            for (int lane = 0; lane < 4; ++lane) {
              const int32_t avg = count > 0 ? rounded_average(sums[lane], count) : 0;
              output[c + lane] = static_cast<int8_t>(clamp_output(avg, p.act_min, p.act_max));
            }
          }
        }
        for (; c < in.c; ++c) {
          const int32_t avg = count > 0 ? rounded_average(sum1(batch, in, w, c), count) : 0;
          output[c] = static_cast<int8_t>(clamp_output(avg, p.act_min, p.act_max));
        }
      }
    }
  }
}

namespace average_pool_2d {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return pool_prepare(ctx, req, op_data);
}
void invoke_float32(const OpCall& call) { pool_invoke_float32<average_pool_2d_float32>(call); }
void invoke_int8(const OpCall& call) { pool_invoke_int8<average_pool_2d_int8>(call); }

}  // namespace average_pool_2d

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
