#!/usr/bin/python3
"""Runs tools/demo as the README says and checks what a user sees: the firmware's banner on the first
screen (within the first 24 lines: the build stays in its log file), then both kernels backends'
instructions for one inference, the optimized one fewer. Exit status 0 when that holds."""
import os
import re
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SCREEN_LINES = 24


def main():
    done = subprocess.run([os.path.join(ROOT, "tools", "demo")], cwd=ROOT, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, timeout=3000)
    # Lines as a terminal shows them: a carriage return (the progress line) starts no new line.
    output = done.stdout.decode(errors="replace")
    print(output)
    lines = output.split("\n")
    banner = next((i for i, l in enumerate(lines) if re.match(r"Strata [0-9.]+ on \S+ @", l)), None)
    problems = []
    if done.returncode != 0:
        problems.append(f"tools/demo exited with {done.returncode}")
    if banner is None or banner >= SCREEN_LINES:
        problems.append(f"the banner is on line {banner}, not within the first {SCREEN_LINES}")
    m = re.search(r"optimized kernels ([\d,]+) instructions, reference kernels ([\d,]+)", output)
    if not m:
        problems.append("no line comparing the optimized and reference kernels")
    elif int(m.group(1).replace(",", "")) >= int(m.group(2).replace(",", "")):
        problems.append(f"optimized {m.group(1)} is not below reference {m.group(2)}")
    for p in problems:
        print(f"check_demo: FAIL: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
