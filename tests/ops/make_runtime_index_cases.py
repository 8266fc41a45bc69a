#!/usr/bin/python3
"""Writes the op suite's hand-made cases of index inputs read at invoke (run once; the results are
committed).

TFLM reads some index inputs of data-movement ops when the op runs (SLICE's begin, REVERSE_V2's
axes, MIRROR_PAD's paddings, SPACE_TO_BATCH_ND's block and paddings), so a model may compute
them; the suite's models hold them as constants. Each case here takes a suite case and turns one
such constant into a model input:
  - fed the constant's own values (or an equivalent negative axis): the expected output is the
    source case's, TFLM's;
  - fed values TFLM refuses at invoke (an index past the end): the expected output is Strata's
    documented answer, computed here with numpy: SLICE and DYNAMIC_UPDATE_SLICE clamp the start
    so the box fits, GATHER gives a zero slice for an index outside the axis.

  make_runtime_index_cases.py [--flatc flatc]        (from the repository root)
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

NUMPY = {"FLOAT32": np.float32, "INT8": np.int8, "INT16": np.int16, "INT32": np.int32,
         "INT64": np.int64, "BOOL": np.bool_, "UINT8": np.uint8}


def read(case_dir, spec):
    data = open(os.path.join(case_dir, spec["file"]), "rb").read()
    return np.frombuffer(data, NUMPY[spec["type"]]).reshape(spec["shape"])


def write_case(schema, source, name, model, case, inputs, expect):
    """Writes case `name`: the model, `inputs` (arrays, in the case's input order) and the expected
    outputs: `expect(inputs)`, or the source case's when None."""
    src = os.path.join(HERE, "cases", source)
    dst = os.path.join(HERE, "cases", name)
    shutil.rmtree(dst, ignore_errors=True)
    os.makedirs(dst)
    for spec, x in zip(case["inputs"], inputs):
        x.tofile(os.path.join(dst, spec["file"]))
    if expect is None:
        for spec in case["outputs"]:
            shutil.copy(os.path.join(src, spec["file"]), dst)
        engine = f"the outputs of {source} (TFLM): the same values, fed at invoke"
    else:
        for spec, want in zip(case["outputs"], expect(inputs)):
            np.asarray(want, NUMPY[spec["type"]]).tofile(os.path.join(dst, spec["file"]))
        engine = ("tests/ops/make_runtime_index_cases.py: numpy, Strata's answer to indices "
                  "TFLM refuses at invoke")
    model_path = f"models/{name}.tflite"
    open(os.path.join(HERE, model_path), "wb").write(schema.save(model))
    case["model"] = model_path
    case["reference"] = {"engine": engine}
    with open(os.path.join(dst, "case.json"), "w") as f:
        json.dump(case, f, indent=1)
    print(name)


def load_case(schema, source):
    src = os.path.join(HERE, "cases", source)
    case = json.load(open(os.path.join(src, "case.json")))
    model = schema.load(bytearray(open(os.path.join(HERE, case["model"]), "rb").read()))
    return case, model, [read(src, spec) for spec in case["inputs"]]


def from_constant(schema, source, name, op_input, values, expect=None):
    """Case `name` from case `source` with the constant operator input `op_input` made a model
    input fed `values`."""
    case, model, inputs = load_case(schema, source)
    g = model.subgraphs[0]
    t = g.operators[0].inputs[op_input]
    tensor = g.tensors[t]
    type_name = next(k for k, v in schema.names.items() if v == tensor.type and k in NUMPY)
    tensor.buffer = 0  # the converter's empty buffer: the tensor is an activation now
    g.inputs = list(g.inputs) + [t]
    fed = np.asarray(values, NUMPY[type_name]).reshape(tensor.shape)
    case["inputs"].append({"type": type_name, "shape": [int(v) for v in tensor.shape],
                           "bytes": int(fed.nbytes),
                           "file": f"input{len(inputs)}.bin"})
    write_case(schema, source, name, model, case, inputs + [fed], expect)


def refed(schema, source, name, k, values, expect):
    """Case `name` from case `source` with model input k fed `values`."""
    case, model, inputs = load_case(schema, source)
    inputs[k] = np.asarray(values, inputs[k].dtype).reshape(inputs[k].shape)
    write_case(schema, source, name, model, case, inputs, expect)


def gather_rows(x, rows):
    """x's rows (axis 0) at `rows`, zero rows for indices outside x."""
    return [x[i] if 0 <= i < len(x) else np.zeros_like(x[0]) for i in rows]


def update_at(x, update, start):
    out = x.copy()
    out[start[0]:start[0] + update.shape[0], start[1]:start[1] + update.shape[1]] = update
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--flatc", default="flatc")
    args = p.parse_args()
    work = os.path.join(ROOT, "build", "schema_object_api")
    schema = Schema(os.path.join(ROOT, "middleware", "schema", "tflite.fbs"), args.flatc, work)
    # The source's values at invoke: TFLM's outputs.
    from_constant(schema, "slice_int8_4x5_b1x2_s2x3", "slice_int8_4x5_b1x2_s2x3_runtime_begin", 1,
                  [1, 2])
    from_constant(schema, "reverse_v2_float32_2x3x4_ax1", "reverse_v2_float32_2x3x4_runtime_axm2",
                  1, [-2])
    from_constant(schema, "mirror_pad_int8_1x4x4x3_p0x0x1x1x2x0x0x0_reflect",
                  "mirror_pad_int8_1x4x4x3_p0x0x1x1x2x0x0x0_reflect_runtime_paddings", 1,
                  [0, 0, 1, 1, 2, 0, 0, 0])
    from_constant(schema, "space_to_batch_nd_int8_2x5x3x1_b2x2_p1x0x0x1",
                  "space_to_batch_nd_int8_2x5x3x1_b2x2_p1x0x0x1_runtime_block", 1, [2, 2])
    # Indices TFLM refuses at invoke: starts clamped so the box fits, zero slices.
    from_constant(schema, "slice_int8_4x5_b1x2_s2x3", "slice_int8_4x5_b3x4_s2x3_runtime_clamped",
                  1, [3, 4], lambda x: [x[0][2:4, 2:5]])
    refed(schema, "gather_float32_5x3_i4_int32_ax0_bd0", "gather_float32_5x3_i4_outside", 1,
          [4, 5, -1, 0], lambda x: [gather_rows(x[0], x[1])])
    refed(schema, "dynamic_update_slice_float32_4x5_u2x3_at1x2_int32",
          "dynamic_update_slice_float32_4x5_u2x3_atm3x4_clamped", 2, [-3, 4],
          lambda x: [update_at(x[0], x[1], (0, 2))])


if __name__ == "__main__":
    main()
