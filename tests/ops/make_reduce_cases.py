#!/usr/bin/python3
"""Writes the op suite's hand-made cases of the reduction and single-axis ops (run once; the
results are committed).

The cases from TFLM stop at rank 4, two reduced axes, zero input zero points and tie-free data. These
cases take a suite case of the same op, change its shapes, axes and quantization, and compute the
expected output here, from TensorFlow Lite's reference semantics written out in Python:
- MEAN/SUM float32: float32 sums in input order (MEAN then divides by the count);
- MEAN/SUM int8/int16: int32 sum less input zero point x count, requantized by input/output scale
  (QuantizeMultiplier, double rounding); MEAN folds 1/count into the multiplier first (TFLM does so
  even when the two quantizations are equal);
- REDUCE_MIN int8: raw minimum (both quantizations equal);
- ARG_MAX/ARG_MIN: the first extreme along the axis (strict comparisons: a NaN is never taken);
- CUMSUM int8: TFLite's ADD-like rescaling, the running sum starting at the rescaled -zero point.

  make_reduce_cases.py [--flatc flatc]        (from the repository root)
"""
import argparse
import json
import math
import os
import shutil
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
from make_hybrid_cases import object_api_schema  # noqa: E402

ENGINE = ("tests/ops/make_reduce_cases.py: TensorFlow Lite's reference semantics in Python, on a "
          "suite model with new shapes, axes or quantization")


# --- TensorFlow Lite's integer arithmetic -------------------------------------------------------

def wrap32(x):
    return (x + (1 << 31)) % (1 << 32) - (1 << 31)


def round_half_away(x):
    return math.floor(x + 0.5) if x >= 0 else -math.floor(-x + 0.5)


def quantize_multiplier(real):
    if real == 0.0:
        return 0, 0
    mantissa, shift = math.frexp(real)
    q = int(round_half_away(mantissa * (1 << 31)))
    if q == 1 << 31:
        q //= 2
        shift += 1
    if shift < -31:
        return 0, 0
    return q, shift


def high_mul(a, b):  # SaturatingRoundingDoublingHighMul
    if a == b == -(1 << 31):
        return (1 << 31) - 1
    ab = a * b
    nudge = (1 << 30) if ab >= 0 else 1 - (1 << 30)
    total = ab + nudge
    quotient = abs(total) >> 31  # C++ division: truncates toward zero
    return quotient if total >= 0 else -quotient


def divide_by_pot(x, exponent):  # RoundingDivideByPOT
    mask = (1 << exponent) - 1
    remainder = x & mask
    threshold = (mask >> 1) + (1 if x < 0 else 0)
    return (x >> exponent) + (1 if remainder > threshold else 0)


def multiply(x, multiplier, shift):  # MultiplyByQuantizedMultiplier
    left, right = max(shift, 0), max(-shift, 0)
    return divide_by_pot(high_mul(wrap32(x << left), multiplier), right)


# --- the ops --------------------------------------------------------------------------------------

def reduce_groups(x, axes):
    """For every output position (row-major over the kept dims), the input values it folds, in
    input order."""
    rank = x.ndim
    axes = sorted({a + rank if a < 0 else a for a in axes})
    kept = [d for d in range(rank) if d not in axes]
    moved = np.transpose(x, kept + axes)
    return moved.reshape(int(np.prod([x.shape[d] for d in kept], dtype=np.int64)), -1), kept, axes


def mean_or_sum_float(x, axes, mean):
    groups, _, _ = reduce_groups(x, axes)
    out = []
    for g in groups:
        acc = np.float32(0.0)
        for v in g:
            acc = np.float32(acc + v)
        out.append(np.float32(acc / np.float32(len(g))) if mean else acc)
    return np.array(out, np.float32)


def mean_or_sum_quantized(x, axes, mean, in_q, out_q, dtype):
    groups, _, _ = reduce_groups(x.astype(np.int64), axes)
    multiplier, shift = quantize_multiplier(float(np.float32(in_q[0])) / float(np.float32(out_q[0])))
    count = groups.shape[1]
    if mean:
        k = min(count.bit_length() - 1, 32, 31 + shift)
        multiplier = (multiplier << k) // count
        shift -= k
    info = np.iinfo(dtype)
    out = []
    for g in groups:
        total = wrap32(int(g.sum()) - in_q[1] * count)
        v = multiply(total, multiplier, shift) + out_q[1]
        out.append(min(max(v, info.min), info.max))
    return np.array(out, dtype)


