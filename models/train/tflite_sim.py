"""A numpy interpreter for TFLite graphs: the reference semantics Strata's runtime is checked by.

It runs a tflite_graph.Graph (normally one read back from a .tflite file) on a batch of inputs,
dispatching each operator by opcode and tensor types to the float / hybrid kernels or to the
bit-exact int8 kernels. The leading dimension of the model's activations is treated as the batch, so
2,000 test digits run in a few calls instead of 2,000 invocations. Covers the ops of the MNIST and
sine models plus those needed to replay TFLite Micro's conformance cases (SAME padding, strides,
average pooling), which is how the int8 kernels here were validated.
"""

import numpy as np

import sim_kernels_float as kf
import sim_kernels_int8 as ki

INT8, FLOAT32 = 9, 0
CONV_2D, DEPTHWISE_CONV_2D, DEQUANTIZE, FULLY_CONNECTED = 3, 4, 6, 9
AVERAGE_POOL_2D, MAX_POOL_2D, RESHAPE, SOFTMAX, QUANTIZE = 1, 17, 22, 25, 114


def _reshape(op, tins, vins, tout):
    shape = tout.shape
    return np.asarray(vins[0]).reshape((-1,) + tuple(shape[1:]))


def _kernel(op, activation_type):
    """Picks the kernel for an operator given the type of its first input."""
    is_int8 = activation_type == INT8
    table = {
        CONV_2D: ki.conv2d if is_int8 else kf.conv2d,
        DEPTHWISE_CONV_2D: ki.depthwise_conv2d if is_int8 else kf.depthwise_conv2d,
        FULLY_CONNECTED: ki.fully_connected if is_int8 else kf.fully_connected,
        MAX_POOL_2D: lambda *a: (ki.pool2d if is_int8 else kf.pool2d)(*a, kind="max"),
        AVERAGE_POOL_2D: lambda *a: (ki.pool2d if is_int8 else kf.pool2d)(*a, kind="avg"),
        SOFTMAX: ki.softmax if is_int8 else kf.softmax,
        RESHAPE: _reshape,
        DEQUANTIZE: kf.dequantize,
        QUANTIZE: ki.quantize,
    }
    if op.opcode not in table:
        raise NotImplementedError(f"simulation of builtin operator {op.opcode}")
    return table[op.opcode]


class Interpreter:
    """Runs a Graph; `trace` keeps every intermediate tensor (to debug per-layer mismatches)."""

    def __init__(self, graph):
        self.graph = graph
        self.values = {}

    def run(self, inputs, trace=False):
        g = self.graph
        values = {i: t.data for i, t in enumerate(g.tensors) if t.data is not None}
        for index, array in zip(g.inputs, inputs):
            t = g.tensors[index]
            array = np.asarray(array)
            if array.dtype != t.numpy_dtype:
                raise TypeError(f"input {t.name}: got {array.dtype}, model wants {t.numpy_dtype}")
            values[index] = array
        for op in g.operators:
            tins = [g.tensors[i] if i >= 0 else None for i in op.inputs]
            vins = [values.get(i) if i >= 0 else None for i in op.inputs]
            tout = g.tensors[op.outputs[0]]
            out = _kernel(op, tins[0].dtype)(op, tins, vins, tout)
            if out.dtype != tout.numpy_dtype:
                raise TypeError(f"{tout.name}: kernel gave {out.dtype}, not {tout.numpy_dtype}")
            values[op.outputs[0]] = out
        if trace:
            self.values = values
        return [values[i] for i in g.outputs]

    def run_batched(self, x, batch=250):
        """Single-input, single-output convenience over a large batch."""
        outs = [self.run([x[i:i + batch]])[0] for i in range(0, x.shape[0], batch)]
        return np.concatenate(outs)
