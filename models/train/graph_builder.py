"""Assembles tflite_graph.Graph objects in the order the TFLite converter lays them out.

The converter lists the input tensor first, then the constant tensors, then the activations, and
(for float16 models) puts every DEQUANTIZE of a constant before the first compute operator. The
builder hands out provisional handles while a model is described layer by layer and renumbers
everything in finish(), so model descriptions stay in natural layer order.
"""

import numpy as np

from tflite_graph import Graph, Operator, Tensor

FLOAT32, FLOAT16, INT32, INT8 = 0, 1, 2, 9
DEQUANTIZE = 6


class GraphBuilder:
    def __init__(self, description):
        self.description = description
        self.groups = {"input": [], "const": [], "act": []}
        self.ops, self.front_ops = [], []

    def _add(self, group, tensor):
        self.groups[group].append(tensor)
        return (group, len(self.groups[group]) - 1)

    def input(self, name, shape, dtype, scale=None, zero_point=None):
        return self._add("input", _tensor(name, shape, dtype, None, scale, zero_point, 0, True))

    def const(self, name, data, dtype, scale=None, zero_point=None, qdim=0):
        tensor = _tensor(name, data.shape, dtype, data, scale, zero_point, qdim, False)
        return self._add("const", tensor)

    def act(self, name, shape, dtype, scale=None, zero_point=None, dynamic_batch=True):
        tensor = _tensor(name, shape, dtype, None, scale, zero_point, 0, dynamic_batch)
        return self._add("act", tensor)

    def float_const(self, name, data, half):
        """float32 constant, or float16 constant + DEQUANTIZE to float32 (converter's fp16 mode)."""
        if not half:
            return self.const(name, data.astype(np.float32), FLOAT32)
        h16 = self.const(name, data.astype(np.float16), FLOAT16)
        f32 = self.act(f"{name}/dequantize", data.shape, FLOAT32, dynamic_batch=False)
        self.front_ops.append(Operator(DEQUANTIZE, 3, [h16], [f32]))
        return f32

    def op(self, opcode, version, inputs, outputs, options=None):
        self.ops.append(Operator(opcode, version, list(inputs), list(outputs), options))

    def finish(self, inputs, outputs, signature_names):
        order = self.groups["input"] + self.groups["const"] + self.groups["act"]
        base = {"input": 0, "const": len(self.groups["input"])}
        base["act"] = base["const"] + len(self.groups["const"])
        index = lambda h: base[h[0]] + h[1]  # noqa: E731
        # The model outputs go last, as in converter output: move them to the end.
        out_ids = [index(h) for h in outputs]
        perm = [i for i in range(len(order)) if i not in out_ids] + out_ids
        new_pos = {old: new for new, old in enumerate(perm)}
        remap = lambda h: new_pos[index(h)]  # noqa: E731
        graph = Graph(description=self.description)
        graph.tensors = [order[i] for i in perm]
        for op in self.front_ops + self.ops:
            graph.operators.append(Operator(op.opcode, op.version, [remap(h) for h in op.inputs],
                                            [remap(h) for h in op.outputs], op.options))
        graph.inputs = [remap(h) for h in inputs]
        graph.outputs = [remap(h) for h in outputs]
        in_alias, out_alias = signature_names
        graph.signature = ("serving_default", [(in_alias, graph.inputs[0])],
                           [(out_alias, graph.outputs[0])])
        return graph


def _tensor(name, shape, dtype, data, scale, zero_point, qdim, dynamic_batch):
    shape = tuple(int(s) for s in shape)
    t = Tensor(name=name, shape=shape, dtype=dtype, data=data, quantized_dimension=qdim)
    if scale is not None:
        t.scale = np.atleast_1d(np.asarray(scale, dtype=np.float32))
        zp = zero_point if zero_point is not None else np.zeros(t.scale.size, dtype=np.int64)
        t.zero_point = np.atleast_1d(np.asarray(zp, dtype=np.int64))
    if dynamic_batch:
        # Converter models keep Keras' unknown batch size in shape_signature.
        t.shape_signature = (-1,) + shape[1:]
    return t
