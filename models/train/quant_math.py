"""TensorFlow Lite's quantization arithmetic in numpy (int64 arrays holding int32 values).

These are the integer primitives the TFLite / TFLite Micro reference kernels use, reproduced so that
the int8 simulation is bit-exact: the fixed-point multiplier encoding of a real scale (frexp + round
half away from zero), gemmlowp's saturating rounding doubling high multiply, the rounding arithmetic
right shift, and their composition with the default double rounding. Also the converter-side
choices: asymmetric activation parameters from a calibrated [min, max] and symmetric per-channel
narrow-range int8 weights.
"""

import math

import numpy as np

INT32_MIN = -(1 << 31)
INT32_MAX = (1 << 31) - 1


def round_half_away(x):
    """std::round semantics for scalars and arrays (numpy's rint rounds half to even)."""
    return np.sign(x) * np.floor(np.abs(x) + 0.5)


def quantize_multiplier(real):
    """Real multiplier -> (int32 q in [2^30, 2^31), shift) with real ~= q * 2^(shift - 31)."""
    if real == 0.0:
        return 0, 0
    mantissa, shift = math.frexp(real)
    q = int(round_half_away(mantissa * (1 << 31)))
    if q == (1 << 31):
        q //= 2
        shift += 1
    if shift < -31:
        return 0, 0
    return q, shift


def srdhm(a, b):
    """gemmlowp SaturatingRoundingDoublingHighMul on int64 arrays of int32 values."""
    a = np.asarray(a, dtype=np.int64)
    b = np.asarray(b, dtype=np.int64)
    ab = a * b
    nudge = np.where(ab >= 0, 1 << 30, 1 - (1 << 30))
    s = ab + nudge
    # C++ integer division truncates toward zero.
    high = np.where(s >= 0, s >> 31, -((-s) >> 31))
    overflow = (a == INT32_MIN) & (b == INT32_MIN)
    return np.where(overflow, INT32_MAX, high)


def rounding_divide_by_pot(x, exponent):
    """gemmlowp RoundingDivideByPOT: arithmetic shift right rounding half away from zero."""
    x = np.asarray(x, dtype=np.int64)
    exponent = np.asarray(exponent, dtype=np.int64)
    mask = (np.int64(1) << exponent) - 1
    remainder = x & mask
    threshold = (mask >> 1) + (x < 0)
    return (x >> exponent) + (remainder > threshold)


def multiply_by_quantized_multiplier(x, multiplier, shift):
    """TFLite MultiplyByQuantizedMultiplier (double rounding), elementwise; shift may vary."""
    shift = np.asarray(shift, dtype=np.int64)
    left = np.maximum(shift, 0)
    right = np.maximum(-shift, 0)
    x = np.asarray(x, dtype=np.int64) * (np.int64(1) << left)
    return rounding_divide_by_pot(srdhm(x, multiplier), right)


def saturating_rounding_multiply_by_pot(x, exponent):
    """gemmlowp SaturatingRoundingMultiplyByPOT for a scalar exponent."""
    x = np.asarray(x, dtype=np.int64)
    if exponent == 0:
        return x
    if exponent < 0:
        return rounding_divide_by_pot(x, -exponent)
    hi = INT32_MAX >> exponent
    lo = INT32_MIN >> exponent
    return np.where(x > hi, INT32_MAX, np.where(x < lo, INT32_MIN, x << exponent))


def activation_params(rmin, rmax, qmin=-128, qmax=127):
    """Asymmetric int8 (scale, zero_point) for a calibrated range, always containing 0."""
    rmin, rmax = min(float(rmin), 0.0), max(float(rmax), 0.0)
    if rmax == rmin:
        return 1.0, 0
    scale = (rmax - rmin) / (qmax - qmin)
    zp_from_min = qmin - rmin / scale
    zp_from_max = qmax - rmax / scale
    err_min = abs(qmin) + abs(rmin / scale)
    err_max = abs(qmax) + abs(rmax / scale)
    zp = zp_from_min if err_min < err_max else zp_from_max
    zp = int(min(max(round_half_away(zp), qmin), qmax))
    return float(np.float32(scale)), zp


def quantize_weights_per_channel(w, axis):
    """Symmetric narrow-range int8 per channel along `axis` -> (int8 array, float32 scales)."""
    moved = np.moveaxis(w, axis, 0).reshape(w.shape[axis], -1)
    scales = (np.abs(moved).max(axis=1) / 127.0).astype(np.float32)
    scales[scales == 0] = np.float32(1.0)
    shape = [1] * w.ndim
    shape[axis] = -1
    q = round_half_away(w / scales.reshape(shape).astype(np.float64))
    return np.clip(q, -127, 127).astype(np.int8), scales


def quantize_bias(bias, input_scale, weight_scales):
    """int32 bias with per-channel scale input_scale * weight_scale (float32 as stored)."""
    scales = (np.float32(input_scale) * weight_scales.astype(np.float32)).astype(np.float32)
    q = round_half_away(bias.astype(np.float64) / scales.astype(np.float64))
    return np.clip(q, INT32_MIN, INT32_MAX).astype(np.int32), scales


def quantize_activation(x, scale, zero_point):
    """float -> int8 with round half away from zero and saturation (TFLite QUANTIZE)."""
    q = round_half_away(np.asarray(x, dtype=np.float64) / scale) + zero_point
    return np.clip(q, -128, 127).astype(np.int8)
