"""Serializes a tflite_graph.Graph into .tflite bytes with the flatc-generated builder code.

Layout choices follow what TensorFlow's (MLIR) converter writes, so the runtime sees the same shapes
of file as from real users: schema version 3, file identifier "TFL3", buffer 0 the empty sentinel
and one buffer per tensor (empty for activations), constant data 16-byte aligned (the generated
Python code ignores the schema's force_align, so we align the vectors ourselves; float kernels on
Cortex-M load weights with VLDR, which faults on unaligned addresses), an empty quantization table
on float tensors, one operator code per (op, version) with both deprecated_builtin_code and
builtin_code set, has_rank on every tensor, and a serving_default SignatureDef naming the input and
output.
"""

import flatbuffers
import numpy as np

import fbs_codegen

PLACEHOLDER_FOR_GREATER_OP_CODES = 127


class _Writer:
    def __init__(self, schema):
        self.s = schema
        self.b = flatbuffers.Builder(1 << 20)

    def fn(self, table, what):
        """Generated module-level builder function, e.g. fn("Tensor", "AddShape")."""
        return getattr(self.s.module(table), f"{table}{what}")

    def vector(self, table, field, values, prepend):
        self.fn(table, f"Start{field}Vector")(self.b, len(values))
        for v in reversed(values):
            prepend(v)
        return self.b.EndVector()

    def int_vector(self, table, field, values):
        return self.vector(table, field, [int(v) for v in values], self.b.PrependInt32)

    def offset_vector(self, table, field, offsets):
        return self.vector(table, field, offsets, self.b.PrependUOffsetTRelative)

    def aligned_bytes(self, raw, alignment=16):
        self.b.StartVector(1, len(raw), alignment)
        self.b.head -= len(raw)
        self.b.Bytes[self.b.head:self.b.head + len(raw)] = raw
        return self.b.EndVector()

    def table(self, name, fields):
        """Builds table `name` from [(FieldName, value)]; children must already be serialized."""
        self.fn(name, "Start")(self.b)
        for field, value in fields:
            self.fn(name, f"Add{field}")(self.b, value)
        return self.fn(name, "End")(self.b)


def _buffer(w, data):
    if data is None:
        return w.table("Buffer", [])
    raw = np.ascontiguousarray(data).tobytes()
    return w.table("Buffer", [("Data", w.aligned_bytes(raw))])


def _quantization(w, t):
    if not t.quantized:
        return w.table("QuantizationParameters", [])
    table = "QuantizationParameters"
    scale = w.vector(table, "Scale", [float(x) for x in t.scale], w.b.PrependFloat32)
    zps = w.vector(table, "ZeroPoint", [int(x) for x in t.zero_point], w.b.PrependInt64)
    fields = [("Scale", scale), ("ZeroPoint", zps)]
    if t.quantized_dimension:
        fields.append(("QuantizedDimension", t.quantized_dimension))
    return w.table(table, fields)


def _tensor(w, t, buffer_index):
    name = w.b.CreateString(t.name)
    shape = w.int_vector("Tensor", "Shape", t.shape)
    quant = _quantization(w, t)
    fields = [("Shape", shape), ("Type", t.dtype), ("Buffer", buffer_index), ("Name", name),
              ("Quantization", quant)]
    if t.shape_signature is not None:
        signature = w.int_vector("Tensor", "ShapeSignature", t.shape_signature)
        fields.append(("ShapeSignature", signature))
    fields.append(("HasRank", True))
    return w.table("Tensor", fields)


def _options(w, options):
    name, values = options
    return w.table(name, list(values.items()))


def _operator(w, op, opcode_index, options_enum):
    inputs = w.int_vector("Operator", "Inputs", op.inputs)
    outputs = w.int_vector("Operator", "Outputs", op.outputs)
    fields = [("OpcodeIndex", opcode_index), ("Inputs", inputs), ("Outputs", outputs)]
    if op.options is not None:
        opts = _options(w, op.options)
        fields += [("BuiltinOptionsType", getattr(options_enum, op.options[0])),
                   ("BuiltinOptions", opts)]
    return w.table("Operator", fields)


def _opcodes(graph):
    """Distinct (opcode, version) pairs in first-use order, and each operator's index into them."""
    codes, index = [], []
    for op in graph.operators:
        key = (op.opcode, op.version)
        if key not in codes:
            codes.append(key)
        index.append(codes.index(key))
    return codes, index


def _signature(w, graph):
    key, ins, outs = graph.signature
    maps = []
    for entries in (ins, outs):
        offs = [w.table("TensorMap", [("Name", w.b.CreateString(alias)), ("TensorIndex", idx)])
                for alias, idx in entries]
        maps.append(offs)
    in_vec = w.offset_vector("SignatureDef", "Inputs", maps[0])
    out_vec = w.offset_vector("SignatureDef", "Outputs", maps[1])
    return w.table("SignatureDef", [("Inputs", in_vec), ("Outputs", out_vec),
                                    ("SignatureKey", w.b.CreateString(key)), ("SubgraphIndex", 0)])


def write(graph, schema=None):
    """Returns the .tflite bytes for `graph`."""
    s = schema or fbs_codegen.load()
    w = _Writer(s)
    # Buffers first: flatbuffers builds back to front, so the bulky data ends up at the end of the
    # file, after all tables, as in converter output.
    buffers = [_buffer(w, None)] + [_buffer(w, t.data) for t in graph.tensors]
    tensors = [_tensor(w, t, i + 1) for i, t in enumerate(graph.tensors)]
    codes, code_index = _opcodes(graph)
    options_enum = s.enum("BuiltinOptions")
    ops = [_operator(w, op, code_index[i], options_enum) for i, op in enumerate(graph.operators)]
    subgraph = w.table("SubGraph", [
        ("Tensors", w.offset_vector("SubGraph", "Tensors", tensors)),
        ("Inputs", w.int_vector("SubGraph", "Inputs", graph.inputs)),
        ("Outputs", w.int_vector("SubGraph", "Outputs", graph.outputs)),
        ("Operators", w.offset_vector("SubGraph", "Operators", ops)),
        ("Name", w.b.CreateString(graph.subgraph_name))])
    opcode_tables = [w.table("OperatorCode", [
        ("DeprecatedBuiltinCode", min(code, PLACEHOLDER_FOR_GREATER_OP_CODES)),
        ("Version", version), ("BuiltinCode", code)]) for code, version in codes]
    fields = [("Version", 3),
              ("OperatorCodes", w.offset_vector("Model", "OperatorCodes", opcode_tables)),
              ("Subgraphs", w.offset_vector("Model", "Subgraphs", [subgraph])),
              ("Description", w.b.CreateString(graph.description)),
              ("Buffers", w.offset_vector("Model", "Buffers", buffers))]
    if graph.signature is not None:
        sig = _signature(w, graph)
        fields.append(("SignatureDefs", w.offset_vector("Model", "SignatureDefs", [sig])))
    root = w.table("Model", fields)
    w.b.Finish(root, file_identifier=b"TFL3")
    return bytes(w.b.Output())
