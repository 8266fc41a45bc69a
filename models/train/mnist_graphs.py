"""The four TFLite variants of the MNIST CNN, described as the TFLite converter would emit them.

- f32: float32 everywhere (converter default).
- f16: float16 weights and biases, each followed by a DEQUANTIZE (v3) to float32 at the start of the
  graph; activations stay float32 (converter with supported_types=[float16]).
- hybrid: dynamic-range quantization: weights with >= 1024 elements become int8 symmetric
  per-channel (conv2, conv3, dense), smaller ones (the first convolution, the last dense) stay
  float32 as the converter's 1024-element threshold leaves them; CONV_2D v5 / FULLY_CONNECTED v12
  are the per-channel hybrid versions, and FULLY_CONNECTED quantizes its input asymmetrically
  (asymmetric_quantize_inputs).
- int8: full integer: int8 input (scale 1/255, zero point -128) and output (softmax: 1/256, -128),
  per-channel symmetric int8 weights (quantized_dimension 0, 3 for the depthwise filter), int32
  biases with scale input_scale * weight_scale, activation ranges calibrated (min/max) on training
  digits.

The first convolution has one input channel, so like the converter we emit it as DEPTHWISE_CONV_2D
with depth_multiplier 32 and a [1,3,3,32] filter.
"""

import numpy as np

import nn_ops
from graph_builder import FLOAT32, INT32, INT8, GraphBuilder
from quant_math import activation_params, quantize_bias, quantize_weights_per_channel

VARIANTS = ("f32", "f16", "hybrid", "int8")
CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED, MAX_POOL_2D, RESHAPE, SOFTMAX = 3, 4, 9, 17, 22, 25
VALID, RELU, NONE = 1, 1, 0
HYBRID_MIN_ELEMENTS = 1024  # the converter leaves smaller weight tensors in float
INT8_VERSIONS = {DEPTHWISE_CONV_2D: 3, CONV_2D: 3, MAX_POOL_2D: 2, RESHAPE: 1, FULLY_CONNECTED: 4,
                 SOFTMAX: 2}
HYBRID_VERSIONS = {CONV_2D: 5, DEPTHWISE_CONV_2D: 6, FULLY_CONNECTED: 12}


def float_activation_ranges(params, x):
    """(min, max) of each layer output of the float model on calibration digits x."""
    c1, _ = nn_ops.conv3x3_relu_forward(x, params["conv1_w"], params["conv1_b"])
    c2, _ = nn_ops.conv3x3_relu_forward(nn_ops.maxpool2x2_forward(c1)[0], params["conv2_w"],
                                        params["conv2_b"])
    c3, _ = nn_ops.conv3x3_relu_forward(nn_ops.maxpool2x2_forward(c2)[0], params["conv3_w"],
                                        params["conv3_b"])
    h, _ = nn_ops.dense_forward(c3.reshape(x.shape[0], -1), params["fc1_w"], params["fc1_b"], True)
    logits, _ = nn_ops.dense_forward(h, params["fc2_w"], params["fc2_b"], False)
    acts = {"conv1": c1, "conv2": c2, "conv3": c3, "fc1": h, "fc2": logits}
    return {k: (float(v.min()), float(v.max())) for k, v in acts.items()}


