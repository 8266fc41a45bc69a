"""Writes host-conformance case folders in the format of tests/conformance/suite/cases.

A case folder holds case.json (model path relative to the folder that contains cases/, each input
and expected output with type, shape, byte count and quantization, and how to compare) plus the raw
little-endian tensor files input<k>.bin / expected<k>.bin. Our expected outputs come from the numpy
TFLite simulation (tflite_sim.py): exact for int8 tensors, tolerance-based for float tensors.
"""

import json
import os
import shutil

import numpy as np

from tflite_graph import TYPE_NAMES

ENGINE = ("Strata numpy simulation of the TFLite reference semantics "
          "(models/train/tflite_sim.py; int8 bit-exact with TFLite Micro's reference kernels)")


def _spec(tensor, array, file_name, compare=None):
    spec = {"type": TYPE_NAMES[tensor.dtype], "shape": list(tensor.shape)}
    if file_name is not None:
        spec["bytes"] = int(array.nbytes)
    if tensor.quantized:
        spec["scale"] = float(tensor.scale[0])
        spec["zero_point"] = int(tensor.zero_point[0])
    if file_name is not None:
        spec["file"] = file_name
    if compare is not None:
        spec["compare"] = compare
    return spec


def compare_rule(tensor, tolerance):
    """exact for integer outputs; close (atol, rtol) for float outputs."""
    if tensor.dtype != 0:
        return {"mode": "exact"}
    atol, rtol = tolerance
    return {"mode": "close", "atol": atol, "rtol": rtol}


def write_case(case_dir, model_rel, graph, inputs, outputs, expected_top1=None, tolerance=None,
               note=None):
    """inputs/outputs: numpy arrays with the model's tensor dtypes; outputs=None -> top-1 only."""
    if os.path.isdir(case_dir):
        shutil.rmtree(case_dir)
    os.makedirs(case_dir)
    case = {"model": model_rel, "inputs": [], "outputs": []}
    for k, (index, array) in enumerate(zip(graph.inputs, inputs)):
        t = graph.tensors[index]
        array = np.ascontiguousarray(array, dtype=t.numpy_dtype).reshape(t.shape)
        array.tofile(os.path.join(case_dir, f"input{k}.bin"))
        case["inputs"].append(_spec(t, array, f"input{k}.bin"))
    for k, index in enumerate(graph.outputs):
        t = graph.tensors[index]
        if outputs is None:
            case["outputs"].append(_spec(t, None, None))
            continue
        array = np.ascontiguousarray(outputs[k], dtype=t.numpy_dtype).reshape(t.shape)
        array.tofile(os.path.join(case_dir, f"expected{k}.bin"))
        case["outputs"].append(_spec(t, array, f"expected{k}.bin", compare_rule(t, tolerance)))
    if expected_top1 is not None:
        case["expected_top1"] = int(expected_top1)
    case["reference"] = {"engine": ENGINE}
    if note:
        case["reference"]["note"] = note
    with open(os.path.join(case_dir, "case.json"), "w") as f:
        json.dump(case, f, indent=1)
        f.write("\n")
