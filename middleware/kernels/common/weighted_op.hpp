// The operand-type variants of the ops with weights (CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED,
// and for bias and quantization TRANSPOSE_CONV): they accept the same type combinations, biases
// and quantization, so they pick (and reject) them in one place.
#pragma once

#include <cstdint>

#include "common/conv_params.hpp"
#include "kernel.hpp"

namespace strata {
namespace kernels {

// Bit of the ops' flags (ConvOpData, FullyConnectedOpData): the int16 variant accumulates in 64
// bits and requantizes with multiply_by_quantized_multiplier_64 (TFLite's int64 bias); without
// it, in 32 bits with multiply_by_quantized_multiplier (an int32 bias, TFLite's
// quantized_bias_type). Bits 0 and 1 are kConvPerChannel and kConvAsymmetric (conv_op.hpp).
constexpr uint32_t kWideAccumulator = 1u << 2;
// Bit of the same flags: the float16-weights variant's bias is float16 too (else float32).
constexpr uint32_t kHalfBias = 1u << 3;

// The variant from the types of input 0 and the weights (input 1, named weights_role in the
// error): Variant::kFloat32 (all float32), kInt8 (all int8), kHybrid (float32 activations with
// int8 weights, quantized on the fly), kFloat16 (float32 activations with float16 weights, widened
// as they are read), kInt16 (int16 activations, int8 weights: "16x8") or kInt4
// (int8 activations, packed int4 weights); also requires the output type it implies.
Status pick_weighted_variant(const OpContext& ctx, const char* weights_role, Variant* v);

// int8, int16 and int4: integer arithmetic with per-channel requantization multipliers.
inline bool is_integer_variant(Variant v) {
  return v == Variant::kInt8 || v == Variant::kInt16 || v == Variant::kInt4;
}

// The optional bias (absent: !bias.present()): `channels` elements of float32 (float32, hybrid;
// float16 too: then kHalfBias is set in *flags),
// int32 (int8, int4) or, for int16, int64 or int32 (int32 only when `int32_for_int16`: the ops
// whose options have quantized_bias_type). Sets kWideAccumulator in *flags for an int16 op that
// accumulates in 64 bits: with an int64 bias, or with none when `wide_without_bias`.
Status check_weighted_bias(const OpContext& ctx, const TensorView& bias, Variant v,
                           int32_t channels, bool int32_for_int16, bool wide_without_bias,
                           uint32_t* flags);

// The quantization the variant needs and the output clamp: for the integer and hybrid variants,
// weights with one scale or one per channel, each positive with zero point 0 (symmetric); for
// the integer ones, `input` and output 0 quantized (int8, or int16 with zero point 0). Fills the
// zero-point offsets and the quantized or float clamp of `act` into *p.
Status prepare_weighted_quantization(const OpContext& ctx, Variant v, const TensorView& input,
                                     const TensorView& weights, int32_t channels,
                                     FusedActivation act, ConvParams* p);

// Whether an int8 kernel's 32-bit accumulator always holds bias + sum of `terms` products
// w * (x - input zero point) for every output, whatever the input: |x - zp| <= 255, so the bound is
// max |bias| + 255 * (sum of |w| over the weights of one output). The sum is first bounded by
// terms * 128 (no weight scan: true for every converter-made layer); only when that is not enough
// are the constant weights read, summing all of them (a bound on any one output's). A model that
// fails it is hostile or broken; a kernel compiled without -fwrapv must not run it.
bool int8_accumulator_fits(const TensorView& weights, const TensorView& bias, uint32_t terms);

}  // namespace kernels
}  // namespace strata
