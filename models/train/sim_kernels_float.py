"""Float32 and hybrid (int8 weights, float activations) kernels of the TFLite simulation.

Float kernels follow the reference kernels' formulas in float32 (sum order may differ for the
matmul-based ones; comparisons of float outputs are tolerance-based). Hybrid kernels reproduce what
TensorFlow Lite does for dynamic-range models: per-channel CONV_2D quantizes each batch element's
input asymmetrically (AsymmetricQuantizeFloats), accumulates int8 x int8 in int32 with the input
offset, and scales by input_scale * channel_scale in float; FULLY_CONNECTED does the same per row
(symmetric when asymmetric_quantize_inputs is off) and adds the result to the bias.
Every kernel is kernel(op, tensors_in, values_in, tensor_out) -> numpy array.
"""

import numpy as np

import sim_patches as sp
from quant_math import round_half_away

RELU, RELU6 = 1, 3


def activate(x, fused):
    if fused == RELU:
        return np.maximum(x, np.float32(0))
    if fused == RELU6:
        return np.clip(x, np.float32(0), np.float32(6))
    if fused != 0:
        raise NotImplementedError(f"fused activation {fused}")
    return x


def _geometry(op, w_shape):
    if op.option("DilationWFactor", 1) != 1 or op.option("DilationHFactor", 1) != 1:
        raise NotImplementedError("dilated convolution")
    return w_shape[1], w_shape[2], op.option("StrideH"), op.option("StrideW"), op.option("Padding")


def _f32(v):
    return np.asarray(v, dtype=np.float32)


def conv2d(op, tins, vins, tout):
    x, w = _f32(vins[0]), vins[1]
    if tins[1].dtype == 9:  # int8 filter, float input: hybrid
        return _conv2d_hybrid(op, tins, vins)
    kh, kw, sh, sw, pad = _geometry(op, w.shape)
    xp, oh, ow = sp.padded(x, kh, kw, sh, sw, pad, 0.0)
    y = sp.im2col(xp, kh, kw, sh, sw, oh, ow) @ _f32(w).reshape(w.shape[0], -1).T
    if len(vins) > 2 and vins[2] is not None:
        y = y + _f32(vins[2])
    return activate(y.reshape(x.shape[0], oh, ow, -1), op.option("FusedActivationFunction"))


def depthwise_conv2d(op, tins, vins, tout):
    x, w = _f32(vins[0]), _f32(vins[1])
    if tins[1].dtype == 9:
        raise NotImplementedError("hybrid depthwise convolution")
    kh, kw, sh, sw, pad = _geometry(op, w.shape)
    oc = w.shape[3]
    mult = oc // x.shape[3]
    xp, oh, ow = sp.padded(x, kh, kw, sh, sw, pad, 0.0)
    acc = np.zeros((x.shape[0], oh, ow, oc), dtype=np.float32)
    for ky, kx, view in sp.taps(xp, kh, kw, sh, sw, oh, ow):
        acc += np.repeat(view, mult, axis=3) * w[0, ky, kx, :]
    if len(vins) > 2 and vins[2] is not None:
        acc += _f32(vins[2])
    return activate(acc, op.option("FusedActivationFunction"))


def fully_connected(op, tins, vins, tout):
    w = vins[1]
    x = _f32(vins[0]).reshape(-1, w.shape[1])
    if tins[1].dtype == 9:
        return _fc_hybrid(op, tins, vins, x)
    y = x @ _f32(w).T
    if len(vins) > 2 and vins[2] is not None:
        y = y + _f32(vins[2])
    return activate(y, op.option("FusedActivationFunction"))


def pool2d(op, tins, vins, tout, kind):
    x = _f32(vins[0])
    kh, kw = op.option("FilterHeight"), op.option("FilterWidth")
    sh, sw, pad = op.option("StrideH"), op.option("StrideW"), op.option("Padding")
    fill = -np.inf if kind == "max" else 0.0
    xp, oh, ow = sp.padded(x, kh, kw, sh, sw, pad, fill)
    views = [v for _, _, v in sp.taps(xp, kh, kw, sh, sw, oh, ow)]
    if kind == "max":
        y = np.max(np.stack(views), axis=0)
    else:
        count = sp.valid_count(x.shape[1], x.shape[2], kh, kw, sh, sw, pad)
        y = (np.sum(np.stack(views), axis=0) / count).astype(np.float32)
    return activate(y, op.option("FusedActivationFunction"))


def softmax(op, tins, vins, tout):
    x = _f32(vins[0])
    beta = np.float32(op.option("Beta", 1.0))
    e = np.exp((x - x.max(axis=-1, keepdims=True)) * beta)
    return (e / e.sum(axis=-1, keepdims=True)).astype(np.float32)


