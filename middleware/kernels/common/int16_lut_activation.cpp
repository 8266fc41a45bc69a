#include "common/int16_lut_activation.hpp"

namespace strata {
namespace kernels {
namespace {

// sigmoid(i / 24) in unsigned Q0.16, i = 0..255: the values of TensorFlow Lite's int16 sigmoid
// table. 43 of them are one above round(65536 * sigmoid(i / 24)), so no formula rebuilds them: they
// are given literally; bit-exactness with TFLite depends on every one of them.
const uint16_t kSigmoidTable[256] = {
    32768, 33451, 34133, 34813, 35493, 36169, 36843, 37513, 38180, 38841, 39498, 40149, 40794,
    41432, 42064, 42688, 43304, 43912, 44511, 45102, 45683, 46255, 46817, 47369, 47911, 48443,
    48964, 49475, 49975, 50464, 50942, 51409, 51865, 52311, 52745, 53169, 53581, 53983, 54374,
    54755, 55125, 55485, 55834, 56174, 56503, 56823, 57133, 57433, 57724, 58007, 58280, 58544,
    58800, 59048, 59288, 59519, 59743, 59959, 60168, 60370, 60565, 60753, 60935, 61110, 61279,
    61441, 61599, 61750, 61896, 62036, 62172, 62302, 62428, 62549, 62666, 62778, 62886, 62990,
    63090, 63186, 63279, 63368, 63454, 63536, 63615, 63691, 63765, 63835, 63903, 63968, 64030,
    64090, 64148, 64204, 64257, 64308, 64357, 64405, 64450, 64494, 64536, 64576, 64614, 64652,
    64687, 64721, 64754, 64786, 64816, 64845, 64873, 64900, 64926, 64950, 64974, 64997, 65019,
    65039, 65060, 65079, 65097, 65115, 65132, 65149, 65164, 65179, 65194, 65208, 65221, 65234,
    65246, 65258, 65269, 65280, 65291, 65301, 65310, 65319, 65328, 65337, 65345, 65352, 65360,
    65367, 65374, 65381, 65387, 65393, 65399, 65404, 65410, 65415, 65420, 65425, 65429, 65433,
    65438, 65442, 65445, 65449, 65453, 65456, 65459, 65462, 65465, 65468, 65471, 65474, 65476,
    65479, 65481, 65483, 65485, 65488, 65489, 65491, 65493, 65495, 65497, 65498, 65500, 65501,
    65503, 65504, 65505, 65507, 65508, 65509, 65510, 65511, 65512, 65513, 65514, 65515, 65516,
    65517, 65517, 65518, 65519, 65520, 65520, 65521, 65522, 65522, 65523, 65523, 65524, 65524,
    65525, 65525, 65526, 65526, 65526, 65527, 65527, 65528, 65528, 65528, 65529, 65529, 65529,
    65529, 65530, 65530, 65530, 65530, 65531, 65531, 65531, 65531, 65531, 65532, 65532, 65532,
    65532, 65532, 65532, 65533, 65533, 65533, 65533, 65533, 65533, 65533, 65533, 65534, 65534,
    65534, 65534, 65534, 65534, 65534, 65534, 65534, 65534, 65535};

// sigmoid(|x|) with `frac_bits` bits of interpolation between table entries, in unsigned
// Q0.(16 + frac_bits); saturates past the table's end.
uint32_t sigmoid_of_abs(uint32_t ax, int frac_bits, uint32_t saturated) {
  const uint32_t i = ax >> frac_bits;
  if (i >= 255) return saturated;
  const uint32_t a = kSigmoidTable[i];
  const uint32_t b = kSigmoidTable[i + 1];
  return (a << frac_bits) + (ax & ((1u << frac_bits) - 1)) * (b - a);
}

uint32_t abs_u32(int32_t x) {
  return x < 0 ? 0u - static_cast<uint32_t>(x) : static_cast<uint32_t>(x);
}

}  // namespace

LutInputScale lut_input_scale(int32_t fractional_bits) {
  // Table coordinate = x * 3 * 2^(12 - fractional_bits) / 2^9: one unit of the sigmoid's Q3.12
  // input is 24 / 2^9 table steps.
  const int32_t left = 12 - fractional_bits;
  if (left >= 0) return LutInputScale{3 << left, 0};
  return LutInputScale{3, -left};
}

int16_t sigmoid_int16_lut(int32_t scaled) {
  // 9 interpolation bits: Q0.25. sigmoid(-x) = 1 - sigmoid(x); the added 2^9 rounds the final
  // shift to Q0.15, and the mirrored branch rounds the same way from below.
  const uint32_t s = sigmoid_of_abs(abs_u32(scaled), 9, 0x7FFFu << 10);
  const uint32_t r = scaled >= 0 ? s + (1u << 9) : (1u << 25) - s + (1u << 9) - 1;
  return static_cast<int16_t>(r >> 10);
}

int16_t tanh_int16_lut(int32_t scaled) {
  // 8 interpolation bits: sigmoid(2|x|) in Q0.24; tanh = 2 * sigmoid - 1, i.e. s - 2^23 in Q1.23,
  // rounded (2^7) to Q0.15.
  const int32_t s = static_cast<int32_t>(sigmoid_of_abs(abs_u32(scaled), 8, 0xFFFFu << 8));
  const int32_t r = scaled >= 0 ? s - (1 << 23) + (1 << 7) : -s + (1 << 23) + (1 << 7) - 1;
  return static_cast<int16_t>(r >> 8);
}

}  // namespace kernels
}  // namespace strata