def arg_extreme(x, axis, largest):
    moved = np.moveaxis(x, axis, -1)
    flat = moved.reshape(-1, moved.shape[-1])
    out = []
    for row in flat:
        best, index = row[0], 0
        for i, v in enumerate(row[1:], 1):
            if (v > best) if largest else (v < best):
                best, index = v, i
        out.append(index)
    return np.array(out, np.int32)


def cumsum_int8(x, axis, exclusive, reverse, in_q, out_q):
    left = 20
    twice = 2 * float(np.float32(in_q[0]))
    in_mult, in_shift = quantize_multiplier(float(np.float32(in_q[0])) / twice)
    out_mult, out_shift = quantize_multiplier(twice / ((1 << left) * float(np.float32(out_q[0]))))
    moved = np.moveaxis(x.astype(np.int64), axis, -1)
    result = np.zeros(moved.shape, np.int8)
    for pos in np.ndindex(moved.shape[:-1]):
        line = moved[pos]
        order = range(len(line) - 1, -1, -1) if reverse else range(len(line))
        acc = multiply(-in_q[1] * (1 << left), in_mult, in_shift)
        for i in order:
            scaled = multiply((int(line[i]) - in_q[1]) * (1 << left), in_mult, in_shift)
            if not exclusive:
                acc = wrap32(acc + scaled)
            v = multiply(acc, out_mult, out_shift) + out_q[1]
            if exclusive:
                acc = wrap32(acc + scaled)
            result[pos + (i,)] = min(max(v, -128), 127)
    return np.moveaxis(result, -1, axis)


# --- writing cases --------------------------------------------------------------------------------

def set_quant(schema, tensor, q):
    quant = schema.quantization()
    quant.scale = [float(q[0])]
    quant.zeroPoint = [int(q[1])]
    tensor.quantization = quant


def write_case(schema, base, name, x, want, *, in_shape, out_shape, axes=None, keep_dims=None,
               options=None, in_q=None, out_q=None, compare=None):
    src = os.path.join(HERE, "cases", base)
    case = json.load(open(os.path.join(src, "case.json")))
    model = schema.load(bytearray(open(os.path.join(HERE, case["model"]), "rb").read()))
    g = model.subgraphs[0]
    op = g.operators[0]
    t_in, t_out = g.tensors[op.inputs[0]], g.tensors[op.outputs[0]]
    t_in.shape, t_out.shape = list(in_shape), list(out_shape)
    if axes is not None:
        t_axis = g.tensors[op.inputs[1]]
        model.buffers[t_axis.buffer].data = list(np.array(axes, np.int32).tobytes())
        if t_axis.shape is not None and len(t_axis.shape) > 0:
            t_axis.shape = [len(axes)]
    if keep_dims is not None:
        op.builtinOptions.keepDims = keep_dims
    for field, v in (options or {}).items():
        setattr(op.builtinOptions, field, v)
    if in_q is not None:
        set_quant(schema, t_in, in_q)
    if out_q is not None:
        set_quant(schema, t_out, out_q)
    dst = os.path.join(HERE, "cases", name)
    shutil.rmtree(dst, ignore_errors=True)
    os.makedirs(dst)
    x.tofile(os.path.join(dst, "input0.bin"))
    want.tofile(os.path.join(dst, "expected0.bin"))
    model_path = f"models/{name}.tflite"
    open(os.path.join(HERE, model_path), "wb").write(schema.save(model))
    case["model"] = model_path
    inp, outp = case["inputs"][0], case["outputs"][0]
    inp["shape"], inp["bytes"] = list(in_shape), int(x.nbytes)
    outp["shape"], outp["bytes"] = list(out_shape), int(want.nbytes)
    for io, q in ((inp, in_q), (outp, out_q)):
        if q is not None:
            io["scale"], io["zero_point"] = float(np.float32(q[0])), int(q[1])
    if compare is not None:
        outp["compare"] = compare
    case["reference"] = {"engine": ENGINE}
    with open(os.path.join(dst, "case.json"), "w") as f:
        json.dump(case, f, indent=1)
    print(name)


