#!/usr/bin/python3
"""Writes the op suite's hand-made float16-weights cases (run once; the results are committed).

A float16 model (TensorFlow's converter with float16 quantization) stores each weight and bias as a
FLOAT16 constant behind a DEQUANTIZE to float32. TensorFlow Lite Micro's suite has no such cases, so
this script makes them from float32 cases of CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED: the
weights (and the bias) are rounded to float16 and put behind a DEQUANTIZE, and the expected output is
the float operation computed here in numpy (float64) with the float16 values. Strata elides those
DEQUANTIZE ops and runs each backend's float16-weights kernel, which the `@kernel` lines show.

  make_float16_cases.py [--flatc flatc]        (from the repository root)
"""
import argparse
import json
import os
import shutil
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from make_hybrid_cases import depthwise, object_api_schema  # noqa: E402

SOURCES = ["conv_2d_float32_1x9x9x4_k3x3_s2_valid_relu",
           "conv_2d_float32_1x10x7x3_k3x2_s2_same_relu",
           "depthwise_conv_2d_float32_1x7x7x3_k3x3_s1_same_relu_m2",
           "fully_connected_float32_1x32_u10",
           "fully_connected_float32_1x20_u5_nobias"]

ACTIVATION_RANGE = {0: (-np.inf, np.inf), 1: (0, np.inf), 2: (-1, 1), 3: (0, 6)}


def conv(x, w, bias, stride, dilation, same, act):
    """NHWC convolution, filter [oc, kh, kw, in_c] (no groups)."""
    n, h, wd, c = x.shape
    oc, kh, kw, _ = w.shape
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
    for b in range(n):
        for y in range(oh):
            for xx in range(ow):
                for i in range(kh):
                    for j in range(kw):
                        iy, ix = y * sh - ph + i * dh, xx * sw - pw + j * dw
                        if 0 <= iy < h and 0 <= ix < wd:
                            out[b, y, xx] += w[:, i, j, :] @ x[b, iy, ix]
    if bias is not None:
        out += bias
    lo, hi = ACTIVATION_RANGE[act]
    return np.clip(out, lo, hi)


def to_half_behind_dequantize(schema, model, g, op_index, slot, dequantize_code):
    """Turns input `slot` of the op into a FLOAT16 constant + DEQUANTIZE; returns its float64 values
    after the rounding."""
    op = g.operators[op_index]
    t = g.tensors[op.inputs[slot]]
    values = np.frombuffer(bytes(bytearray(model.buffers[t.buffer].data)), np.float32)
    half = values.astype(np.float16)
    buf = type(model.buffers[0])()
    buf.data = list(half.tobytes())
    model.buffers.append(buf)
    t16 = type(t)()
    t16.shape = list(t.shape)
    t16.type = schema.names["FLOAT16"]
    t16.buffer = len(model.buffers) - 1
    t16.name = (t.name.decode() if isinstance(t.name, bytes) else t.name) + "_fp16"
    g.tensors.append(t16)
    empty = type(model.buffers[0])()
    model.buffers.append(empty)
    t.buffer = len(model.buffers) - 1  # now an activation: the DEQUANTIZE's output
    deq = type(op)()
    deq.opcodeIndex = dequantize_code
    deq.inputs = [len(g.tensors) - 1]
    deq.outputs = [op.inputs[slot]]
    g.operators.insert(op_index, deq)
    return half.astype(np.float64).reshape(t.shape)


def make(schema, name):
    src = os.path.join(HERE, "cases", name)
    case = json.load(open(os.path.join(src, "case.json")))
    model = schema.load(bytearray(open(os.path.join(HERE, case["model"]), "rb").read()))
    g = model.subgraphs[0]
    code = type(model.operatorCodes[0])()
    code.builtinCode = schema.names["DEQUANTIZE"]
    code.deprecatedBuiltinCode = schema.names["DEQUANTIZE"]
    code.version = 3
    model.operatorCodes.append(code)
    dequantize_code = len(model.operatorCodes) - 1
    op_index = 0
    opts = g.operators[0].builtinOptions
    has_bias = len(g.operators[0].inputs) > 2 and g.operators[0].inputs[2] >= 0
    w = to_half_behind_dequantize(schema, model, g, op_index, 1, dequantize_code)
    bias = None
    if has_bias:
        op_index += 1
        bias = to_half_behind_dequantize(schema, model, g, op_index, 2, dequantize_code)
    x = np.frombuffer(open(os.path.join(src, "input0.bin"), "rb").read(), np.float32)
    x = x.reshape(case["inputs"][0]["shape"]).astype(np.float64)
    act = opts.fusedActivationFunction
    if case["op"] == "FULLY_CONNECTED":
        want = x.reshape(-1, w.shape[1]) @ w.T + (bias if bias is not None else 0.0)
        lo, hi = ACTIVATION_RANGE[act]
        want = np.clip(want, lo, hi)
    elif case["op"] == "DEPTHWISE_CONV_2D":
        want, _ = depthwise(x, w, bias, (opts.strideH, opts.strideW),
                            (opts.dilationHFactor, opts.dilationWFactor), opts.padding == 0, act)
    else:
        want = conv(x, w, bias, (opts.strideH, opts.strideW),
                    (opts.dilationHFactor, opts.dilationWFactor), opts.padding == 0, act)
    out_name = name.replace("_float32_", "_float16_")
    dst = os.path.join(HERE, "cases", out_name)
    shutil.rmtree(dst, ignore_errors=True)
    os.makedirs(dst)
    shutil.copy(os.path.join(src, "input0.bin"), dst)
    want.astype(np.float32).tofile(os.path.join(dst, "expected0.bin"))
    model_path = f"models/{out_name}.tflite"
    open(os.path.join(HERE, model_path), "wb").write(schema.save(model))
    case["model"] = model_path
    case["dtype"] = "float16"
    case["outputs"][0]["compare"] = {"mode": "close", "atol": 1e-5, "rtol": 1e-5}
    case["reference"] = {"engine": "tests/ops/make_float16_cases.py: numpy float64 operation on "
                                   "the float16-rounded weights and bias"}
    with open(os.path.join(dst, "case.json"), "w") as f:
        json.dump(case, f, indent=1)
    print(out_name)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--flatc", default="flatc")
    schema = object_api_schema(p.parse_args().flatc)
    for name in SOURCES:
        make(schema, name)


if __name__ == "__main__":
    main()
