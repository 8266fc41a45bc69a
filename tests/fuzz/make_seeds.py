#!/usr/bin/python3
"""Writes the model fuzzer's small seed models into tests/fuzz/corpus/model/: one operator each (the
ops the runtime implements, int8 and float32 forms, the operand forms the converter writes: fully
connected without bias, broadcasting ADD/MUL, constant paddings and axes), a few hundred bytes to
a few KB each. Small seeds keep every fuzz run fast and put every kernel one mutation away.

Uses the project's own model writer (models/train/graph_builder.py, tflite_writer.py):
    /usr/bin/python3 tests/fuzz/make_seeds.py
"""
import os
import sys

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "models", "train"))
from graph_builder import FLOAT32, INT32, INT8, GraphBuilder  # noqa: E402
import tflite_writer  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus", "model")

ADD, AVERAGE_POOL_2D, CONCATENATION, CONV_2D, DEPTHWISE_CONV_2D = 0, 1, 2, 3, 4
DEQUANTIZE, FULLY_CONNECTED, LOGISTIC, MAX_POOL_2D, MUL, RELU = 6, 9, 14, 17, 18, 19
RELU6, RESHAPE, SOFTMAX, TANH, PAD, MEAN, QUANTIZE = 21, 22, 25, 28, 34, 40, 114
INT16 = 7

rng = np.random.default_rng(14)


class Seed:
    """One model: inputs, constants and one or two ops, in int8 (scale/zero point) or float32."""

    def __init__(self, name, dtype):
        self.name, self.dtype = name, dtype
        self.b = GraphBuilder(f"fuzz seed {name}")
        self.inputs = []

    def q(self, scale=0.05, zero_point=-3):
        return dict(scale=scale, zero_point=zero_point) if self.dtype == INT8 else {}

    def input(self, shape, **q):
        handle = self.b.input(f"x{len(self.inputs)}", shape, self.dtype, **(q or self.q()))
        self.inputs.append(handle)
        return handle

    def act(self, shape, name="y", **q):
        return self.b.act(name, shape, self.dtype, **(q or self.q(0.08, 5)))

    def weights(self, name, shape, qdim=0, per_channel=False):
        if self.dtype != INT8:
            return self.b.const(name, rng.normal(0, 0.3, shape).astype(np.float32), FLOAT32)
        data = rng.integers(-127, 128, shape).astype(np.int8)
        scale = np.full(shape[qdim] if per_channel else 1, 0.02, dtype=np.float32)
        return self.b.const(name, data, INT8, scale=scale, zero_point=np.zeros(scale.size, np.int64),
                            qdim=qdim if per_channel else 0)

    def bias(self, name, n, input_scale=0.05, weight_scale=0.02):
        if self.dtype != INT8:
            return self.b.const(name, rng.normal(0, 0.1, n).astype(np.float32), FLOAT32)
        data = rng.integers(-500, 500, n).astype(np.int32)
        scale = np.full(n, input_scale * weight_scale, dtype=np.float32)
        return self.b.const(name, data, INT32, scale=scale, zero_point=np.zeros(n, np.int64))

    def int32_const(self, name, values):
        return self.b.const(name, np.asarray(values, dtype=np.int32), INT32)

    def write(self, outputs):
        graph = self.b.finish(self.inputs, outputs, ("x", "y"))
        path = os.path.join(OUT, f"seed_{self.name}.tflite")
        with open(path, "wb") as f:
            f.write(tflite_writer.write(graph))
        return path


def unary(name, op, version, dtype, shape=(1, 4, 4, 3), out_q=None, options=None):
    s = Seed(name, dtype)
    x = s.input(shape)
    y = s.act(shape, **(out_q if out_q and dtype == INT8 else {}))
    s.b.op(op, version, [x], [y], options)
    s.write([y])


def binary(name, op, dtype, a_shape, b_shape, out_shape):
    s = Seed(name, dtype)
    a, b = s.input(a_shape), s.input(b_shape, **s.q(0.04, 2))
    y = s.act(out_shape)
    table = "AddOptions" if op == ADD else "MulOptions"
    s.b.op(op, 2 if dtype == INT8 else 1, [a, b], [y], (table, {"FusedActivationFunction": 0}))
    s.write([y])


def fully_connected(name, dtype, batches, depth, units, with_bias):
    s = Seed(name, dtype)
    x = s.input((batches, depth))
    w = s.weights("w", (units, depth))
    inputs = [x, w] + ([s.bias("b", units)] if with_bias else [])
    y = s.act((batches, units))
    s.b.op(FULLY_CONNECTED, 1 if dtype == FLOAT32 else 4, inputs, [y],
           ("FullyConnectedOptions", {"FusedActivationFunction": 0}))
    s.write([y])


