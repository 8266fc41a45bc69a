#!/usr/bin/python3
"""Checks the include rules between Strata's layers (docs/architecture.md, section 1).

Each #include in bsp/, middleware/, app/ and tests/host/ is resolved to the layer of the file it names;
a forbidden edge prints `file:line: <layer> must not include <layer> (<include>)` and the exit code is 1.
With --expect-violations N, exit 0 only when exactly N violations are found (used to prove the checker
catches a fixture tree that breaks the rules).
"""
import argparse
import os
import re
import sys

SOURCE_EXT = (".c", ".cc", ".cpp", ".h", ".hpp", ".inc", ".S", ".s")
INCLUDE_RE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')

# layer -> layers it must never include
FORBIDDEN = {
    "bsp": {"middleware", "app", "models"},
    "middleware": {"bsp", "app", "models"},
    "tests/host": {"bsp"},
}
# include roots per layer, so `#include "strata/x.hpp"` resolves to the middleware
INCLUDE_ROOTS = [
    ("middleware", "middleware/include"),
    ("middleware", "middleware/kernels"),
    ("middleware", "middleware/src"),
    ("bsp", "bsp/include"),
    ("app", "app"),
]
# include prefixes that name a layer even when the file is generated or not found
PREFIXES = [("strata/", "middleware"), ("bsp/", "bsp"), ("app/", "app"), ("models/", "models")]


def layer_of(rel_path):
    for layer in ("tests/host", "bsp", "middleware", "app", "models"):
        if rel_path == layer or rel_path.startswith(layer + "/"):
            return layer
    return None


def resolve(root, including_dir, name, quoted):
    candidates = [os.path.join(including_dir, name)] if quoted else []
    candidates += [os.path.join(root, inc_root, name) for _, inc_root in INCLUDE_ROOTS]
    for cand in candidates:
        if os.path.isfile(cand):
            return layer_of(os.path.relpath(os.path.realpath(cand), os.path.realpath(root)))
    for prefix, layer in PREFIXES:
        if name.startswith(prefix):
            return layer
    return None


def check(root):
    violations = []
    for layer in FORBIDDEN:
        top = os.path.join(root, layer)
        for dirpath, _, files in os.walk(top):
            for fname in sorted(files):
                if not fname.endswith(SOURCE_EXT):
                    continue
                path = os.path.join(dirpath, fname)
                with open(path, encoding="utf-8", errors="replace") as f:
                    for lineno, line in enumerate(f, 1):
                        m = INCLUDE_RE.match(line)
                        if not m:
                            continue
                        target = resolve(root, dirpath, m.group(2), m.group(1) == '"')
                        if target in FORBIDDEN[layer]:
                            rel = os.path.relpath(path, root)
                            violations.append(
                                f"{rel}:{lineno}: {layer} must not include {target} ({m.group(2)})")
    return violations


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", help="tree to check (the repository root)")
    parser.add_argument("--expect-violations", type=int, default=None)
    args = parser.parse_args()
    violations = check(os.path.abspath(args.root))
    for v in violations:
        print(v)
    if args.expect_violations is not None:
        ok = len(violations) == args.expect_violations
        print(f"layer check: {len(violations)} violations found, {args.expect_violations} expected: "
              + ("ok" if ok else "MISMATCH"))
        return 0 if ok else 1
    print(f"layer check: {len(violations)} violations")
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())
