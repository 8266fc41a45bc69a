#!/usr/bin/python3
"""Runs a model firmware under the cycle-model plugin as tools/bench does (two profiled inferences)
and checks what the bench relies on: every measured layer pairs with two timer checkpoints
(benchlib/cycles.py), both inferences get the same estimate layer by layer, no layer is estimated
below one cycle per instruction (the model's minimum), and the run met no instruction the plugin
could not decode. Prints the Invoke's instructions, estimated cycles and cycles per instruction.
"""
import argparse
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
sys.path.insert(0, os.path.join(ROOT, "tools"))
from benchlib import cycles, records  # noqa: E402


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--machine", required=True)
    p.add_argument("--elf", required=True)
    p.add_argument("--plugin", required=True, help="the cycle-model plugin (.so)")
    p.add_argument("--timeout", type=float, default=600)
    args = p.parse_args()
    try:
        out, model = cycles.run_firmware(args.machine, args.elf, args.plugin,
                                         ["--input", "2\\n2\\nexit\\n"], args.timeout)
    except RuntimeError as e:
        print(f"{e}\ncheck_model_cycles: FAIL: the firmware run failed")
        return 1
    inferences = records.runs(records.parse(out))
    problems = []
    if len(inferences) != 2:
        problems.append(f"{len(inferences)} inferences in the output, expected 2")
    else:
        try:
            first, second = cycles.layer_cycles(model, inferences)
        except RuntimeError as e:
            first, second = {}, {}
            problems.append(str(e))
        if first != second:
            problems.append(f"the two inferences differ: {first} vs {second}")
        for layer in inferences[0]["layers"]:
            index, count = int(layer["index"]), int(layer["count"])
            if index in first and first[index] < count:
                problems.append(f"layer {index}: {first[index]} cycles for {count} instructions")
        instructions = int(inferences[0]["total"]["count"])
        if first and instructions:
            total = sum(first.values())
            print(f"invoke: {instructions} instructions, {total} estimated Cortex-M4 cycles, "
                  f"{total / instructions:.2f} cycles/instruction")
    if model.total.get("unknown", 0):
        problems.append(f"{model.total['unknown']} executed instructions the plugin cannot decode: "
                        f"{model.unknown}")
    for problem in problems:
        print(f"check_model_cycles: FAIL: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
