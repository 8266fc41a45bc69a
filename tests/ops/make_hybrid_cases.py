#!/usr/bin/python3
"""Writes the op suite's hand-made hybrid cases (run once; the results are committed).

TensorFlow Lite Micro has no hybrid kernels (float32 activations, int8 weights quantized on the fly),
so the suite from TFLM has no hybrid cases. This script makes them from float32 cases of the same
op: the weights become symmetric per-channel int8 (scale = max |w| / 127), and the expected output is
the float operation computed here in numpy with those int8 weights dequantized. The only difference
left between the two is the kernel's on-the-fly quantization of the input (at most half an input step
per element), so the comparison is `close` with an atol bounding exactly that: per output,
sum over its window of |dequantized weight| x (input range / 255), the largest step either input
quantization (symmetric or asymmetric) can have.

  make_hybrid_cases.py [--flatc flatc]        (from the repository root)
"""
import argparse
import json
import os
import shutil
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "bad_input"))
from make_inputs import Schema  # noqa: E402

# Float32 depthwise cases whose geometry the hybrid cases reuse.
SOURCES = ["depthwise_conv_2d_float32_1x7x7x3_k3x3_s1_same_relu_m2",
           "depthwise_conv_2d_float32_2x6x6x2_k2x2_s1_d2_valid_m3"]


def depthwise(x, w, bias, stride, dilation, same, act):
    """NHWC depthwise convolution, filter [1, kh, kw, in_c * m]."""
    n, h, wd, c = x.shape
    _, kh, kw, oc = w.shape
    m = oc // c
    sh, sw = stride
    dh, dw = dilation
    if same:
        oh, ow = -(-h // sh), -(-wd // sw)
        ph = max((oh - 1) * sh + (kh - 1) * dh + 1 - h, 0) // 2
        pw = max((ow - 1) * sw + (kw - 1) * dw + 1 - wd, 0) // 2
    else:
        oh, ow = (h - (kh - 1) * dh - 1) // sh + 1, (wd - (kw - 1) * dw - 1) // sw + 1
        ph = pw = 0
    out = np.zeros((n, oh, ow, oc), np.float64)
    bound = np.zeros((n, oh, ow, oc), np.float64)  # sum of |w| over in-range taps
    for b in range(n):
        for y in range(oh):
            for xx in range(ow):
                for o in range(oc):
                    acc = abs_sum = 0.0
                    for i in range(kh):
                        for j in range(kw):
                            iy, ix = y * sh - ph + i * dh, xx * sw - pw + j * dw
                            if 0 <= iy < h and 0 <= ix < wd:
                                acc += x[b, iy, ix, o // m] * w[0, i, j, o]
                                abs_sum += abs(w[0, i, j, o])
                    out[b, y, xx, o] = acc + (bias[o] if bias is not None else 0.0)
                    bound[b, y, xx, o] = abs_sum
    lo, hi = {0: (-np.inf, np.inf), 1: (0, np.inf), 2: (-1, 1), 3: (0, 6)}[act]
    return np.clip(out, lo, hi), bound


def make(schema, name):
    src = os.path.join(HERE, "cases", name)
    case = json.load(open(os.path.join(src, "case.json")))
    model = schema.load(bytearray(open(os.path.join(HERE, case["model"]), "rb").read()))
    g = model.subgraphs[0]
    op = g.operators[0]
    opts = op.builtinOptions
    wt = g.tensors[op.inputs[1]]
    w = np.frombuffer(bytes(bytearray(model.buffers[wt.buffer].data)), np.float32).reshape(wt.shape)
    bias = None
    if len(op.inputs) > 2 and op.inputs[2] >= 0:
        bt = g.tensors[op.inputs[2]]
        bias = np.frombuffer(bytes(bytearray(model.buffers[bt.buffer].data)), np.float32)
    scales = np.maximum(np.abs(w).reshape(-1, w.shape[-1]).max(axis=0), 1e-8) / 127.0
    q = np.clip(np.round(w / scales), -127, 127).astype(np.int8)
    deq = q.astype(np.float64) * scales
    # The model: int8 weights, per-channel quantization on the last dimension.
    model.buffers[wt.buffer].data = list(q.tobytes())
    wt.type = schema.names["INT8"]
    quant = schema.quantization()
    quant.scale = [float(s) for s in scales.astype(np.float32)]
    quant.zeroPoint = [0] * len(scales)
    quant.quantizedDimension = 3
    wt.quantization = quant
    x = np.frombuffer(open(os.path.join(src, "input0.bin"), "rb").read(), np.float32)
    x = x.reshape(case["inputs"][0]["shape"]).astype(np.float64)
    want, bound = depthwise(x, deq.astype(np.float32).astype(np.float64), bias,
                            (opts.strideH, opts.strideW),
                            (opts.dilationHFactor, opts.dilationWFactor), opts.padding == 0,
                            opts.fusedActivationFunction)
    # Input step per batch: the widest range quantization can have, over 255 levels.
    step = max(np.ptp(np.concatenate([x[b].ravel(), [0.0]])) for b in range(x.shape[0])) / 255.0
    atol = float(bound.max() * step * 0.5 * 1.001 + 1e-5)
    out_name = name.replace("_float32_", "_hybrid_")
    dst = os.path.join(HERE, "cases", out_name)
    shutil.rmtree(dst, ignore_errors=True)
    os.makedirs(dst)
    shutil.copy(os.path.join(src, "input0.bin"), dst)
    want.astype(np.float32).tofile(os.path.join(dst, "expected0.bin"))
    model_path = f"models/{out_name}.tflite"
    open(os.path.join(HERE, model_path), "wb").write(schema.save(model))
    case["model"] = model_path
    case["dtype"] = "hybrid"
    case["outputs"][0]["compare"] = {"mode": "close", "atol": atol, "rtol": 0.0}
    case["reference"] = {"engine": "tests/ops/make_hybrid_cases.py: numpy float depthwise "
                                   "convolution with the int8 weights dequantized; atol bounds "
                                   "the on-the-fly input quantization"}
    with open(os.path.join(dst, "case.json"), "w") as f:
        json.dump(case, f, indent=1)
    print(f"{out_name}: atol {atol:.3g}")


def object_api_schema(flatc):
    """The schema's object API (make_inputs.Schema) with the quantization table's class."""
    work = os.path.join(ROOT, "build", "schema_object_api")
    schema = Schema(os.path.join(ROOT, "middleware", "schema", "tflite.fbs"), flatc, work)
    schema.quantization = __import__("tflite.QuantizationParameters",
                                     fromlist=["x"]).QuantizationParametersT
    return schema


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--flatc", default="flatc")
    schema = object_api_schema(p.parse_args().flatc)
    for name in SOURCES:
        make(schema, name)


if __name__ == "__main__":
    main()
