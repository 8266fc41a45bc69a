#include "optimized/fully_connected.hpp"

#include "common/hybrid_quantize.hpp"
#include "common/weighted_op.hpp"
#include "optimized/fc_dot.hpp"
#include "optimized/fc_units_arm.hpp"
#include "optimized/float_block.hpp"
#include "optimized/requantize.hpp"

namespace strata {
namespace kernels {
namespace optimized {
namespace {

uint32_t vector_bytes(int32_t depth) { return static_cast<uint32_t>((depth + 3) / 4) * 8u; }

// Small layers take the no-scratch loops of fc_int8_tiny (their fixed cost is lower than the
// general path's; per unit the general path's assembly wins from a few units of depth > 8).
inline bool fc_small_layer(const FullyConnectedParams& p) {
  return p.accum_depth <= 8 || (p.accum_depth <= 16 && p.units <= 4);
}

// Longest input row widened at once (bounds the scratch of wide layers: micro_speech's 4000).
// Rows up to kFcWhole are widened whole (the assembly loop needs the whole row); longer ones in
// chunks of kFcChunk.
constexpr int32_t kFcWhole = 1024;
constexpr int32_t kFcChunk = 512;

// emit(unit, accumulator) for every weight row (rows `stride` bytes apart, `depth` of them used)
// against the widened vector x.
template <class Emit>
void int8_rows(const int8_t* w, int32_t stride, int32_t depth, int32_t units, const uint32_t* x,
               Emit&& emit) {
  int32_t u = 0;
#if STRATA_ARM_DSP
  const bool aligned = (reinterpret_cast<uintptr_t>(w) & 3u) == 0 && (stride & 3) == 0;
  if (aligned && depth >= 16) {
    const int32_t blocks = depth >> 4;
    const int32_t rest = depth & 15;
    for (; u < units; ++u) {
      const int8_t* row = w + u * stride;
      int32_t acc[1] = {fc_row_aligned(row, blocks, x, 0)};
      if (rest != 0) fc_rows<1>(row + 16 * blocks, stride, rest, x + 8 * blocks, acc);
      emit(u, acc[0]);
    }
    return;
  }
#endif
  for (; u + 4 <= units; u += 4) {
    int32_t acc[4] = {0, 0, 0, 0};
    fc_rows<4>(w + u * stride, stride, depth, x, acc);
    for (int r = 0; r < 4; ++r) emit(u + r, acc[r]);
  }
  for (; u < units; ++u) {
    int32_t acc[1] = {0};
    fc_rows<1>(w + u * stride, stride, depth, x, acc);
    emit(u, acc[0]);
  }
}

inline float clamp_f(float v, float lo, float hi) { return v < lo ? lo : (v > hi ? hi : v); }

}  // namespace

uint32_t fully_connected_int8_scratch_bytes(const FullyConnectedParams& p, bool per_channel) {
  const uint32_t units = static_cast<uint32_t>(p.units);
  if (fc_small_layer(p)) return 0;                                           // on the stack
  if (p.accum_depth > kFcWhole) return vector_bytes(kFcChunk) + units * 4u;  // chunks + sums
  const uint32_t table = static_cast<uint32_t>(sizeof(ChannelRequant)) * (per_channel ? units : 1u);
  return vector_bytes(p.accum_depth) + table;
}

bool fully_connected_int8_scratch_overlays_input(const FullyConnectedParams& p) {
  // Several batches: widening row b would overwrite row b + 1 before it is read.
  return !fc_small_layer(p) && p.accum_depth <= kFcWhole && p.batches == 1;
}

uint32_t fully_connected_hybrid_scratch_bytes(const FullyConnectedParams& p) {
  return ((static_cast<uint32_t>(p.accum_depth) + 7u) & ~7u) + vector_bytes(p.accum_depth);
}

namespace {

// One output: bias already in acc.
struct FcRequant {
  ChannelQuant q;
  int32_t zp, lo, hi;
  bool shared_fast;
  ChannelRequant shared;
  int8_t operator()(int32_t u, int32_t acc) const {
    int32_t v;
    if (shared_fast) {
      v = requantize_fast(acc, shared);
    } else {
      const int32_t ch = q.per_channel ? u : 0;
      v = requantize_any(acc, q.multiplier[ch], q.shift[ch], zp);
    }
    return static_cast<int8_t>(clamp_output(v, lo, hi));
  }
};

// Depth at most 8 (hello_world-sized layers): no widening pass, the depth a template constant
// (fully unrolled multiply-accumulates), kept out of line with the requantization constants as
// scalars so the whole loop stays in registers.
template <int D>
__attribute__((noinline)) void fc_int8_tiny_fast(const FullyConnectedParams& p, const int8_t* x,
                                                 const int8_t* w, const int32_t* bias,
                                                 ChannelRequant r, int8_t* out) {
  int32_t xo[D];
#pragma GCC unroll 8
  for (int d = 0; d < D; ++d) xo[d] = x[d] + p.input_offset;
  const int32_t lo = p.act_min;
  const int32_t hi = p.act_max;
  const int32_t units = p.units;
  for (int32_t u = 0; u < units; ++u, w += D) {
    int32_t acc = bias != nullptr ? bias[u] : 0;
#pragma GCC unroll 8
    for (int d = 0; d < D; ++d) acc += w[d] * xo[d];
    out[u] = static_cast<int8_t>(clamp_output(requantize_fast(acc, r), lo, hi));
  }
}

using TinyFc = void (*)(const FullyConnectedParams&, const int8_t*, const int8_t*, const int32_t*,
                        ChannelRequant, int8_t*);
constexpr TinyFc kTinyFc[8] = {fc_int8_tiny_fast<1>, fc_int8_tiny_fast<2>, fc_int8_tiny_fast<3>,
                               fc_int8_tiny_fast<4>, fc_int8_tiny_fast<5>, fc_int8_tiny_fast<6>,
                               fc_int8_tiny_fast<7>, fc_int8_tiny_fast<8>};

// Depth 9..16: the row widened once into registers (G groups of 4), SMLAD over it; no scratch,
// no table. The last group reads its weights byte by byte when the depth is ragged.
template <int G>
__attribute__((noinline)) void fc_int8_small_fast(const FullyConnectedParams& p, const int8_t* x,
                                                  const int8_t* w, const int32_t* bias,
                                                  ChannelRequant r, int8_t* out) {
  const int32_t depth = p.accum_depth;
  const int32_t tail = depth - 4 * (G - 1);  // 1..4 weights in the last group
  uint32_t xv[2 * G];
  expand_vector(x, depth, p.input_offset, xv);
  const int32_t lo = p.act_min;
  const int32_t hi = p.act_max;
  for (int32_t u = 0; u < p.units; ++u, w += depth) {
    int32_t acc = bias != nullptr ? bias[u] : 0;
#pragma GCC unroll 4
    for (int g = 0; g < G; ++g) {
      const uint32_t wv =
          g + 1 < G || tail == 4 ? load_u32(w + 4 * g) : load_tail_weights(w + 4 * g, tail);
      acc = dsp::smlad(dsp::sxtb16(wv), xv[2 * g], acc);
      acc = dsp::smlad(dsp::sxtb16_ror8(wv), xv[2 * g + 1], acc);
    }
    out[u] = static_cast<int8_t>(clamp_output(requantize_fast(acc, r), lo, hi));
  }
}

void fc_int8_tiny(const FullyConnectedParams& p, const ChannelQuant& q, const int8_t* x,
                  const int8_t* w, const int32_t* bias, int8_t* out) {
  if (p.accum_depth > 8 && !q.per_channel && fast_requant_ok(q.multiplier[0], q.shift[0])) {
    const ChannelRequant r = make_channel_requant(q.multiplier[0], q.shift[0], p.output_offset);
    if (p.accum_depth <= 12) {
      fc_int8_small_fast<3>(p, x, w, bias, r, out);
    } else {
      fc_int8_small_fast<4>(p, x, w, bias, r, out);
    }
    return;
  }
  if (p.accum_depth > 8) {  // slow requantization: widen through the general path's helpers
    uint32_t xv[8];
    expand_vector(x, p.accum_depth, p.input_offset, xv);
    for (int32_t u = 0; u < p.units; ++u, w += p.accum_depth) {
      int32_t acc[1] = {bias != nullptr ? bias[u] : 0};
      fc_rows<1>(w, p.accum_depth, p.accum_depth, xv, acc);
      const int32_t ch = q.per_channel ? u : 0;
      const int32_t v = requantize_any(acc[0], q.multiplier[ch], q.shift[ch], p.output_offset);
      out[u] = static_cast<int8_t>(clamp_output(v, p.act_min, p.act_max));
    }
    return;
  }
  if (!q.per_channel && fast_requant_ok(q.multiplier[0], q.shift[0])) {
    kTinyFc[p.accum_depth - 1](
        p, x, w, bias, make_channel_requant(q.multiplier[0], q.shift[0], p.output_offset), out);
    return;
  }
  for (int32_t u = 0; u < p.units; ++u, w += p.accum_depth) {
    int32_t acc = bias != nullptr ? bias[u] : 0;
    for (int32_t d = 0; d < p.accum_depth; ++d) acc += w[d] * (x[d] + p.input_offset);
    const int32_t ch = q.per_channel ? u : 0;
    const int32_t v = requantize_any(acc, q.multiplier[ch], q.shift[ch], p.output_offset);
    out[u] = static_cast<int8_t>(clamp_output(v, p.act_min, p.act_max));
  }
}

// Depth above kFcWhole: the input is widened a chunk at a time (bounded scratch); the sums of
// every unit carry across chunks.
void fc_int8_chunked(const FullyConnectedParams& p, const int8_t* x, const int8_t* w,
                     const int32_t* bias, const FcRequant& rq, int8_t* out, uint32_t* vec,
                     int32_t* sums) {
  for (int32_t u = 0; u < p.units; ++u) sums[u] = bias != nullptr ? bias[u] : 0;
  for (int32_t d0 = 0; d0 < p.accum_depth; d0 += kFcChunk) {
    const int32_t n = p.accum_depth - d0 < kFcChunk ? p.accum_depth - d0 : kFcChunk;
    expand_vector(x + d0, n, p.input_offset, vec);
    int8_rows(w + d0, p.accum_depth, n, p.units, vec,
              [sums](int32_t u, int32_t acc) { sums[u] += acc; });
  }
  for (int32_t u = 0; u < p.units; ++u) out[u] = rq(u, sums[u]);
}

// The assembly loop when the layer meets its preconditions (see fc_units_arm.hpp).
bool fc_int8_asm(const FullyConnectedParams& p, const ChannelQuant& q, const int8_t* w,
                 const int32_t* bias, const uint32_t* vec, int8_t* out, ChannelRequant* table) {
#if STRATA_ARM_DSP
  const bool aligned = (reinterpret_cast<uintptr_t>(w) & 3u) == 0 && (p.accum_depth & 15) == 0;
  const bool full = p.act_min == -128 && p.act_max == 127;
  const int32_t n = q.per_channel ? p.units : 1;
  if (!aligned || !full || bias == nullptr || !all_channels_fast(q, n)) return false;
  for (int32_t c = 0; c < n; ++c) {
    table[c] = make_channel_requant(q.multiplier[c], q.shift[c], p.output_offset);
  }
  const FcUnitsArgs args = {w,    vec,    p.accum_depth / 16,
                            bias, table,  q.per_channel ? int32_t{sizeof(ChannelRequant)} : 0,
                            out,  p.units};
  fc_units_fast(args);
  return true;
#else
  (void)p, (void)q, (void)w, (void)bias, (void)vec, (void)out, (void)table;
  return false;
#endif
}

}  // namespace

void fully_connected_int8(const FullyConnectedParams& p, const ChannelQuant& q, const int8_t* input,
                          const int8_t* weights, const int32_t* bias, int8_t* output,
                          void* scratch) {
  if (fc_small_layer(p)) {
    for (int32_t b = 0; b < p.batches; ++b) {
      fc_int8_tiny(p, q, input + b * p.accum_depth, weights, bias, output + b * p.units);
    }
    return;
  }
  FcRequant rq{q, p.output_offset, p.act_min, p.act_max, false, ChannelRequant{}};
  // Per-tensor weights (the usual case): one set of requantization constants for the layer.
  rq.shared_fast = !q.per_channel && fast_requant_ok(q.multiplier[0], q.shift[0]);
  if (rq.shared_fast)
    rq.shared = make_channel_requant(q.multiplier[0], q.shift[0], p.output_offset);
  auto* vec = static_cast<uint32_t*>(scratch);
  for (int32_t b = 0; b < p.batches; ++b) {
    // Each row is read whole (widened) before any of its outputs is written: in-place safe.
    const int8_t* x = input + b * p.accum_depth;
    int8_t* out = output + b * p.units;
    if (p.accum_depth > kFcWhole) {
      fc_int8_chunked(
          p, x, weights, bias, rq, out, vec,
          reinterpret_cast<int32_t*>(reinterpret_cast<uint8_t*>(vec) + vector_bytes(kFcChunk)));
      continue;
    }
    // From the end: the planner may have put vec over x (OpRequirements::scratch_overlay).
    expand_vector_from_end(x, p.accum_depth, p.input_offset, vec);
    auto* table = reinterpret_cast<ChannelRequant*>(reinterpret_cast<uint8_t*>(vec) +
                                                    vector_bytes(p.accum_depth));
    if (fc_int8_asm(p, q, weights, bias, vec, out, table)) continue;
    int8_rows(weights, p.accum_depth, p.accum_depth, p.units, vec, [&](int32_t u, int32_t acc) {
      out[u] = rq(u, acc + (bias != nullptr ? bias[u] : 0));
    });
  }
}

void fully_connected_hybrid(const FullyConnectedParams& p, const HybridWeights& hw,
                            const float* input, const int8_t* weights, const float* bias,
                            float* output, void* scratch) {
  int8_t* quantized = static_cast<int8_t*>(scratch);
  uint32_t* x = reinterpret_cast<uint32_t*>(quantized + ((p.accum_depth + 7) & ~7));
  for (int32_t b = 0; b < p.batches; ++b) {
    const float* src = input + b * p.accum_depth;
    const DynamicQuant dq = hw.asymmetric_inputs
                                ? quantize_asymmetric(src, p.accum_depth, quantized)
                                : quantize_symmetric(src, p.accum_depth, quantized);
    expand_vector(quantized, p.accum_depth, -dq.zero_point, x);
    float* out = output + b * p.units;
    int8_rows(weights, p.accum_depth, p.accum_depth, p.units, x, [&](int32_t u, int32_t acc) {
      const float scale = hw.filter_scales[hw.per_channel ? u : 0] * dq.scale;
      const float v = static_cast<float>(acc) * scale + (bias != nullptr ? bias[u] : 0.0f);
      out[u] = clamp_f(v, p.act_min_f, p.act_max_f);
    });
  }
}

namespace {

// W, B: float, or Half for a float16 model's weights and bias (float_block widens them).
template <typename W, typename B>
void fully_connected_float(const FullyConnectedParams& p, const float* input, const W* weights,
                           const B* bias, float* output) {
  const int32_t d = p.accum_depth;
  for (int32_t b = 0; b < p.batches; ++b) {
    const float* x = input + b * d;
    float* out = output + b * p.units;
    int32_t u = 0;
    float acc4[4][1];
    for (; u + 4 <= p.units; u += 4) {
      float_block<4, 1>(weights + u * d, d, d, x, acc4);
      for (int r = 0; r < 4; ++r) {
        out[u + r] = clamp_f(acc4[r][0] + (bias != nullptr ? weight_value(bias[u + r]) : 0.0f),
                             p.act_min_f, p.act_max_f);
      }
    }
    for (; u < p.units; ++u) {
      float acc1[1][1];
      float_block<1, 1>(weights + u * d, d, d, x, acc1);
      out[u] = clamp_f(acc1[0][0] + (bias != nullptr ? weight_value(bias[u]) : 0.0f), p.act_min_f,
                       p.act_max_f);
    }
  }
}

}  // namespace

void fully_connected_float32(const FullyConnectedParams& p, const float* input,
                             const float* weights, const float* bias, float* output) {
  fully_connected_float(p, input, weights, bias, output);
}

void fully_connected_float16(const FullyConnectedParams& p, const float* input, const Half* weights,
                             const void* bias, bool half_bias, float* output) {
  if (half_bias) {
    fully_connected_float(p, input, weights, static_cast<const Half*>(bias), output);
  } else {
    fully_connected_float(p, input, weights, static_cast<const float*>(bias), output);
  }
}

namespace fully_connected {
namespace {

// The float32 kernel needs no scratch.
uint32_t scratch_bytes(Variant v, const FullyConnectedParams& p, bool per_channel) {
  if (v == Variant::kInt8) return fully_connected_int8_scratch_bytes(p, per_channel);
  if (v == Variant::kHybrid) return fully_connected_hybrid_scratch_bytes(p);
  return 0;
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  STRATA_RETURN_IF_ERROR(fully_connected_prepare(ctx, req, op_data, scratch_bytes));
  const TensorView& weights = ctx.input(1);
  // Only the planner reads it (the check step, before op data exists).
  if (op_data == nullptr && req->variant == Variant::kInt8 && req->scratch_bytes != 0) {
    FullyConnectedParams shape{};  // what fully_connected_prepare validated: depth divides input
    shape.units = weights.dims[0];
    shape.accum_depth = weights.dims[1];
    shape.batches =
        static_cast<int32_t>(ctx.input(0).elements / static_cast<uint32_t>(weights.dims[1]));
    if (fully_connected_int8_scratch_overlays_input(shape)) {
      req->scratch_overlay = ScratchOverlay::kFromInputStart;
    }
  }
  // No -fwrapv here (it costs instructions): weights that could overflow the accumulator go to
  // the reference kernel, which wraps as TFLite does.
  if (req->variant == Variant::kInt8 &&
      !int8_accumulator_fits(weights, ctx.input(2), static_cast<uint32_t>(weights.dims[1]))) {
    req->use_fallback = true;
  }
  return Status::Ok();
}

void invoke_float32(const OpCall& call) {
  const FullyConnectedOpData& d = call.data<FullyConnectedOpData>();
  fully_connected_float32(
      d.params, static_cast<const float*>(call.input(0)), static_cast<const float*>(call.input(1)),
      static_cast<const float*>(call.optional_input(2)), static_cast<float*>(call.output(0)));
}

void invoke_float16(const OpCall& call) {
  const FullyConnectedOpData& d = call.data<FullyConnectedOpData>();
  fully_connected_float16(d.params, static_cast<const float*>(call.input(0)),
                          static_cast<const Half*>(call.input(1)), call.optional_input(2),
                          (d.flags & kHalfBias) != 0, static_cast<float*>(call.output(0)));
}

void invoke_int8(const OpCall& call) {
  const FullyConnectedOpData& d = call.data<FullyConnectedOpData>();
  fully_connected_int8(d.params, fully_connected_channel_quant(d),
                       static_cast<const int8_t*>(call.input(0)),
                       static_cast<const int8_t*>(call.input(1)),
                       static_cast<const int32_t*>(call.optional_input(2)),
                       static_cast<int8_t*>(call.output(0)), call.scratch());
}

void invoke_hybrid(const OpCall& call) {
  const FullyConnectedOpData& d = call.data<FullyConnectedOpData>();
  fully_connected_hybrid(
      d.params, fully_connected_hybrid_weights(d), static_cast<const float*>(call.input(0)),
      static_cast<const int8_t*>(call.input(1)), static_cast<const float*>(call.optional_input(2)),
      static_cast<float*>(call.output(0)), call.scratch());
}

}  // namespace fully_connected

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
