#include "common/arithmetic_params.hpp"

#include "common/quant_math.hpp"

namespace strata {
namespace kernels {
namespace {

void clear(ArithmeticParams* p) { *p = ArithmeticParams{}; }

bool set_quant_common(int32_t zp1, int32_t zp2, float out_scale, int32_t out_zp,
                      FusedActivation act, ArithmeticParams* p) {
  QuantRange r;
  if (!activation_range_quantized(act, out_scale, out_zp, -128, 127, &r)) return false;
  p->input1_offset = -zp1;
  p->input2_offset = -zp2;
  p->output_offset = out_zp;
  p->act_min = r.min;
  p->act_max = r.max;
  return true;
}

int8_t quantize_into(double real, int32_t* multiplier) {
  int shift = 0;
  quantize_multiplier(real, multiplier, &shift);
  return static_cast<int8_t>(shift);
}

}  // namespace

bool compute_broadcast(const int32_t* dims1, int32_t rank1, const int32_t* dims2, int32_t rank2,
                       Broadcast4* b) {
  if (rank1 > 4 || rank2 > 4 || rank1 < 0 || rank2 < 0) return false;
  int32_t d1[4];
  int32_t d2[4];
  for (int i = 0; i < 4; ++i) {
    const int i1 = i - (4 - rank1);
    const int i2 = i - (4 - rank2);
    d1[i] = i1 >= 0 ? dims1[i1] : 1;
    d2[i] = i2 >= 0 ? dims2[i2] : 1;
    if (d1[i] != d2[i] && d1[i] != 1 && d2[i] != 1) return false;
    b->out[i] = d1[i] == 1 ? d2[i] : d1[i];  // a 1 broadcasts (also against 0)
  }
  int32_t s1 = 1;
  int32_t s2 = 1;
  for (int i = 3; i >= 0; --i) {
    b->stride1[i] = d1[i] == 1 ? 0 : s1;
    b->stride2[i] = d2[i] == 1 ? 0 : s2;
    s1 *= d1[i];
    s2 *= d2[i];
  }
  return true;
}

bool compute_add_params_int8(float scale1, int32_t zp1, float scale2, int32_t zp2, float out_scale,
                             int32_t out_zp, FusedActivation act, ArithmeticParams* p) {
  clear(p);
  if (!set_quant_common(zp1, zp2, out_scale, out_zp, act, p)) return false;
  p->left_shift = 20;
  const double twice_max = 2.0 * static_cast<double>(scale1 > scale2 ? scale1 : scale2);
  const double real1 = static_cast<double>(scale1) / twice_max;
  const double real2 = static_cast<double>(scale2) / twice_max;
  const double real_out = twice_max / ((1 << p->left_shift) * static_cast<double>(out_scale));
  p->input1_shift = quantize_into(real1, &p->input1_multiplier);
  p->input2_shift = quantize_into(real2, &p->input2_multiplier);
  p->output_shift = quantize_into(real_out, &p->output_multiplier);
  // All three multipliers are < 1 by construction; a positive shift means a broken scale.
  return p->input1_shift <= 0 && p->input2_shift <= 0 && p->output_shift <= 0;
}

bool compute_mul_params_int8(float scale1, int32_t zp1, float scale2, int32_t zp2, float out_scale,
                             int32_t out_zp, FusedActivation act, ArithmeticParams* p) {
  clear(p);
  if (!set_quant_common(zp1, zp2, out_scale, out_zp, act, p)) return false;
  const double real =
      static_cast<double>(scale1) * static_cast<double>(scale2) / static_cast<double>(out_scale);
  p->output_shift = quantize_into(real, &p->output_multiplier);
  return true;
}

bool compute_arithmetic_params_float(FusedActivation act, ArithmeticParams* p) {
  clear(p);
  FloatRange r;
  if (!activation_range_float(act, &r)) return false;
  p->act_min_f = r.min;
  p->act_max_f = r.max;
  return true;
}

}  // namespace kernels
}  // namespace strata