def make_all(schema):
    rng = np.random.default_rng(16)
    close = {"mode": "close", "atol": 1e-6, "rtol": 1e-6}

    # Rank 6, three distinct non-adjacent axes given four times (negative and duplicated).
    shape = (2, 3, 1, 4, 2, 3)
    x = rng.uniform(-2, 2, shape).astype(np.float32)
    axes = [0, -3, 5, 3]
    write_case(schema, "mean_float32_2x3x4_ax1", "mean_float32_2x3x1x4x2x3_ax0_m3_5_3", x,
               mean_or_sum_float(x, axes, True), in_shape=shape, out_shape=(3, 1, 2), axes=axes,
               keep_dims=False, compare=close)
    write_case(schema, "sum_float32_2x3x4_axm1_keep", "sum_float32_2x3x1x4x2x3_ax1_4_keep", x,
               mean_or_sum_float(x, [1, 4], False), in_shape=shape, out_shape=(2, 1, 1, 4, 1, 3),
               axes=[1, 4], keep_dims=True, compare=close)

    # int8 MEAN with zero points on both sides and a count (40) that is no power of two.
    shape = (2, 3, 4, 2, 5)
    x = rng.integers(-128, 128, shape).astype(np.int8)
    in_q, out_q = (0.02, -7), (0.015, 5)
    write_case(schema, "mean_int8_2x3x4_axm1_keep", "mean_int8_2x3x4x2x5_ax0_2_4_keep", x,
               mean_or_sum_quantized(x, [0, 2, 4], True, in_q, out_q, np.int8), in_shape=shape,
               out_shape=(1, 3, 1, 2, 1), axes=[0, 2, 4], keep_dims=True, in_q=in_q, out_q=out_q)
    # Same quantization in and out: TFLM still requantizes (no truncating shortcut).
    in_q = out_q = (0.05, 3)
    write_case(schema, "mean_int8_2x3x4_axm1_keep", "mean_int8_2x3x4x2x5_ax1_3_same_quant", x,
               mean_or_sum_quantized(x, [1, 3], True, in_q, out_q, np.int8), in_shape=shape,
               out_shape=(2, 4, 5), axes=[1, 3], keep_dims=False, in_q=in_q, out_q=out_q)

    # int16 SUM over two non-adjacent axes of a rank-5 tensor, saturating at both ends.
    shape = (2, 3, 2, 4, 3)
    x = rng.integers(-32768, 32768, shape).astype(np.int16)
    in_q, out_q = (9.155553e-05, 0), (0.0003, 0)
    write_case(schema, "sum_int16_1x4x4x3_ax1_2_keep", "sum_int16_2x3x2x4x3_ax1_3_keep", x,
               mean_or_sum_quantized(x, [1, 3], False, in_q, out_q, np.int16), in_shape=shape,
               out_shape=(2, 1, 2, 1, 3), axes=[1, 3], keep_dims=True, in_q=in_q, out_q=out_q)

    # int8 REDUCE_MIN over the first and last axis, non-zero zero point.
    shape = (3, 1, 4, 2)
    x = rng.integers(-128, 128, shape).astype(np.int8)
    q = (0.03, -11)
    groups, _, _ = reduce_groups(x, [-1, 0])
    write_case(schema, "reduce_min_int8_2x3x4_ax1", "reduce_min_int8_3x1x4x2_axm1_0", x,
               groups.min(axis=1).astype(np.int8), in_shape=shape, out_shape=(1, 4), axes=[-1, 0],
               keep_dims=False, in_q=q, out_q=q)

    # ARG_MAX / ARG_MIN with ties (the first wins) and a leading NaN (never replaced).
    x = np.array([[1, 5, 5, -1, 5, 0], [np.nan, 2, 3, 3, -4, -4]], np.float32)
    for op, largest in (("arg_max", True), ("arg_min", False)):
        write_case(schema, f"{op}_float32_2x5_ax1_out_int32", f"{op}_float32_2x6_ax1_ties_nan", x,
                   arg_extreme(x, 1, largest), in_shape=(2, 6), out_shape=(2,))

    # CUMSUM int8 with a non-zero input zero point: TFLM's sums start at the rescaled -zero point.
    for base, exclusive, reverse in (("cumsum_int8_2x5_ax1", False, False),
                                     ("cumsum_int8_1x3x3x2_ax2_excl_rev", True, True)):
        case = json.load(open(os.path.join(HERE, "cases", base, "case.json")))
        shape = tuple(case["inputs"][0]["shape"])
        axis = {"cumsum_int8_2x5_ax1": 1, "cumsum_int8_1x3x3x2_ax2_excl_rev": 2}[base]
        x = rng.integers(-128, 128, shape).astype(np.int8)
        in_q, out_q = (0.015686275, 10), (0.0627451, -3)
        write_case(schema, base, base.replace("cumsum_int8_", "cumsum_int8_zp_"), x,
                   cumsum_int8(x, axis, exclusive, reverse, in_q, out_q), in_shape=shape,
                   out_shape=shape, in_q=in_q, out_q=out_q)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--flatc", default="flatc")
    make_all(object_api_schema(p.parse_args().flatc))


if __name__ == "__main__":
    main()
