"""int8 kernels of the TFLite simulation, bit-exact with the TFLite Micro reference kernels.

Accumulators are exact integers: (input - zero point) x filter products are summed in float64 BLAS
(the largest sum here, 576 * 255 * 127, is far below 2^53, so no rounding can occur) or int64, the
int32 bias is added, and the result is requantized with the per-channel fixed-point multipliers that
the reference Prepare computes (input_scale * filter_scale / output_scale in double,
QuantizeMultiplier) and MultiplyByQuantizedMultiplier, then offset and clamped to the fused
activation's range. Every kernel is kernel(op, tensors_in, values_in, tensor_out) -> numpy array.
"""

import numpy as np

import sim_patches as sp
from quant_math import multiply_by_quantized_multiplier, quantize_multiplier, round_half_away
from softmax_int8 import softmax_int8


def activation_range(fused, scale, zp):
    """CalculateActivationRangeQuantized for int8."""
    lo, hi = -128, 127
    quant = lambda f: zp + int(round_half_away(f / float(scale)))  # noqa: E731
    if fused == 1:  # RELU
        lo = max(lo, quant(0.0))
    elif fused == 3:  # RELU6
        lo, hi = max(lo, quant(0.0)), min(hi, quant(6.0))
    elif fused != 0:
        raise NotImplementedError(f"int8 fused activation {fused}")
    return lo, hi


def output_multipliers(t_in, t_filter, t_out, channels):
    """Per-channel (multiplier, shift) arrays as the reference Prepare computes them."""
    scales = t_filter.scale if len(t_filter.scale) > 1 else np.repeat(t_filter.scale, channels)
    pairs = [quantize_multiplier(float(t_in.scale[0]) * float(s) / float(t_out.scale[0]))
             for s in scales]
    return np.array([p[0] for p in pairs], np.int64), np.array([p[1] for p in pairs], np.int64)


def _requantize(acc, op, tins, tout, channels):
    mult, shift = output_multipliers(tins[0], tins[1], tout, channels)
    zp_out = int(tout.zero_point[0])
    y = multiply_by_quantized_multiplier(acc, mult, shift) + zp_out
    lo, hi = activation_range(op.option("FusedActivationFunction", 0), tout.scale[0], zp_out)
    return np.clip(y, lo, hi).astype(np.int8)


def _bias(vins):
    return np.asarray(vins[2], np.int64) if len(vins) > 2 and vins[2] is not None else 0


def _check_symmetric(t):
    if np.any(t.zero_point != 0):
        raise NotImplementedError(f"{t.name}: int8 filter with non-zero zero point")


def conv2d(op, tins, vins, tout):
    x, w = np.asarray(vins[0], np.int64), np.asarray(vins[1], np.int64)
    _check_symmetric(tins[1])
    kh, kw = w.shape[1], w.shape[2]
    sh, sw, pad = op.option("StrideH"), op.option("StrideW"), op.option("Padding")
    zp_in = int(tins[0].zero_point[0])
    xp, oh, ow = sp.padded(x - zp_in, kh, kw, sh, sw, pad, 0)
    cols = sp.im2col(xp, kh, kw, sh, sw, oh, ow).astype(np.float64)
    acc = (cols @ w.reshape(w.shape[0], -1).T.astype(np.float64)).astype(np.int64) + _bias(vins)
    out = _requantize(acc, op, tins, tout, w.shape[0])
    return out.reshape(x.shape[0], oh, ow, w.shape[0])


def depthwise_conv2d(op, tins, vins, tout):
    x, w = np.asarray(vins[0], np.int64), np.asarray(vins[1], np.int64)
    _check_symmetric(tins[1])
    kh, kw, oc = w.shape[1], w.shape[2], w.shape[3]
    sh, sw, pad = op.option("StrideH"), op.option("StrideW"), op.option("Padding")
    mult = oc // x.shape[3]
    zp_in = int(tins[0].zero_point[0])
    xp, oh, ow = sp.padded(x - zp_in, kh, kw, sh, sw, pad, 0)
    acc = np.zeros((x.shape[0], oh, ow, oc), dtype=np.int64)
    for ky, kx, view in sp.taps(xp, kh, kw, sh, sw, oh, ow):
        acc += np.repeat(view, mult, axis=3) * w[0, ky, kx, :]
    return _requantize(acc + _bias(vins), op, tins, tout, oc)


def fully_connected(op, tins, vins, tout):
    w = np.asarray(vins[1], np.int64)
    _check_symmetric(tins[1])
    x = np.asarray(vins[0], np.int64).reshape(-1, w.shape[1]) - int(tins[0].zero_point[0])
    acc = (x.astype(np.float64) @ w.T.astype(np.float64)).astype(np.int64) + _bias(vins)
    return _requantize(acc, op, tins, tout, w.shape[0])


def pool2d(op, tins, vins, tout, kind):
    x = np.asarray(vins[0], np.int64)
    kh, kw = op.option("FilterHeight"), op.option("FilterWidth")
    sh, sw, pad = op.option("StrideH"), op.option("StrideW"), op.option("Padding")
    fill = -(1 << 20) if kind == "max" else 0
    xp, oh, ow = sp.padded(x, kh, kw, sh, sw, pad, fill)
    views = np.stack([v for _, _, v in sp.taps(xp, kh, kw, sh, sw, oh, ow)])
    if kind == "max":
        y = views.max(axis=0)
    else:
        total = views.sum(axis=0)
        n = sp.valid_count(x.shape[1], x.shape[2], kh, kw, sh, sw, pad)
        # Round half away from zero with C++ truncating division, as the reference kernel does.
        y = np.where(total > 0, (total + n // 2) // n, -((-(total - n // 2)) // n))
    lo, hi = activation_range(op.option("FusedActivationFunction", 0), tout.scale[0],
                              int(tout.zero_point[0]))
    return np.clip(y, lo, hi).astype(np.int8)


def softmax(op, tins, vins, tout):
    if abs(float(tout.scale[0]) - 1.0 / 256) > 1e-9 or int(tout.zero_point[0]) != -128:
        raise NotImplementedError("int8 softmax output must have scale 1/256, zero point -128")
    return softmax_int8(np.asarray(vins[0]), float(tins[0].scale[0]), op.option("Beta", 1.0))


def quantize(op, tins, vins, tout):
    x = np.asarray(vins[0], np.float32) / np.float32(tout.scale[0])
    q = round_half_away(x) + int(tout.zero_point[0])
    return np.clip(q, -128, 127).astype(np.int8)
