#!/usr/bin/python3
"""Validates the Cortex-M4 cycle model against the manual: runs the sequence firmware (sequences.S)
under QEMU with the cycle-model plugin and compares, for every sequence, the cycles and instructions
the plugin measured between its two timer reads with the figures computed from the TRM in
sequences.S. Prints the table; fails on any difference, on a missing row and on any instruction the
plugin could not decode.
"""
import argparse
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
sys.path.insert(0, os.path.join(ROOT, "tools"))
from benchlib import cycles  # noqa: E402

# What the harness adds between the two timer reads (sequences.S): NOP, NOP, LDR not pipelined.
HARNESS_CYCLES = 1 + 1 + 2
HARNESS_INSNS = 3
ROW_RE = re.compile(r"^@sequence name=(\w+) cycles=(\d+) insns=(\d+)", re.MULTILINE)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--machine", required=True)
    p.add_argument("--elf", required=True)
    p.add_argument("--plugin", required=True, help="the cycle-model plugin (.so)")
    p.add_argument("--timeout", type=float, default=60)
    args = p.parse_args()
    try:
        out, model = cycles.run_firmware(args.machine, args.elf, args.plugin, ["--markers"], args.timeout)
    except RuntimeError as e:
        print(f"{e}\ncheck_sequences: FAIL: the sequence firmware did not run to its end")
        return 1
    rows = [(name, int(c), int(i)) for name, c, i in ROW_RE.findall(out)]
    problems = []
    if len(model.insns) != 2 * len(rows):
        problems.append(f"{len(model.insns)} timer checkpoints for {len(rows)} sequences (expected 2 each)")
    print(f"{'sequence':<24} {'TRM cycles':>10} {'measured':>9} {'TRM insns':>9} {'measured':>9}")
    for k, (name, want_cycles, want_insns) in enumerate(rows):
        if 2 * k + 1 >= len(model.insns):
            break
        insns, cyc = model.interval(2 * k)
        got_cycles, got_insns = cyc - HARNESS_CYCLES, insns - HARNESS_INSNS
        mark = "" if (got_cycles, got_insns) == (want_cycles, want_insns) else "  <-- differs"
        print(f"{name:<24} {want_cycles:>10} {got_cycles:>9} {want_insns:>9} {got_insns:>9}{mark}")
        if mark:
            problems.append(f"{name}: TRM {want_cycles} cycles / {want_insns} instructions, "
                            f"plugin {got_cycles} / {got_insns}")
    if not rows:
        problems.append("the firmware printed no @sequence rows")
    for entry in model.unknown:
        problems.append(f"undecoded instruction at {entry['pc']}: {entry['encoding']}")
    for problem in problems:
        print(f"check_sequences: FAIL: {problem}")
    if not problems:
        print(f"check_sequences: all {len(rows)} sequences match the TRM figures")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
