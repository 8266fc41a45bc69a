#!/usr/bin/python3
"""Cross-checks Strata's C++ runtime (strata-run) against the numpy simulation's expected outputs.

Usage: /usr/bin/python3 models/train/crosscheck_runtime.py STRATA_RUN [CASES_ROOT...]
       [--kernels reference|optimized]

Runs every case folder under the given roots (default: models/mnist and models/sine) through
`strata-run MODEL --input input0.bin --output-dir DIR`, then compares output0.bin with expected0.bin
by the case's rule (exact / close) and the top-1 class with expected_top1. Prints one line per case,
with the largest difference, and exits non-zero on any mismatch: a disagreement means one side
deviates from TFLite semantics and must be investigated, not tolerated.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
MODELS = os.path.normpath(os.path.join(HERE, ".."))
DTYPES = {"FLOAT32": "<f4", "INT8": "i1", "INT32": "<i4", "UINT8": "u1", "INT16": "<i2"}


def check_case(strata_run, root, case, kernels):
    folder = os.path.join(root, "cases", case)
    with open(os.path.join(folder, "case.json")) as f:
        spec = json.load(f)
    with tempfile.TemporaryDirectory() as out_dir:
        cmd = [strata_run, os.path.join(root, spec["model"]), "--output-dir", out_dir,
               "--kernels", kernels]
        for inp in spec["inputs"]:
            cmd += ["--input", os.path.join(folder, inp["file"])]
        result = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            return False, f"strata-run failed ({result.returncode}): {result.stderr.strip()[:200]}"
        notes, ok = [], True
        for k, out in enumerate(spec["outputs"]):
            got = np.fromfile(os.path.join(out_dir, f"output{k}.bin"), dtype=DTYPES[out["type"]])
            if k == 0 and "expected_top1" in spec:
                top1 = int(np.argmax(got))
                ok &= top1 == spec["expected_top1"]
                notes.append(f"top1 {top1}/{spec['expected_top1']}")
            if "file" not in out:
                continue
            want = np.fromfile(os.path.join(folder, out["file"]), dtype=DTYPES[out["type"]])
            diff = np.abs(got.astype(np.float64) - want.astype(np.float64))
            rule = out["compare"]
            if rule["mode"] == "exact":
                good = bool(diff.max() == 0)
            else:
                good = bool(np.all(diff <= rule["atol"] + rule["rtol"] * np.abs(want)))
            ok &= good
            notes.append(f"{rule['mode']} max|diff| {diff.max():.3g}{'' if good else ' MISMATCH'}")
        return ok, ", ".join(notes)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("strata_run")
    parser.add_argument("roots", nargs="*", default=[os.path.join(MODELS, "mnist"),
                                                      os.path.join(MODELS, "sine")])
    parser.add_argument("--kernels", default="reference", choices=("reference", "optimized"))
    args = parser.parse_args()
    failures = 0
    for root in args.roots:
        for case in sorted(os.listdir(os.path.join(root, "cases"))):
            ok, note = check_case(args.strata_run, root, case, args.kernels)
            failures += not ok
            print(f"{'ok  ' if ok else 'FAIL'} {case}: {note}")
    print(f"{failures} failing case(s) with {args.kernels} kernels")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
