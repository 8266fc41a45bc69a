#include "optimized/conv_2d.hpp"

#include "common/conv_op.hpp"
#include "common/hybrid_quantize.hpp"
#include "common/weighted_op.hpp"
#include "optimized/conv_plan.hpp"
#include "optimized/conv_sinks.hpp"

namespace strata {
namespace kernels {
namespace optimized {

uint32_t conv_2d_int8_scratch_bytes(const Dims4& in, const Dims4& filter, const Dims4& out) {
  const Int8ConvPlan plan = make_conv_plan(ConvParams{}, in, filter, out, 0);
  return align8u(requant_table_bytes(out.c)) + conv_engine_scratch_bytes(plan);
}

uint32_t conv_2d_hybrid_scratch_bytes(const Dims4& in, const Dims4& filter, const Dims4& out) {
  const Int8ConvPlan plan = make_conv_plan(ConvParams{}, in, filter, out, 0);
  const uint32_t batch = static_cast<uint32_t>(in.h * in.w * in.c);
  return align8u(batch) + conv_engine_scratch_bytes(plan);
}

void conv_2d_int8(const ConvParams& p, const ChannelQuant& q, const Dims4& in, const int8_t* input,
                  const Dims4& filter, const int8_t* weights, const int32_t* bias, const Dims4& out,
                  int8_t* output, void* scratch) {
  auto* table = static_cast<ChannelRequant*>(scratch);
  void* engine_scratch = static_cast<uint8_t*>(scratch) + align8u(requant_table_bytes(out.c));
  Int8Sink sink(p, q, bias, out.c, output, out.c, table);
  run_int8_conv(make_conv_plan(p, in, filter, out, p.input_offset), input, weights, engine_scratch,
                sink);
}

void conv_2d_hybrid(const ConvParams& p, const HybridWeights& hw, const Dims4& in,
                    const float* input, const Dims4& filter, const int8_t* weights,
                    const float* bias, const Dims4& out, float* output, void* scratch) {
  const int32_t batch_size = in.h * in.w * in.c;
  int8_t* quantized = static_cast<int8_t*>(scratch);
  void* engine_scratch = quantized + align8u(static_cast<uint32_t>(batch_size));
  const Dims4 one_batch = {1, in.h, in.w, in.c};
  for (int32_t b = 0; b < in.n; ++b) {
    const float* src = input + b * batch_size;
    // The whole batch is quantized before any output is written, so in-place use stays safe.
    const DynamicQuant dq = hw.asymmetric_inputs ? quantize_asymmetric(src, batch_size, quantized)
                                                 : quantize_symmetric(src, batch_size, quantized);
    HybridSink sink(p, hw, dq.scale, bias, output + b * out.h * out.w * out.c, out.c);
    run_int8_conv(make_conv_plan(p, one_batch, filter, out, -dq.zero_point), quantized, weights,
                  engine_scratch, sink);
  }
}

namespace conv_2d {
namespace {

uint32_t scratch_bytes(Variant v, const ConvParams&, const Dims4& in, const Dims4& filter,
                       const Dims4& out) {
  if (v == Variant::kInt8) return conv_2d_int8_scratch_bytes(in, filter, out);
  if (v == Variant::kHybrid) return conv_2d_hybrid_scratch_bytes(in, filter, out);
  return conv_2d_float32_scratch_bytes(in, filter, out);
}

}  // namespace

Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  STRATA_RETURN_IF_ERROR(conv_prepare(ctx, req, op_data, ConvKind::kConv2D, scratch_bytes));
  // No -fwrapv here (it costs instructions): weights that could overflow the accumulator go to
  // the reference kernel, which wraps as TFLite does.
  const TensorView& filter = ctx.input(1);
  if (req->variant == Variant::kInt8 &&
      !int8_accumulator_fits(
          filter, ctx.input(2),
          static_cast<uint32_t>(filter.dims[1]) * filter.dims[2] * filter.dims[3])) {
    req->use_fallback = true;
  }
  return Status::Ok();
}

void invoke_float32(const OpCall& call) {
  const ConvOpData& d = call.data<ConvOpData>();
  conv_2d_float32(d.params, d.input, static_cast<const float*>(call.input(0)), d.filter,
                  static_cast<const float*>(call.input(1)),
                  static_cast<const float*>(call.optional_input(2)), d.output,
                  static_cast<float*>(call.output(0)), call.scratch());
}

void invoke_float16(const OpCall& call) {
  const ConvOpData& d = call.data<ConvOpData>();
  conv_2d_float16(d.params, d.input, static_cast<const float*>(call.input(0)), d.filter,
                  static_cast<const Half*>(call.input(1)), call.optional_input(2),
                  (d.flags & kHalfBias) != 0, d.output, static_cast<float*>(call.output(0)),
                  call.scratch());
}

void invoke_int8(const OpCall& call) {
  const ConvOpData& d = call.data<ConvOpData>();
  conv_2d_int8(d.params, conv_channel_quant(d), d.input, static_cast<const int8_t*>(call.input(0)),
               d.filter, static_cast<const int8_t*>(call.input(1)),
               static_cast<const int32_t*>(call.optional_input(2)), d.output,
               static_cast<int8_t*>(call.output(0)), call.scratch());
}

void invoke_hybrid(const OpCall& call) {
  const ConvOpData& d = call.data<ConvOpData>();
  conv_2d_hybrid(
      d.params, conv_hybrid_weights(d), d.input, static_cast<const float*>(call.input(0)), d.filter,
      static_cast<const int8_t*>(call.input(1)), static_cast<const float*>(call.optional_input(2)),
      d.output, static_cast<float*>(call.output(0)), call.scratch());
}

}  // namespace conv_2d

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
