#!/usr/bin/python3
"""Prints the op-suite cases the virtual boards run: one per operator x type (case.json "op" and
"dtype"), the first by name, leaving out the known gaps. Read by tests/firmware/conformance at
configure time; the host runs every case (tests/ops/CMakeLists.txt).

  qemu_subset.py [--suite tests/ops]     one case folder name per line
"""
import argparse
import glob
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--suite", default=HERE)
    args = p.parse_args()
    with open(os.path.join(args.suite, "known_gaps.txt")) as f:
        gaps = {line.split("#")[0].split()[0] for line in f
                if line.strip() and not line.startswith("#")}
    chosen = {}
    for path in sorted(glob.glob(os.path.join(args.suite, "cases", "*", "case.json"))):
        name = os.path.basename(os.path.dirname(path))
        if name in gaps:
            continue
        with open(path) as f:
            case = json.load(f)
        chosen.setdefault((case["op"], case.get("dtype", "")), name)
    print("\n".join(sorted(chosen.values())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