def conv(name, dtype, depthwise):
    s = Seed(name, dtype)
    x = s.input((1, 5, 5, 3))
    if depthwise:
        w = s.weights("w", (1, 3, 3, 3), qdim=3, per_channel=True)
        options = ("DepthwiseConv2DOptions", {"Padding": 0, "StrideW": 1, "StrideH": 1,
                                              "DepthMultiplier": 1, "DilationWFactor": 1,
                                              "DilationHFactor": 1})
        y = s.act((1, 5, 5, 3))
        s.b.op(DEPTHWISE_CONV_2D, 3 if dtype == INT8 else 1, [x, w, s.bias("b", 3)], [y], options)
    else:
        w = s.weights("w", (4, 3, 3, 3), qdim=0, per_channel=True)
        options = ("Conv2DOptions", {"Padding": 1, "StrideW": 2, "StrideH": 2,
                                     "DilationWFactor": 1, "DilationHFactor": 1})
        y = s.act((1, 2, 2, 4))
        s.b.op(CONV_2D, 3 if dtype == INT8 else 1, [x, w, s.bias("b", 4)], [y], options)
    s.write([y])


def pool(name, op, dtype):
    s = Seed(name, dtype)
    x = s.input((1, 6, 6, 2))
    y = s.act((1, 3, 3, 2), **s.q())
    s.b.op(op, 2 if dtype == INT8 else 1, [x], [y],
           ("Pool2DOptions", {"Padding": 0, "StrideW": 2, "StrideH": 2, "FilterWidth": 3,
                              "FilterHeight": 3}))
    s.write([y])


def pad(name, dtype):
    s = Seed(name, dtype)
    x = s.input((1, 3, 3, 2))
    paddings = s.int32_const("paddings", [[0, 0], [1, 2], [2, 1], [0, 0]])
    y = s.act((1, 6, 6, 2), **s.q())
    s.b.op(PAD, 2 if dtype == INT8 else 1, [x, paddings], [y], ("PadOptions", {}))
    s.write([y])


def concatenation(name, dtype):
    s = Seed(name, dtype)
    parts = [s.input((1, 2, 2, c), **s.q()) for c in (1, 2, 3)]
    y = s.act((1, 2, 2, 6), **s.q())
    s.b.op(CONCATENATION, 3 if dtype == INT8 else 1, parts, [y],
           ("ConcatenationOptions", {"Axis": 3, "FusedActivationFunction": 0}))
    s.write([y])


def mean(name, dtype):
    s = Seed(name, dtype)
    x = s.input((1, 4, 4, 3))
    axes = s.int32_const("axes", [1, 2])
    y = s.act((1, 1, 1, 3))
    s.b.op(MEAN, 2 if dtype == INT8 else 1, [x, axes], [y], ("ReducerOptions", {"KeepDims": True}))
    s.write([y])


def reshape(name, dtype):
    s = Seed(name, dtype)
    x = s.input((1, 4, 3), **s.q())
    shape = s.int32_const("shape", [1, 12])
    y = s.act((1, 12), **s.q())
    s.b.op(RESHAPE, 1, [x, shape], [y])
    s.write([y])


def softmax(name, dtype):
    s = Seed(name, dtype)
    x = s.input((1, 10))
    y = s.act((1, 10), **({"scale": 1 / 256, "zero_point": -128} if dtype == INT8 else {}))
    s.b.op(SOFTMAX, 2 if dtype == INT8 else 1, [x], [y], ("SoftmaxOptions", {"Beta": 1.0}))
    s.write([y])


def quantize_pair(name):
    s = Seed(name, FLOAT32)
    x = s.input((1, 8))
    q = s.b.act("q", (1, 8), INT8, scale=0.05, zero_point=3)
    y = s.b.act("y", (1, 8), FLOAT32)
    s.b.op(QUANTIZE, 1, [x], [q])
    s.b.op(DEQUANTIZE, 2, [q], [y])
    s.write([y])


def main():
    os.makedirs(OUT, exist_ok=True)
    for dtype, tag in ((INT8, "int8"), (FLOAT32, "f32")):
        fully_connected(f"fc_{tag}", dtype, 2, 8, 4, True)
        fully_connected(f"fc_{tag}_nobias", dtype, 1, 6, 3, False)
        binary(f"add_{tag}_broadcast", ADD, dtype, (1, 2, 1, 3), (1, 1, 4, 3), (1, 2, 4, 3))
        binary(f"mul_{tag}_broadcast", MUL, dtype, (2, 1, 3), (1, 4, 1), (2, 4, 3))
        conv(f"conv_{tag}", dtype, False)
        conv(f"depthwise_{tag}", dtype, True)
        pool(f"avgpool_{tag}", AVERAGE_POOL_2D, dtype)
        pool(f"maxpool_{tag}", MAX_POOL_2D, dtype)
        pad(f"pad_{tag}", dtype)
        concatenation(f"concat_{tag}", dtype)
        mean(f"mean_{tag}", dtype)
        reshape(f"reshape_{tag}", dtype)
        softmax(f"softmax_{tag}", dtype)
        unary(f"relu_{tag}", RELU, 1, dtype)
        unary(f"relu6_{tag}", RELU6, 1, dtype, out_q={"scale": 0.05, "zero_point": -3})
    unary("logistic_int8", LOGISTIC, 2, INT8, out_q={"scale": 1 / 256, "zero_point": -128})
    unary("tanh_int8", TANH, 2, INT8, out_q={"scale": 1 / 128, "zero_point": 0})
    unary("logistic_f32", LOGISTIC, 1, FLOAT32)
    unary("tanh_f32", TANH, 1, FLOAT32)
    quantize_pair("quantize_dequantize")
    print(f"make_seeds: {len(os.listdir(OUT))} files in {OUT}")


if __name__ == "__main__":
    main()