class _Mnist:
    def __init__(self, variant, ranges):
        self.v, self.ranges = variant, ranges
        self.b = GraphBuilder(f"Strata MNIST CNN ({variant}); models/train/export_mnist.py")
        self.qparams = {}  # int8 activation handle -> (scale, zero_point)

    def version(self, opcode, hybrid_weights=False):
        if self.v == "int8":
            return INT8_VERSIONS[opcode]
        return HYBRID_VERSIONS[opcode] if hybrid_weights else 1

    def act(self, name, shape, key=None, same_as=None):
        if self.v != "int8":
            return self.b.act(name, shape, FLOAT32)
        if same_as is not None:  # MAX_POOL_2D and RESHAPE keep their input's parameters
            scale, zp = self.qparams[same_as]
        else:
            scale, zp = activation_params(*self.ranges[key])
        handle = self.b.act(name, shape, INT8, scale, zp)
        self.qparams[handle] = (scale, zp)
        return handle

    def weights(self, name, w, bias, qdim, x):
        """Filter and bias constants; returns (w handle, bias handle, hybrid?)."""
        if self.v in ("f32", "f16"):
            half = self.v == "f16"
            return (self.b.float_const(name, w, half),
                    self.b.float_const(f"{name}_bias", bias, half), False)
        if self.v == "hybrid":
            if w.size < HYBRID_MIN_ELEMENTS:
                return (self.b.const(name, w, FLOAT32),
                        self.b.const(f"{name}_bias", bias, FLOAT32), False)
            q, scales = quantize_weights_per_channel(w, qdim)
            wh = self.b.const(name, q, INT8, scales, qdim=qdim)
            return wh, self.b.const(f"{name}_bias", bias.astype(np.float32), FLOAT32), True
        q, scales = quantize_weights_per_channel(w, qdim)
        qb, bias_scales = quantize_bias(bias, self.qparams[x][0], scales)
        wh = self.b.const(name, q, INT8, scales, qdim=qdim)
        return wh, self.b.const(f"{name}_bias", qb, INT32, bias_scales), False

    def conv(self, x, layer, key, w_ohwi, bias, out_shape, depthwise):
        w_name = f"sequential/{layer}/Conv2D"
        wh, bh, hybrid = self.weights(w_name, w_ohwi, bias, 3 if depthwise else 0, x)
        y = self.act(f"sequential/{layer}/Relu", out_shape, key=key)
        opts = {"Padding": VALID, "StrideW": 1, "StrideH": 1, "FusedActivationFunction": RELU}
        if depthwise:
            opts = {"Padding": VALID, "StrideW": 1, "StrideH": 1,
                    "DepthMultiplier": out_shape[3], "FusedActivationFunction": RELU}
            code, table = DEPTHWISE_CONV_2D, "DepthwiseConv2DOptions"
        else:
            code, table = CONV_2D, "Conv2DOptions"
        self.b.op(code, self.version(code, hybrid), [x, wh, bh], [y], (table, opts))
        return y

    def maxpool(self, x, layer, out_shape):
        y = self.act(f"sequential/{layer}/MaxPool", out_shape, same_as=x)
        opts = {"Padding": VALID, "StrideW": 2, "StrideH": 2, "FilterWidth": 2, "FilterHeight": 2}
        self.b.op(MAX_POOL_2D, self.version(MAX_POOL_2D), [x], [y], ("Pool2DOptions", opts))
        return y

    def flatten(self, x, size):
        shape = self.b.const("sequential/flatten/Const", np.array([-1, size], np.int32), INT32)
        y = self.act("sequential/flatten/Reshape", (1, size), same_as=x)
        self.b.op(RESHAPE, 1, [x, shape], [y])
        return y

    def dense(self, x, layer, w_out_in, bias, relu, key):
        wh, bh, hybrid = self.weights(f"sequential/{layer}/MatMul", w_out_in, bias, 0, x)
        suffix = "Relu" if relu else "BiasAdd"
        y = self.act(f"sequential/{layer}/{suffix}", (1, w_out_in.shape[0]), key=key)
        opts = {"FusedActivationFunction": RELU if relu else NONE}
        if hybrid:
            opts["AsymmetricQuantizeInputs"] = True
        self.b.op(FULLY_CONNECTED, self.version(FULLY_CONNECTED, hybrid), [x, wh, bh], [y],
                  ("FullyConnectedOptions", opts))
        return y

    def softmax(self, x):
        if self.v == "int8":
            y = self.b.act("StatefulPartitionedCall:0", (1, 10), INT8, 1.0 / 256, -128)
        else:
            y = self.b.act("StatefulPartitionedCall:0", (1, 10), FLOAT32)
        self.b.op(SOFTMAX, self.version(SOFTMAX), [x], [y], ("SoftmaxOptions", {"Beta": 1.0}))
        return y


def build(variant, params, ranges=None):
    """Graph for one variant. params: training-layout float32 weights; ranges: for int8 only."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant}; valid: {', '.join(VARIANTS)}")
    m = _Mnist(variant, ranges)
    if variant == "int8":
        x = m.b.input("serving_default_conv2d_input:0", (1, 28, 28, 1), INT8, 1.0 / 255, -128)
        m.qparams[x] = activation_params(0.0, 1.0)
    else:
        x = m.b.input("serving_default_conv2d_input:0", (1, 28, 28, 1), FLOAT32)
    ohwi = lambda w: np.ascontiguousarray(w.transpose(3, 0, 1, 2))  # noqa: E731 HWIO -> OHWI
    dw = np.ascontiguousarray(params["conv1_w"].reshape(1, 3, 3, 32))  # HWIO with I=1 -> [1,H,W,O]
    h = m.conv(x, "conv2d", "conv1", dw, params["conv1_b"], (1, 26, 26, 32), depthwise=True)
    h = m.maxpool(h, "max_pooling2d", (1, 13, 13, 32))
    h = m.conv(h, "conv2d_1", "conv2", ohwi(params["conv2_w"]), params["conv2_b"], (1, 11, 11, 64),
               depthwise=False)
    h = m.maxpool(h, "max_pooling2d_1", (1, 5, 5, 64))
    h = m.conv(h, "conv2d_2", "conv3", ohwi(params["conv3_w"]), params["conv3_b"], (1, 3, 3, 64),
               depthwise=False)
    h = m.flatten(h, 576)
    out_in = lambda w: np.ascontiguousarray(w.T)  # noqa: E731 [in, out] -> [out, in]
    h = m.dense(h, "dense", out_in(params["fc1_w"]), params["fc1_b"], True, "fc1")
    h = m.dense(h, "dense_1", out_in(params["fc2_w"]), params["fc2_b"], False, "fc2")
    y = m.softmax(h)
    return m.b.finish([x], [y], ("conv2d_input", "dense_1"))
