#!/usr/bin/python3
"""Keeps the operators of the op suite that Strata does not implement in sight.

Finds every op of the suite's cases (case.json "op") that the op manifest lacks, runs its cases
with strata-conformance and the known-gaps list, and fails when one of them is not listed in
known_gaps.txt (or, being listed, passes). So the suite's unimplemented operators are named and
counted, never silently skipped.

  check_unimplemented.py --runner strata-conformance --kernels reference --suite tests/ops \
      --known-gaps tests/ops/known_gaps.txt
"""
import argparse
import glob
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "middleware", "kernels"))
import op_manifest  # noqa: E402


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runner", required=True)
    p.add_argument("--kernels", required=True)
    p.add_argument("--manifest", default=op_manifest.MANIFEST)
    p.add_argument("--suite", required=True)
    p.add_argument("--known-gaps", required=True)
    args = p.parse_args()
    implemented = {op.name for op in op_manifest.load(args.manifest)}
    cases = {}
    for path in glob.glob(os.path.join(args.suite, "cases", "*", "case.json")):
        with open(path) as f:
            op = json.load(f)["op"]
        if op not in implemented:
            cases.setdefault(op, []).append(os.path.basename(os.path.dirname(path)))
    failed = []
    for op in sorted(cases):
        proc = subprocess.run([args.runner, "--suite", args.suite, "--op", op, "--kernels",
                               args.kernels, "--known-gaps", args.known_gaps],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            failed.append(op)
            sys.stdout.write(proc.stdout[-3000:] + proc.stderr[-2000:])
    total = sum(len(v) for v in cases.values())
    print(f"check_unimplemented: {total} cases of {len(cases)} operators the manifest lacks: "
          + ", ".join(f"{op} ({len(cases[op])})" for op in sorted(cases)))
    if failed:
        print("check_unimplemented: not all of their cases are listed in known_gaps.txt (or a "
              "listed one passes): " + ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
