#include "common/arithmetic_params.hpp"

#include "common/quant_math.hpp"

namespace strata {
namespace kernels {
namespace {

// Offsets and the activation's clamp range in the output's quantized domain.
bool set_offsets_and_range(const BinaryQuant& q, FusedActivation act, ArithmeticParams* p) {
  *p = ArithmeticParams{};
  QuantRange r;
  if (!activation_range_quantized(act, q.out_scale, q.out_zero_point, q.qmin, q.qmax, &r)) {
    return false;
  }
  p->input1_offset = -q.zero_point1;
  p->input2_offset = -q.zero_point2;
  p->output_offset = q.out_zero_point;
  p->act_min = r.min;
  p->act_max = r.max;
  return true;
}

int8_t quantize_into(double real, int32_t* multiplier) {
  int shift = 0;
  quantize_multiplier(real, multiplier, &shift);
  return static_cast<int8_t>(shift);
}

// TFLite's QuantizeMultiplierSmallerThanOneExp: the multiplier must come out below 1.
bool quantize_below_one(double real, int32_t* multiplier, int8_t* shift) {
  *shift = quantize_into(real, multiplier);
  return *shift <= 0;
}

// The left shift of ADD and SUB: 20 bits of headroom for int8, 15 for int16 (65535 << 15 still
// fits the 32-bit sum).
int32_t add_left_shift(const BinaryQuant& q) { return q.qmax > 127 ? 15 : 20; }

}  // namespace

bool compute_add_params(const BinaryQuant& q, FusedActivation act, ArithmeticParams* p) {
  if (!set_offsets_and_range(q, act, p)) return false;
  p->left_shift = add_left_shift(q);
  const double twice_max = 2.0 * static_cast<double>(q.scale1 > q.scale2 ? q.scale1 : q.scale2);
  const double real_out = twice_max / ((1 << p->left_shift) * static_cast<double>(q.out_scale));
  return quantize_below_one(static_cast<double>(q.scale1) / twice_max, &p->input1_multiplier,
                            &p->input1_shift) &&
         quantize_below_one(static_cast<double>(q.scale2) / twice_max, &p->input2_multiplier,
                            &p->input2_shift) &&
         quantize_below_one(real_out, &p->output_multiplier, &p->output_shift);
}

bool compute_sub_params(const BinaryQuant& q, FusedActivation act, ArithmeticParams* p) {
  if (!set_offsets_and_range(q, act, p)) return false;
  p->left_shift = add_left_shift(q);
  const float twice_max = 2.0f * (q.scale1 > q.scale2 ? q.scale1 : q.scale2);
  const float real_out = twice_max / (static_cast<float>(1 << p->left_shift) * q.out_scale);
  return quantize_below_one(static_cast<double>(q.scale1 / twice_max), &p->input1_multiplier,
                            &p->input1_shift) &&
         quantize_below_one(static_cast<double>(q.scale2 / twice_max), &p->input2_multiplier,
                            &p->input2_shift) &&
         quantize_below_one(static_cast<double>(real_out), &p->output_multiplier, &p->output_shift);
}

bool compute_mul_params(const BinaryQuant& q, FusedActivation act, ArithmeticParams* p) {
  if (!set_offsets_and_range(q, act, p)) return false;
  const double real = static_cast<double>(q.scale1) * static_cast<double>(q.scale2) /
                      static_cast<double>(q.out_scale);
  p->output_shift = quantize_into(real, &p->output_multiplier);
  return true;
}

bool compute_div_params(const BinaryQuant& q, FusedActivation act, ArithmeticParams* p) {
  if (!set_offsets_and_range(q, act, p)) return false;
  // Single precision, as TFLite's DIV computes it.
  const float real = q.scale1 / (q.scale2 * q.out_scale);
  p->output_shift = quantize_into(static_cast<double>(real), &p->output_multiplier);
  return true;
}

bool compute_squared_difference_params(const BinaryQuant& q, ArithmeticParams* p) {
  if (!set_offsets_and_range(q, FusedActivation::kNone, p)) return false;
  // 7 bits keep 255^2 << 14 within 32 bits for int8; int16 values have no room to shift.
  p->left_shift = q.qmax > 127 ? 0 : 7;
  const double twice_max = 2.0 * static_cast<double>(q.scale1 > q.scale2 ? q.scale1 : q.scale2);
  const float shifted_out_scale = static_cast<float>(1 << (2 * p->left_shift)) * q.out_scale;
  const double real_out = twice_max * twice_max / static_cast<double>(shifted_out_scale);
  p->output_shift = quantize_into(real_out, &p->output_multiplier);
  return quantize_below_one(static_cast<double>(q.scale1) / twice_max, &p->input1_multiplier,
                            &p->input1_shift) &&
         quantize_below_one(static_cast<double>(q.scale2) / twice_max, &p->input2_multiplier,
                            &p->input2_shift);
}

bool compute_comparison_params(const BinaryQuant& q, ArithmeticParams* p) {
  *p = ArithmeticParams{};
  p->input1_offset = -q.zero_point1;
  p->input2_offset = -q.zero_point2;
  p->left_shift = 8;
  return quantize_below_one(static_cast<double>(q.scale1), &p->input1_multiplier,
                            &p->input1_shift) &&
         quantize_below_one(static_cast<double>(q.scale2), &p->input2_multiplier, &p->input2_shift);
}

bool compute_arithmetic_params_float(FusedActivation act, ArithmeticParams* p) {
  *p = ArithmeticParams{};
  FloatRange r;
  if (!activation_range_float(act, &r)) return false;
  p->act_min_f = r.min;
  p->act_max_f = r.max;
  return true;
}

bool compute_arithmetic_params_int32(FusedActivation act, ArithmeticParams* p) {
  *p = ArithmeticParams{};
  // A scale of 1 and zero point 0 make the quantized range the integer one.
  QuantRange r;
  if (!activation_range_quantized(act, 1.0f, 0, INT32_MIN, INT32_MAX, &r)) return false;
  p->act_min = r.min;
  p->act_max = r.max;
  return true;
}

}  // namespace kernels
}  // namespace strata
