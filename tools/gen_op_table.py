#!/usr/bin/python3
"""Writes the supported-operator table of README.md from the op manifest.

  tools/gen_op_table.py           rewrite the table between the markers in README.md
  tools/gen_op_table.py --check   exit 1 (saying so) when README.md's table is not the manifest's

The table sits between `<!-- ops:begin -->` and `<!-- ops:end -->`; nothing else is touched.
"""
import argparse
import os
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.join(ROOT, "middleware", "kernels"))
import op_manifest  # noqa: E402

BEGIN, END = "<!-- ops:begin -->", "<!-- ops:end -->"
NAMES = {"int4": "int4 weights", "any": "any type"}


def variant_name(op, backend, v):
    """On ops with weights (those with a hybrid variant), float16 means float16 weights."""
    if v == "float16" and "hybrid" in op.variants.get("reference", []):
        return "float16 weights"
    return NAMES.get(v, v)


def table(ops):
    lines = [BEGIN,
             f"{len(ops)} operators (generated from middleware/kernels/op_manifest.txt by "
             "tools/gen_op_table.py). Types are the input activation's; `hybrid`: float32 "
             "activations with int8 weights; `int16` on ops with weights: 16-bit activations with "
             "8-bit weights (16x8); `int4 weights`: int8 activations with int4 weights; `float16 "
             "weights`: float32 activations with a float16 model's weights read in place. The "
             "optimized backend runs the reference kernel for every type it does not list.",
             "",
             "| operator | reference kernels | optimized kernels |",
             "|---|---|---|"]
    for op in sorted(ops, key=lambda o: o.name):
        cells = [", ".join(variant_name(op, b, v) for v in op.variants.get(b, [])) or "–"
                 for b in op_manifest.BACKENDS]
        lines.append(f"| {op.name} | {cells[0]} | {cells[1]} |")
    return "\n".join(lines + [END])


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--check", action="store_true")
    p.add_argument("--readme", default=os.path.join(ROOT, "README.md"))
    args = p.parse_args()
    text = open(args.readme).read()
    if BEGIN not in text or END not in text:
        sys.exit(f"gen_op_table: {args.readme} has no {BEGIN} ... {END} markers")
    head, rest = text.split(BEGIN, 1)
    tail = rest.split(END, 1)[1]
    new = head + table(op_manifest.load()) + tail
    if args.check:
        if new != text:
            print(f"gen_op_table: the operator table in {args.readme} is not the op manifest's: "
                  "run tools/gen_op_table.py")
            return 1
        print("gen_op_table: README.md lists the manifest's operators")
        return 0
    if new != text:
        with open(args.readme, "w") as f:
            f.write(new)
    return 0


if __name__ == "__main__":
    sys.exit(main())
