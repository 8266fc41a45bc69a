#!/usr/bin/python3
"""Proves that every kernel variant the op manifest lists for a backend is run by some case.

Runs strata-conformance --all on each suite, reads its `@kernel <case> <op> <depth> <variant>`
lines and fails, naming them, when a (op, variant) pair of the manifest's column for the backend
never ran at depth 0 (the backend's own kernel, not the reference fallback).

  check_variants.py --runner strata-conformance --kernels optimized --manifest op_manifest.txt \
      --suite tests/ops --suite models/mnist
"""
import argparse
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
    p.add_argument("--suite", action="append", required=True)
    args = p.parse_args()
    ran = set()
    for suite in args.suite:
        proc = subprocess.run([args.runner, "--suite", suite, "--all", "--kernels", args.kernels],
                              capture_output=True, text=True)
        for line in proc.stdout.splitlines():
            parts = line.split()
            if len(parts) == 5 and parts[0] == "@kernel" and parts[3] == "0":
                ran.add((parts[2], parts[4]))
    missing = [f"{op.name} {v}" for op in op_manifest.load(args.manifest)
               for v in op.variants.get(args.kernels, []) if (op.name, v) not in ran]
    if missing:
        print(f"check_variants: no case runs these {args.kernels} variants of the manifest: "
              + ", ".join(missing))
        return 1
    print(f"check_variants: every {args.kernels} variant of the manifest ran "
          f"({len(ran)} op/variant pairs seen)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
