"""Parses .tflite bytes into tflite_graph classes with the flatc-generated reader code.

Used to evaluate exported files (the simulation runs on what was written, not on training arrays),
to cross-check models made by TensorFlow's converter (the conformance suite), and to dump a model
for comparison (`python3 tflite_reader.py file.tflite`).
"""

import inspect
import sys

import numpy as np

import fbs_codegen
from tflite_graph import NUMPY_TYPES, TYPE_NAMES, Graph, Operator, Tensor

_SKIP_SUFFIXES = ("AsNumpy", "Length", "IsNone", "BufferHasIdentifier")


def _options_dict(obj):
    """Scalar fields of a generated options table as {AccessorName: value}."""
    values = {}
    for name, member in vars(type(obj)).items():
        if not inspect.isfunction(member) or name == "Init" or name.startswith("GetRootAs"):
            continue
        if name.endswith(_SKIP_SUFFIXES) or len(inspect.signature(member).parameters) != 1:
            continue
        values[name] = member(obj)
    return values


def _tensor(t, buffers):
    shape = tuple(int(x) for x in t.ShapeAsNumpy()) if t.ShapeLength() else ()
    tensor = Tensor(name=t.Name().decode(), shape=shape, dtype=t.Type(), buffer=t.Buffer())
    if t.ShapeSignatureLength():
        tensor.shape_signature = tuple(int(x) for x in t.ShapeSignatureAsNumpy())
    raw = buffers[t.Buffer()]
    if raw is not None and len(raw) > 0:
        if t.Type() not in NUMPY_TYPES:
            raise ValueError(f"tensor {tensor.name}: unsupported type {t.Type()}")
        tensor.data = np.frombuffer(raw.tobytes(), dtype=NUMPY_TYPES[t.Type()]).reshape(shape)
    q = t.Quantization()
    if q is not None and q.ScaleLength():
        tensor.scale = q.ScaleAsNumpy().astype(np.float32)
        tensor.zero_point = (q.ZeroPointAsNumpy().astype(np.int64) if q.ZeroPointLength()
                             else np.zeros(q.ScaleLength(), dtype=np.int64))
        tensor.quantized_dimension = q.QuantizedDimension()
    return tensor


def _operator(s, op, opcodes):
    code, version = opcodes[op.OpcodeIndex()]
    inputs = [int(x) for x in op.InputsAsNumpy()] if op.InputsLength() else []
    outputs = [int(x) for x in op.OutputsAsNumpy()] if op.OutputsLength() else []
    options = None
    if op.BuiltinOptionsType():
        name = s.enum_name("BuiltinOptions", op.BuiltinOptionsType())
        table = op.BuiltinOptions()
        obj = s.cls(name)()
        obj.Init(table.Bytes, table.Pos)
        options = (name, _options_dict(obj))
    return Operator(opcode=code, version=version, inputs=inputs, outputs=outputs, options=options)


def read(data, schema=None):
    """Returns a Graph for subgraph 0 of the model in `data` (bytes)."""
    s = schema or fbs_codegen.load()
    model_cls = s.cls("Model")
    if not model_cls.ModelBufferHasIdentifier(data, 0):
        raise ValueError("not a TFLite flatbuffer (file identifier is not TFL3)")
    m = model_cls.GetRootAs(bytearray(data), 0)
    buffers = [m.Buffers(i).DataAsNumpy() if m.Buffers(i).DataLength() else None
               for i in range(m.BuffersLength())]
    opcodes = []
    for i in range(m.OperatorCodesLength()):
        oc = m.OperatorCodes(i)
        opcodes.append((max(oc.DeprecatedBuiltinCode(), oc.BuiltinCode()), oc.Version()))
    g = m.Subgraphs(0)
    graph = Graph(description=(m.Description() or b"").decode(),
                  subgraph_name=(g.Name() or b"").decode())
    graph.tensors = [_tensor(g.Tensors(i), buffers) for i in range(g.TensorsLength())]
    graph.operators = [_operator(s, g.Operators(i), opcodes) for i in range(g.OperatorsLength())]
    graph.inputs = [int(x) for x in g.InputsAsNumpy()]
    graph.outputs = [int(x) for x in g.OutputsAsNumpy()]
    if m.SignatureDefsLength():
        sd = m.SignatureDefs(0)
        ins = [(m_.Name().decode(), m_.TensorIndex())
               for m_ in (sd.Inputs(i) for i in range(sd.InputsLength()))]
        outs = [(m_.Name().decode(), m_.TensorIndex())
                for m_ in (sd.Outputs(i) for i in range(sd.OutputsLength()))]
        graph.signature = (sd.SignatureKey().decode(), ins, outs)
    return graph


def dump(graph, schema=None):
    """Human-readable listing (one line per tensor and operator)."""
    s = schema or fbs_codegen.load()
    lines = [f"description: {graph.description!r}  inputs {graph.inputs}  outputs {graph.outputs}"]
    for i, t in enumerate(graph.tensors):
        q = ""
        if t.quantized:
            q = (f" scale[{len(t.scale)}]={t.scale[0]:.6g} zp={int(t.zero_point[0])}"
                 f" qdim={t.quantized_dimension}")
        const = " const" if t.data is not None else ""
        type_name = TYPE_NAMES.get(t.dtype, t.dtype)
        lines.append(f"  T{i} {type_name} {list(t.shape)}{const}{q} {t.name}")
    for i, op in enumerate(graph.operators):
        name = s.enum_name("BuiltinOperator", op.opcode)
        lines.append(f"  OP{i} {name} v{op.version} in {op.inputs} out {op.outputs} {op.options}")
    return "\n".join(lines)


if __name__ == "__main__":
    with open(sys.argv[1], "rb") as f:
        print(dump(read(f.read())))
