#!/usr/bin/python3
"""Checks the op manifest against what it must agree with, beyond what the build derives from it:

- every op's name and builtin code are the TFLite schema's (middleware/schema/tflite.fbs, read through
  flatc's Python output), so a typo in a code cannot register a kernel for the wrong operator;
- every kernel source in middleware/kernels/reference/ is some op's source (a kernel written but
  not listed would never be built or tested);
- every op's source exists for each backend that lists variants.

  check_manifest.py --flatc flatc --work DIR
"""
import argparse
import importlib
import os
import subprocess
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
KERNELS = os.path.join(ROOT, "middleware", "kernels")
sys.path.insert(0, KERNELS)
import op_manifest  # noqa: E402


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--flatc", default="flatc")
    p.add_argument("--work", required=True, help="folder for flatc's Python output")
    p.add_argument("--manifest", default=op_manifest.MANIFEST)
    args = p.parse_args()
    schema = os.path.join(ROOT, "middleware", "schema", "tflite.fbs")
    subprocess.run([args.flatc, "--python", "-o", args.work, schema], check=True)
    sys.path.insert(0, args.work)
    codes = vars(importlib.import_module("tflite.BuiltinOperator").BuiltinOperator)
    problems = []
    ops = op_manifest.load(args.manifest)
    for op in ops:
        if codes.get(op.name) != op.code:
            problems.append(f"{op.name}: code {op.code}, the schema says {codes.get(op.name)}")
        for backend in op.variants:
            if not os.path.exists(os.path.join(KERNELS, backend, op.source + ".cpp")):
                problems.append(f"{op.name}: {backend}/{op.source}.cpp does not exist")
    listed = set(op_manifest.sources(ops, "reference"))
    for name in sorted(os.listdir(os.path.join(KERNELS, "reference"))):
        stem, ext = os.path.splitext(name)
        if ext == ".cpp" and stem not in listed:
            problems.append(f"reference/{name} is no op's source in the manifest")
    for problem in problems:
        print(f"check_manifest: {problem}")
    print(f"check_manifest: {len(ops)} ops, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
