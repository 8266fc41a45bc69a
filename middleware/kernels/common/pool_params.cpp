#include "common/pool_params.hpp"

namespace strata {
namespace kernels {

bool compute_pool_geometry(Padding padding, int32_t stride_h, int32_t stride_w, int32_t filter_h,
                           int32_t filter_w, int32_t in_h, int32_t in_w, PoolParams* p,
                           int32_t* out_h, int32_t* out_w) {
  PaddingResult ph;
  PaddingResult pw;
  if (!compute_padding(padding, in_h, filter_h, stride_h, 1, &ph)) return false;
  if (!compute_padding(padding, in_w, filter_w, stride_w, 1, &pw)) return false;
  if (stride_h > 32767 || stride_w > 32767 || filter_h > 32767 || filter_w > 32767) return false;
  p->stride_h = static_cast<int16_t>(stride_h);
  p->stride_w = static_cast<int16_t>(stride_w);
  p->filter_h = static_cast<int16_t>(filter_h);
  p->filter_w = static_cast<int16_t>(filter_w);
  p->pad_h = static_cast<int16_t>(ph.before);
  p->pad_w = static_cast<int16_t>(pw.before);
  *out_h = ph.out_size;
  *out_w = pw.out_size;
  return true;
}

bool compute_pool_activation(FusedActivation act, DataType type, float out_scale, int32_t out_zp,
                             PoolParams* p) {
  FloatRange fr;
  if (!activation_range_float(act, &fr)) return false;
  p->act_min_f = fr.min;
  p->act_max_f = fr.max;
  const bool is_int16 = type == DataType::kInt16;
  p->act_min = is_int16 ? -32768 : -128;
  p->act_max = is_int16 ? 32767 : 127;
  if (type != DataType::kInt8 && !is_int16) return true;
  QuantRange qr;
  if (!activation_range_quantized(act, out_scale, out_zp, p->act_min, p->act_max, &qr)) {
    return false;
  }
  p->act_min = qr.min;
  p->act_max = qr.max;
  return true;
}

}  // namespace kernels
}  // namespace strata
