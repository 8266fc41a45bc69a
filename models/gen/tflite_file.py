"""Reads what the generator needs from a .tflite file: operator codes, versions and the graph's
input/output tensors.

The reader code comes from `flatc --python` run on the runtime's own schema
(middleware/schema/tflite.fbs), generated into the build tree on demand, so the generator and the
C++ runtime read the format with the same field ids.
"""

import importlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field

TYPE_NAMES = {0: "float32", 1: "float16", 2: "int32", 3: "uint8", 4: "int64", 5: "string",
              6: "bool", 7: "int16", 8: "complex64", 9: "int8", 10: "float64", 15: "uint32"}
TYPE_SIZES = {0: 4, 1: 2, 2: 4, 3: 1, 4: 8, 6: 1, 7: 2, 8: 8, 9: 1, 10: 8, 15: 4}


@dataclass
class TensorMeta:
    index: int
    name: str
    type: int
    shape: list
    scale: float = 0.0
    zero_point: int = 0

    @property
    def type_name(self):
        return TYPE_NAMES.get(self.type, f"type{self.type}")

    @property
    def bytes(self):
        n = TYPE_SIZES.get(self.type, 0)
        for d in self.shape:
            n *= d
        return n


@dataclass
class ModelMeta:
    op_codes: list = field(default_factory=list)      # builtin code per operator, model order
    op_versions: list = field(default_factory=list)
    inputs: list = field(default_factory=list)        # TensorMeta
    outputs: list = field(default_factory=list)
    op_code_names: dict = field(default_factory=dict)  # builtin code -> schema name


class SchemaModules:
    """flatc --python output for the schema, imported from `work_dir`."""

    def __init__(self, schema, flatc, work_dir):
        stamp = os.path.join(work_dir, "tflite", "Model.py")
        if not os.path.exists(stamp) or os.path.getmtime(stamp) < os.path.getmtime(schema):
            os.makedirs(work_dir, exist_ok=True)
            subprocess.run([flatc, "--python", "-o", work_dir, schema], check=True)
        sys.path.insert(0, work_dir)
        importlib.invalidate_caches()

    @staticmethod
    def cls(name):
        return getattr(importlib.import_module(f"tflite.{name}"), name)


def _tensor_name(raw, index, path):
    """A tensor's name as text for the generated tables. Names are bytes in the file: bytes that are
    not UTF-8, and control characters (which would break a C string), become U+FFFD, and the
    generator says so."""
    name = raw.decode("utf-8", errors="replace")
    name = "".join("\ufffd" if ord(c) < 0x20 or ord(c) == 0x7f else c for c in name)
    if name.encode("utf-8") != raw:
        print(f"strata_gen: {path}: tensor {index}'s name {raw!r} is not printable UTF-8: used as "
              f"'{name}'", file=sys.stderr)
    return name


def _tensor_meta(subgraph, index, path):
    t = subgraph.Tensors(index)
    shape = [int(d) for d in t.ShapeAsNumpy()] if t.ShapeLength() else []
    name = _tensor_name(t.Name() or b"", index, path)
    meta = TensorMeta(index=index, name=name, type=t.Type(), shape=shape)
    q = t.Quantization()
    if q is not None and q.ScaleLength():
        meta.scale = float(q.Scale(0))
        meta.zero_point = int(q.ZeroPoint(0)) if q.ZeroPointLength() else 0
    return meta


def read(path, schema, flatc=None, work_dir=None):
    """Returns ModelMeta of the model in `path`: the operators of every subgraph in the runtime's
    order (subgraph 0's, then those of the subgraphs control-flow ops run), the inputs and outputs
    of subgraph 0."""
    flatc = flatc or shutil.which("flatc")
    if not flatc:
        raise SystemExit("strata_gen: flatc not found (install flatbuffers-compiler)")
    mods = SchemaModules(schema, flatc, work_dir)
    with open(path, "rb") as f:
        data = f.read()
    model_cls = mods.cls("Model")
    if not model_cls.ModelBufferHasIdentifier(data, 0):
        raise SystemExit(f"strata_gen: {path} is not a TFLite model (file identifier is not TFL3)")
    model = model_cls.GetRootAs(bytearray(data), 0)
    if model.SubgraphsLength() < 1:
        raise SystemExit(f"strata_gen: {path} has no subgraph")
    op_names = {v: k for k, v in vars(mods.cls("BuiltinOperator")).items() if not k.startswith("_")}
    codes = []
    for i in range(model.OperatorCodesLength()):
        oc = model.OperatorCodes(i)
        # Files written before builtin_code existed only fill the int8 deprecated field.
        codes.append((max(oc.DeprecatedBuiltinCode(), oc.BuiltinCode()), oc.Version()))
    meta = ModelMeta()
    for s in range(model.SubgraphsLength()):
        sg = model.Subgraphs(s)
        for i in range(sg.OperatorsLength()):
            code, version = codes[sg.Operators(i).OpcodeIndex()]
            meta.op_codes.append(code)
            meta.op_versions.append(version)
            meta.op_code_names[code] = op_names.get(code, f"OP_{code}")
    g = model.Subgraphs(0)
    meta.inputs = [_tensor_meta(g, int(i), path) for i in g.InputsAsNumpy()]
    meta.outputs = [_tensor_meta(g, int(i), path) for i in g.OutputsAsNumpy()]
    return meta
