"""Sample inputs of a model's folder, picked to match the model's input tensor.

A samples folder holds raw little-endian tensors and a `samples.json`:
  {"samples": [{"file": "digit3_int8.bin", "type": "INT8", "shape": [1, 28, 28, 1],
                "scale": 0.0039, "zero_point": -128, "label": 3}, ...]}
Per entry: `type` (TFLite type name) and `shape` say which model input it fits (entries of other
types are skipped, and the generator says which and why: a folder serves every variant of a model);
`scale`/`zero_point`, when present,
must equal the input's quantization; `label` is a classifier's right class, `expected` a list of
reference output values (regressors). Optional `x` is shown as the sample's input value.
"""

import json
import os
import struct
from dataclasses import dataclass

TYPE_IDS = {"FLOAT32": 0, "FLOAT16": 1, "INT32": 2, "UINT8": 3, "INT64": 4, "BOOL": 6, "INT16": 7,
            "INT8": 9}


@dataclass
class Sample:
    name: str
    data: bytes
    label: int = -1
    expected: tuple = ()
    input_value: float = 0.0


def _first_value(data, type_id, scale, zero_point):
    if type_id == 0:
        return struct.unpack_from("<f", data)[0]
    if type_id == 9:
        q = struct.unpack_from("<b", data)[0]
        return (q - zero_point) * scale if scale else float(q)
    if type_id == 3:
        return (data[0] - zero_point) * scale if scale else float(data[0])
    return 0.0


def _mismatch(entry, tensor):
    """Why the entry does not fit the tensor (its type and shape), or None when it does."""
    kind = str(entry.get("type", "")).upper()
    shape = list(entry.get("shape", tensor.shape))
    if TYPE_IDS.get(kind) != tensor.type or shape != list(tensor.shape):
        return f"{kind.lower() or 'no type'} {shape}"
    return None


def skip_report(skipped, used, tensor):
    """Notes saying which samples were left out and why, one per kind of mismatch; a warning when
    none is left (the firmware then runs on zeros)."""
    by_kind = {}
    for file, kind in skipped:
        by_kind.setdefault(kind, []).append(file)
    lines = []
    wanted = f"input '{tensor.name}' is {tensor.type_name} {list(tensor.shape)}"
    for kind, files in by_kind.items():
        shown = ", ".join(files[:4]) + (f", ... ({len(files)} in all)" if len(files) > 4 else "")
        lines.append(f"skipped {len(files)} sample(s) of type {kind} ({wanted}): {shown}")
    if skipped and not used:
        lines.append(f"warning: no sample fits: the {wanted}, so the firmware has none (`2` and "
                     f"`run` use zeros); add files of that type to samples.json")
    return lines


def load(folder, tensor):
    """(samples, skipped): the samples of `folder` that fit `tensor` (the model's input 0), in file
    order, and (file, its type and shape) of each entry that does not fit."""
    if not folder:
        return [], []
    index = os.path.join(folder, "samples.json")
    if not os.path.exists(index):
        raise SystemExit(f"strata_gen: {index} does not exist (SAMPLES folder needs a samples.json)")
    with open(index) as f:
        doc = json.load(f)
    samples, skipped = [], []
    for entry in doc.get("samples", []):
        mismatch = _mismatch(entry, tensor)
        if mismatch:
            skipped.append((entry.get("file", "?"), mismatch))
            continue
        path = os.path.join(folder, entry["file"])
        with open(path, "rb") as f:
            data = f.read()
        if len(data) != tensor.bytes:
            raise SystemExit(f"strata_gen: {path} holds {len(data)} bytes, input "
                             f"'{tensor.name}' {tensor.type_name}{tensor.shape} needs {tensor.bytes}")
        if tensor.scale and "scale" in entry:
            if (abs(entry["scale"] - tensor.scale) > 1e-6 * abs(tensor.scale)
                    or entry.get("zero_point", 0) != tensor.zero_point):
                raise SystemExit(f"strata_gen: {path} is quantized with scale {entry['scale']} zero "
                                 f"point {entry.get('zero_point', 0)}, the model input with "
                                 f"{tensor.scale} / {tensor.zero_point}")
        expected = entry.get("expected", ())
        if isinstance(expected, (int, float)):
            expected = (expected,)
        value = entry.get("x", _first_value(data, tensor.type, tensor.scale, tensor.zero_point))
        samples.append(Sample(name=os.path.splitext(entry["file"])[0], data=data,
                              label=int(entry.get("label", -1)),
                              expected=tuple(float(v) for v in expected), input_value=float(value)))
    return samples, skipped
