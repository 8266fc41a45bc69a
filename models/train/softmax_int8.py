"""Bit-exact numpy model of TFLite (Micro)'s reference int8 SOFTMAX.

The reference kernel computes exp() and the reciprocal of the sum in gemmlowp fixed point (Q5.26
scaled differences, Q12.19 accumulator, Q0.31 results); any float shortcut differs in the last bit,
so the expected outputs we check in must come from the same integer steps. Fixed-point values are
held as int64 numpy arrays of raw int32 values; a product of a Qm and a Qn value is a Q(m+n) value
computed with srdhm, exactly as gemmlowp's FixedPoint operator*.
"""

import math

import numpy as np

from quant_math import (INT32_MAX, quantize_multiplier, rounding_divide_by_pot, srdhm,
                        saturating_rounding_multiply_by_pot)

SCALED_DIFF_INTEGER_BITS = 5
ACCUMULATION_INTEGER_BITS = 12


def preprocess_softmax_scaling(beta, input_scale, integer_bits=SCALED_DIFF_INTEGER_BITS):
    """(input_multiplier, input_left_shift) as PreprocessSoftmaxScaling computes them."""
    real = min(beta * input_scale * (1 << (31 - integer_bits)), (1 << 31) - 1.0)
    q, shift = quantize_multiplier(real)
    assert shift >= 0, "softmax input scale too small for the reference kernel"
    return q, shift


def input_radius(integer_bits, left_shift, total_bits=31):
    """CalculateInputRadius: largest |input diff| that still contributes."""
    value = ((1 << integer_bits) - 1) * (1 << (total_bits - integer_bits)) / (1 << left_shift)
    return int(math.floor(value))


def _exp_on_interval(a):
    """exp(a) for a in [-1/4, 0), Q0.31 in and out (Taylor series around -1/8)."""
    constant_term = 1895147668  # exp(-1/8)
    one_third = 715827883
    x = a + (1 << 28)  # a + 1/8
    x2 = srdhm(x, x)
    x3 = srdhm(x2, x)
    x4 = srdhm(x2, x2)
    x4_over_4 = saturating_rounding_multiply_by_pot(x4, -2)
    poly = saturating_rounding_multiply_by_pot(srdhm(x4_over_4 + x3, one_third) + x2, -1)
    return constant_term + srdhm(constant_term, x + poly)


_BARREL = [(-2, 1672461947), (-1, 1302514674), (0, 790015084), (1, 290630308), (2, 39332535),
           (3, 720401), (4, 242)]


def exp_on_negative_values(a, integer_bits=SCALED_DIFF_INTEGER_BITS):
    """gemmlowp exp_on_negative_values: Q(integer_bits) input <= 0 -> Q0.31 output."""
    a = np.asarray(a, dtype=np.int64)
    frac_bits = 31 - integer_bits
    quarter = 1 << (frac_bits - 2)
    a_mod_quarter_minus_quarter = (a & (quarter - 1)) - quarter
    result = _exp_on_interval(saturating_rounding_multiply_by_pot(a_mod_quarter_minus_quarter,
                                                                  integer_bits))
    remainder = a_mod_quarter_minus_quarter - a
    for exponent, multiplier in _BARREL:
        if integer_bits > exponent:
            bit = (remainder & (1 << (frac_bits + exponent))) != 0
            result = np.where(bit, srdhm(result, multiplier), result)
    if integer_bits > 5:
        result = np.where(a < -(1 << (36 - integer_bits)), 0, result)
    return np.where(a == 0, INT32_MAX, result)


def _one_over_one_plus_x(a):
    """1 / (1 + a) for a in [0, 1), Q0.31 in and out (Newton-Raphson, 3 steps)."""
    s = a + INT32_MAX
    half_denominator = np.where(s >= 0, (s + 1) // 2, -((-(s - 1)) // 2))
    x = 1515870810 + srdhm(half_denominator, -1010580540)  # 48/17 - 32/17 * d, Q2.29
    for _ in range(3):
        one_minus = (1 << 29) - srdhm(half_denominator, x)
        x = x + saturating_rounding_multiply_by_pot(srdhm(x, one_minus), 2)
    return saturating_rounding_multiply_by_pot(x, 1)


def _reciprocal(sum_raw, x_integer_bits):
    """GetReciprocal: returns (Q0.31 scale, num_bits_over_unit) for a positive sum."""
    sum_raw = int(sum_raw)
    headroom_plus_one = 32 - sum_raw.bit_length()
    num_bits_over_unit = x_integer_bits - headroom_plus_one
    shifted_minus_one = ((sum_raw << headroom_plus_one) - (1 << 31)) & 0xFFFFFFFF
    if shifted_minus_one >= 1 << 31:
        shifted_minus_one -= 1 << 32
    return int(_one_over_one_plus_x(np.int64(shifted_minus_one))), num_bits_over_unit


def softmax_int8(q_in, input_scale, beta=1.0):
    """int8 [..., depth] -> int8 softmax with output scale 1/256, zero point -128."""
    multiplier, left_shift = preprocess_softmax_scaling(beta, input_scale)
    diff_min = -input_radius(SCALED_DIFF_INTEGER_BITS, left_shift)
    rows = np.asarray(q_in, dtype=np.int64).reshape(-1, q_in.shape[-1])
    out = np.empty(rows.shape, dtype=np.int8)
    for i, row in enumerate(rows):
        diff = row - row.max()
        live = diff >= diff_min
        scaled = srdhm(diff * (1 << left_shift), multiplier)
        exps = exp_on_negative_values(scaled)
        rescaled = rounding_divide_by_pot(exps, ACCUMULATION_INTEGER_BITS)  # Q0.31 -> Q12.19
        sum_of_exps = int(np.sum(np.where(live, rescaled, 0)))
        scale, bits_over_unit = _reciprocal(sum_of_exps, ACCUMULATION_INTEGER_BITS)
        exponent = bits_over_unit + 31 - 8
        unsat = rounding_divide_by_pot(srdhm(scale, exps), exponent)
        out[i] = np.where(live, np.clip(unsat - 128, -128, 127), -128)
    return out.reshape(q_in.shape)
