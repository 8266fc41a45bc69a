#include "common/arithmetic_op.hpp"
#include "common/quant_math.hpp"
#include "optimized/arithmetic.hpp"
#include "optimized/arm_dsp_shim.hpp"
#include "optimized/requantize.hpp"
#include "reference/arithmetic.hpp"

namespace strata {
namespace kernels {
namespace optimized {
namespace {

// The reference's rescaled input for every int8 value v: (offset + v) << left_shift, times the
// input multiplier.
void fill_table(int32_t offset, int32_t left_shift, int32_t multiplier, int32_t shift,
                int32_t* table) {
  for (int32_t v = -128; v <= 127; ++v) {
    table[v + 128] = reference::rescale_input(v, offset, left_shift, multiplier, shift);
  }
}

template <bool kFast>
void add_with_tables(const ArithmeticParams& p, int32_t count, const int8_t* a, const int8_t* b,
                     int8_t* out, const int32_t* t1, const int32_t* t2) {
  const ChannelRequant r =
      kFast ? make_channel_requant(p.output_multiplier, p.output_shift, p.output_offset)
            : ChannelRequant{};
  const bool full = p.act_min == -128 && p.act_max == 127;
  for (int32_t i = 0; i < count; ++i) {
    const int32_t sum = t1[a[i]] + t2[b[i]];
    const int32_t v =
        kFast ? requantize_fast(sum, r)
              : requantize_any(sum, p.output_multiplier, p.output_shift, p.output_offset);
    out[i] = static_cast<int8_t>(full ? dsp::ssat<8>(v) : clamp_output(v, p.act_min, p.act_max));
  }
}

// The table path on `count` elements. Not inlined into add_int8: with the count a parameter the
// element loop keeps its pointers and count in registers.
__attribute__((noinline)) void add_int8_tables(const ArithmeticParams& p, int32_t count,
                                               const int8_t* a, const int8_t* b, int8_t* out,
                                               void* scratch) {
  int32_t* t1 = static_cast<int32_t*>(scratch);
  int32_t* t2 = t1 + 256;
  fill_table(p.input1_offset, p.left_shift, p.input1_multiplier, p.input1_shift, t1);
  fill_table(p.input2_offset, p.left_shift, p.input2_multiplier, p.input2_shift, t2);
  // Index with +128 folded into the table pointers: entries for v = -128..127.
  if (fast_requant_ok(p.output_multiplier, p.output_shift)) {
    add_with_tables<true>(p, count, a, b, out, t1 + 128, t2 + 128);
  } else {
    add_with_tables<false>(p, count, a, b, out, t1 + 128, t2 + 128);
  }
}

}  // namespace

uint32_t add_int8_scratch_bytes(int32_t count, bool broadcasts) {
  return !broadcasts && count >= kAddTableMinCount ? 2u * 256u * sizeof(int32_t) : 0u;
}

void add_int8(const ArithmeticParams& p, const BroadcastPlan& plan, const int8_t* a,
              const int8_t* b, int8_t* out, void* scratch) {
  if (plan.rank != 0 || plan.count < kAddTableMinCount || scratch == nullptr) {
    reference::add_int8(p, plan, a, b, out);
    return;
  }
  add_int8_tables(p, plan.count, a, b, out, scratch);
}

namespace add {

// The float32 variant is the reference kernel's (ADD float32 is memory-bound): the manifest lists
// only int8 here, so float32 operators fall back to the reference backend.
Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data) {
  STRATA_RETURN_IF_ERROR(arithmetic_prepare(ctx, req, op_data, ArithmeticKind::kAdd));
  if (req->variant == Variant::kInt8) {
    const bool broadcasts = ctx.input(0).elements != ctx.output(0).elements ||
                            ctx.input(1).elements != ctx.output(0).elements;
    req->scratch_bytes =
        add_int8_scratch_bytes(static_cast<int32_t>(ctx.output(0).elements), broadcasts);
  }
  return Status::Ok();
}

void invoke_int8(const OpCall& call) {
  const ArithmeticOpData& d = call.data<ArithmeticOpData>();
  add_int8(d.params, d.plan, static_cast<const int8_t*>(call.input(0)),
           static_cast<const int8_t*>(call.input(1)), static_cast<int8_t*>(call.output(0)),
           call.scratch());
}

}  // namespace add

}  // namespace optimized
}  // namespace kernels
}  // namespace strata
