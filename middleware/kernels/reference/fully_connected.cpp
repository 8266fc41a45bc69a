#include "reference/fully_connected.hpp"

#include "common/hybrid_quantize.hpp"
#include "common/int4.hpp"
#include "common/quant_math.hpp"
#include "common/requantize_16x8.hpp"

namespace strata {
namespace kernels {
namespace reference {

namespace {

// Inlined into both entry points, so fully_connected_float32 stays one function (no extra call).
template <typename W, typename B>
__attribute__((always_inline)) inline void fully_connected_float(const FullyConnectedParams& p,
                                                                 const float* input,
                                                                 const W* weights, const B* bias,
                                                                 float* output) {
  for (int32_t b = 0; b < p.batches; ++b) {
    const float* x = input + b * p.accum_depth;
    for (int32_t u = 0; u < p.units; ++u) {
      const W* w = weights + u * p.accum_depth;
      float acc = 0.0f;
      for (int32_t d = 0; d < p.accum_depth; ++d) acc += x[d] * weight_value(w[d]);
      acc += bias != nullptr ? weight_value(bias[u]) : 0.0f;
      acc = acc < p.act_min_f ? p.act_min_f : (acc > p.act_max_f ? p.act_max_f : acc);
      output[b * p.units + u] = acc;
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

void fully_connected_int8(const FullyConnectedParams& p, const ChannelQuant& q, const int8_t* input,
                          const int8_t* weights, const int32_t* bias, int8_t* output) {
  for (int32_t b = 0; b < p.batches; ++b) {
    const int8_t* x = input + b * p.accum_depth;
    for (int32_t u = 0; u < p.units; ++u) {
      const int8_t* w = weights + u * p.accum_depth;
      int32_t acc = 0;
      for (int32_t d = 0; d < p.accum_depth; ++d) acc += w[d] * (x[d] + p.input_offset);
      if (bias != nullptr) acc += bias[u];
      const int32_t ch = q.per_channel ? u : 0;
      acc = multiply_by_quantized_multiplier(acc, q.multiplier[ch], q.shift[ch]);
      output[b * p.units + u] =
          static_cast<int8_t>(clamp_i32(acc + p.output_offset, p.act_min, p.act_max));
    }
  }
}

void fully_connected_int16(const FullyConnectedParams& p, const ChannelQuant& q, bool wide,
                           const int16_t* input, const int8_t* weights, const void* bias,
                           int16_t* output) {
  for (int32_t b = 0; b < p.batches; ++b) {
    const int16_t* x = input + b * p.accum_depth;
    for (int32_t u = 0; u < p.units; ++u) {
      const int8_t* w = weights + u * p.accum_depth;
      int64_t sum = 0;  // int16 tensors have zero point 0: no offsets
      for (int32_t d = 0; d < p.accum_depth; ++d) sum += w[d] * x[d];
      const int32_t ch = q.per_channel ? u : 0;
      const int32_t v = requantize_16x8(sum, bias, u, wide, q.multiplier[ch], q.shift[ch]);
      output[b * p.units + u] = static_cast<int16_t>(clamp_i32(v, p.act_min, p.act_max));
    }
  }
}

void fully_connected_hybrid(const FullyConnectedParams& p, const HybridWeights& hw,
                            const float* input, const int8_t* weights, const float* bias,
                            float* output, int8_t* scratch) {
  for (int32_t b = 0; b < p.batches; ++b) {
    const float* x = input + b * p.accum_depth;
    const DynamicQuant dq = hw.asymmetric_inputs ? quantize_asymmetric(x, p.accum_depth, scratch)
                                                 : quantize_symmetric(x, p.accum_depth, scratch);
    for (int32_t u = 0; u < p.units; ++u) {
      const int8_t* w = weights + u * p.accum_depth;
      int32_t acc = 0;
      for (int32_t d = 0; d < p.accum_depth; ++d) acc += w[d] * (scratch[d] - dq.zero_point);
      const float scale = hw.filter_scales[hw.per_channel ? u : 0] * dq.scale;
      float v = static_cast<float>(acc) * scale + (bias != nullptr ? bias[u] : 0.0f);
      v = v < p.act_min_f ? p.act_min_f : (v > p.act_max_f ? p.act_max_f : v);
      output[b * p.units + u] = v;
    }
  }
}

namespace fully_connected {

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  return fully_connected_prepare(ctx, req, op_data, nullptr);
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
  fully_connected_int8(
      d.params, fully_connected_channel_quant(d), static_cast<const int8_t*>(call.input(0)),
      static_cast<const int8_t*>(call.input(1)),
      static_cast<const int32_t*>(call.optional_input(2)), static_cast<int8_t*>(call.output(0)));
}

void invoke_int16(const OpCall& call) {
  const FullyConnectedOpData& d = call.data<FullyConnectedOpData>();
  fully_connected_int16(
      d.params, fully_connected_channel_quant(d), (d.flags & kWideAccumulator) != 0,
      static_cast<const int16_t*>(call.input(0)), static_cast<const int8_t*>(call.input(1)),
      call.optional_input(2), static_cast<int16_t*>(call.output(0)));
}

// The packed int4 weights are unpacked into scratch on every invoke (no persistent copy).
void invoke_int4(const OpCall& call) {
  const FullyConnectedOpData& d = call.data<FullyConnectedOpData>();
  int8_t* weights = static_cast<int8_t*>(call.scratch());
  unpack_int4(call.input(1), static_cast<uint32_t>(d.params.units * d.params.accum_depth), weights);
  fully_connected_int8(d.params, fully_connected_channel_quant(d),
                       static_cast<const int8_t*>(call.input(0)), weights,
                       static_cast<const int32_t*>(call.optional_input(2)),
                       static_cast<int8_t*>(call.output(0)));
}

void invoke_hybrid(const OpCall& call) {
  const FullyConnectedOpData& d = call.data<FullyConnectedOpData>();
  fully_connected_hybrid(
      d.params, fully_connected_hybrid_weights(d), static_cast<const float*>(call.input(0)),
      static_cast<const int8_t*>(call.input(1)), static_cast<const float*>(call.optional_input(2)),
      static_cast<float*>(call.output(0)), static_cast<int8_t*>(call.scratch()));
}

}  // namespace fully_connected

}  // namespace reference
}  // namespace kernels
}  // namespace strata