def dequantize(op, tins, vins, tout):
    t, v = tins[0], vins[0]
    if t.dtype == 1:  # float16 weights: exact widening
        return np.asarray(v, dtype=np.float16).astype(np.float32)
    return ((np.asarray(v, dtype=np.int32) - t.zero_point[0]) * t.scale[0]).astype(np.float32)


def asymmetric_quantize(rows):
    """AsymmetricQuantizeFloats per row of a [N, K] float32 array -> (int8, scale f32, offset)."""
    q = np.zeros(rows.shape, dtype=np.int64)
    scales = np.ones(rows.shape[0], dtype=np.float32)
    offsets = np.zeros(rows.shape[0], dtype=np.int64)
    for i, r in enumerate(rows):
        rmin, rmax = min(0.0, float(r.min())), max(0.0, float(r.max()))
        if rmin == rmax:
            continue
        scale = (rmax - rmin) / 255.0
        zp_min, zp_max = -128 - rmin / scale, 127 - rmax / scale
        zp = zp_min if (128 + abs(rmin / scale)) < (127 + abs(rmax / scale)) else zp_max
        offset = -128 if zp <= -128 else 127 if zp >= 127 else int(round_half_away(zp))
        scales[i], offsets[i] = np.float32(scale), offset
        inv = np.float32(1.0) / scales[i]
        q[i] = np.clip(round_half_away(np.float32(offset) + r * inv), -128, 127)
    return q, scales, offsets


def symmetric_quantize(rows):
    """SymmetricQuantizeFloats per row -> (int8, scale f32, zero offsets)."""
    q = np.zeros(rows.shape, dtype=np.int64)
    scales = np.ones(rows.shape[0], dtype=np.float32)
    for i, r in enumerate(rows):
        rmax = np.float32(np.abs(r).max())
        if rmax == 0:
            continue
        scales[i] = rmax / np.float32(127.0)
        inv = np.float32(127.0) / rmax
        q[i] = np.clip(round_half_away(r * inv), -127, 127)
    return q, scales, np.zeros(rows.shape[0], dtype=np.int64)


def _conv2d_hybrid(op, tins, vins):
    x, w, wt = _f32(vins[0]), vins[1], tins[1]
    kh, kw, sh, sw, pad = _geometry(op, w.shape)
    b = x.shape[0]
    per_channel = len(wt.scale) > 1 and np.any(wt.scale != wt.scale[0])
    # TFLite: per-channel hybrid conv quantizes inputs asymmetrically, per-tensor symmetrically.
    q, sf, offs = (asymmetric_quantize if per_channel else symmetric_quantize)(x.reshape(b, -1))
    q = q.reshape(x.shape)
    scale = wt.scale.astype(np.float32) if per_channel else np.float32(1.0)
    if not per_channel:
        sf = sf * wt.scale.astype(np.float32)[0]
    out = []
    for i in range(b):  # each batch element has its own offset, used as the padding value
        xp, oh, ow = sp.padded(q[i:i + 1], kh, kw, sh, sw, pad, offs[i])
        cols = sp.im2col(xp - offs[i], kh, kw, sh, sw, oh, ow).astype(np.float64)
        acc = (cols @ w.reshape(w.shape[0], -1).T.astype(np.float64)).astype(np.int64)
        y = acc.astype(np.float32) * scale * sf[i]
        if len(vins) > 2 and vins[2] is not None:
            y = y + _f32(vins[2])
        out.append(y.reshape(1, oh, ow, -1))
    return activate(np.concatenate(out), op.option("FusedActivationFunction"))


def _fc_hybrid(op, tins, vins, x):
    w, wt = vins[1], tins[1]
    quantize = asymmetric_quantize if op.option("AsymmetricQuantizeInputs") else symmetric_quantize
    q, sf, offs = quantize(x)
    dot = (q.astype(np.float64) @ w.T.astype(np.float64)).astype(np.int64)
    dot -= offs[:, None] * w.astype(np.int64).sum(axis=1)[None, :]
    scale = wt.scale.astype(np.float32)
    if len(scale) == 1:  # per-tensor: the filter scale is folded into the batch factor first
        y = dot.astype(np.float32) * (sf * scale[0])[:, None]
    else:
        y = dot.astype(np.float32) * (sf[:, None] * scale[None, :])
    if len(vins) > 2 and vins[2] is not None:
        y = _f32(vins[2]) + y
    return activate(y.astype(np.float32), op.option("FusedActivationFunction"))
