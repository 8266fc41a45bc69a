#!/usr/bin/python3
"""Checks that docker/Dockerfile installs from the same package list tools/setup reads, and that the
list is well formed (one Debian package name per line, no duplicates)."""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIST = "tools/debian-packages.txt"


def main():
    problems = []
    with open(os.path.join(ROOT, LIST)) as f:
        names = [re.sub(r"#.*", "", line).strip() for line in f]
    names = [n for n in names if n]
    if len(names) != len(set(names)):
        problems.append("duplicate package names in " + LIST)
    for n in names:
        if not re.fullmatch(r"[a-z0-9][a-z0-9+.-]+", n):
            problems.append(f"not a Debian package name: {n!r}")
    for path in ("docker/Dockerfile", "tools/setup"):
        with open(os.path.join(ROOT, path)) as f:
            text = f.read()
        if os.path.basename(LIST) not in text:
            problems.append(f"{path} does not read {LIST}")
        if re.search(r"apt-get install[^\n]*\b(cmake|qemu-system-arm|gcc-arm-none-eabi)\b", text):
            problems.append(f"{path} names packages itself instead of reading the list")
    for p in problems:
        print("package list:", p)
    print(f"package list: {len(names)} packages, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
