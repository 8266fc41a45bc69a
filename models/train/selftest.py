#!/usr/bin/python3
"""Self-test of the model tooling: the simulation against TFLite Micro, writer/reader round trip.

Usage: /usr/bin/python3 models/train/selftest.py [CONFORMANCE_DIR]
       (default: the repository's suite, tests/conformance/suite)

1. Every conformance case (real converter models with TFLite Micro's reference outputs) whose ops
   tflite_sim supports is replayed: int8 outputs must match bit for bit, float ones within the case
   tolerance. This is what makes the simulation's expected outputs trustworthy.
2. Fixed-point primitives against hand-checked values (rounding of negative numbers, saturation).
3. Every committed model file is read, re-written and re-read: the graph must survive unchanged.
Exits non-zero on any failure.
"""

import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import quant_math as qm  # noqa: E402
import tflite_reader  # noqa: E402
import tflite_sim  # noqa: E402
import tflite_writer  # noqa: E402

MODELS = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))


def replay_conformance(root):
    failures, checked = [], 0
    for case in sorted(os.listdir(os.path.join(root, "cases"))):
        folder = os.path.join(root, "cases", case)
        with open(os.path.join(folder, "case.json")) as f:
            spec = json.load(f)
        with open(os.path.join(root, spec["model"]), "rb") as f:
            graph = tflite_reader.read(f.read())
        inputs = []
        for inp, index in zip(spec["inputs"], graph.inputs):
            t = graph.tensors[index]
            data = np.fromfile(os.path.join(folder, inp["file"]), t.numpy_dtype)
            inputs.append(data.reshape(t.shape))
        try:
            outputs = tflite_sim.Interpreter(graph).run(inputs)
        except NotImplementedError as e:
            print(f"  skip {case}: {e}")
            continue
        checked += 1
        for out, got in zip(spec["outputs"], outputs):
            if "expected_top1" in spec and int(np.argmax(got)) != spec["expected_top1"]:
                failures.append(f"{case}: top-1 {int(np.argmax(got))} != {spec['expected_top1']}")
            if "file" not in out:
                continue
            want = np.fromfile(os.path.join(folder, out["file"]), got.dtype).reshape(got.shape)
            rule = out["compare"]
            if rule["mode"] == "exact" and not np.array_equal(want, got):
                failures.append(f"{case}: int output differs from TFLite Micro")
            elif rule["mode"] == "close" and not np.allclose(got, want, rule["rtol"], rule["atol"]):
                failures.append(f"{case}: float output differs from TFLite Micro")
    print(f"conformance replay: {checked} cases checked, {len(failures)} failures")
    return failures


def fixed_point_checks():
    failures = []
    expect = [
        (qm.rounding_divide_by_pot(np.array([5, -5, 6, -6, 7, -7]), 1), [3, -3, 3, -3, 4, -4]),
        (qm.srdhm(qm.INT32_MIN, qm.INT32_MIN), qm.INT32_MAX),
        (qm.srdhm(1 << 30, 1 << 30), 1 << 29),
        (qm.srdhm(-3, 1 << 30), -1),  # -1.5 rounds away from zero
        (qm.quantize_multiplier(0.5), (1 << 30, 0)),
        (qm.quantize_multiplier(1.0), (1 << 30, 1)),
        (qm.multiply_by_quantized_multiplier(100, 1 << 30, -1), 25),
        (qm.round_half_away(np.array([0.5, -0.5, 1.5, -2.5])), [1, -1, 2, -3]),
    ]
    for i, (got, want) in enumerate(expect):
        if not np.array_equal(np.asarray(got), np.asarray(want)):
            failures.append(f"fixed-point check {i}: got {got}, want {want}")
    print(f"fixed-point checks: {len(expect)} checked, {len(failures)} failures")
    return failures


def round_trip():
    failures, files = [], []
    for sub in ("mnist", "sine"):
        folder = os.path.join(MODELS, sub)
        files += [os.path.join(folder, f) for f in sorted(os.listdir(folder))
                  if f.endswith(".tflite")]
    for path in files:
        with open(path, "rb") as f:
            data = f.read()
        graph = tflite_reader.read(data)
        again = tflite_reader.read(tflite_writer.write(graph))
        if tflite_reader.dump(graph) != tflite_reader.dump(again) or not all(
                (a.data is None and b.data is None) or np.array_equal(a.data, b.data)
                for a, b in zip(graph.tensors, again.tensors)):
            failures.append(f"{os.path.basename(path)}: changed by a read/write round trip")
    print(f"round trip: {len(files)} model files checked, {len(failures)} failures")
    return failures


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(MODELS, "..", "tests", "conformance", "suite")
    failures = fixed_point_checks() + round_trip()
    if os.path.isdir(root):
        failures += replay_conformance(root)
    else:
        print(f"conformance replay skipped: {root} not found")
    for f in failures:
        print(f"FAIL {f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
