#!/usr/bin/python3
"""Checks the include rules between Strata's layers (docs/architecture.md, section 1).

The rules are the layer graph itself: every layer.cmake (`strata_layer(NAME n DEPENDS a b ...)`, found
where CMake finds them: <root>/*/, <root>/bsp/*/, <root>/tests/*/ and each --extra folder) owns the
files under its folder (the deepest layer folder wins). A C/C++ file may include files of its own layer
and of the layers its layer.cmake names in DEPENDS, nothing else: a layer that uses another declares it.

Each #include is resolved to the file it names: relative to the including file first, else any file
of the checked layers whose path ends with the included name. A generated header counts as the file
of its template (`x.hpp.in`, `x.hpp.j2`, `x_generated.h` from `x.fbs`). Includes that name no file of
a layer (system, third-party and tree-wide headers such as strata_config.hpp) are not checked.
A violation prints `file:line: <layer> must not include <layer> (<include>)`; the exit code is 1.
With --expect FILE, exit 0 only when the violations are exactly the lines of FILE (used to prove the
checker catches a fixture tree that breaks each rule).
"""
import argparse
import os
import re
import sys

SOURCE_EXT = (".c", ".cc", ".cpp", ".h", ".hpp", ".inc", ".S", ".s")
INCLUDE_RE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
LAYER_RE = re.compile(r"strata_layer\s*\(\s*NAME\s+([\w-]+)((?:\s+DEPENDS)?[^)]*)\)", re.S)
LAYER_GLOBS = ("*", "bsp/*", "tests/*")


class Layer:
    def __init__(self, name, folder, depends):
        self.name, self.folder, self.depends = name, folder, depends


def read_layer(folder):
    with open(os.path.join(folder, "layer.cmake"), encoding="utf-8") as f:
        text = re.sub(r"#[^\n]*", "", f.read())
    m = LAYER_RE.search(text)
    if not m:
        raise SystemExit(f"check_layers: {folder}/layer.cmake declares no strata_layer(NAME ...)")
    words = m.group(2).split()
    depends = words[words.index("DEPENDS") + 1:] if "DEPENDS" in words else []
    return Layer(m.group(1), os.path.realpath(folder), set(depends))


def find_layers(root, extra):
    folders = []
    for pattern in LAYER_GLOBS:
        base = os.path.join(root, os.path.dirname(pattern))
        if os.path.isdir(base):
            folders += [os.path.join(base, d) for d in sorted(os.listdir(base))
                        if os.path.isfile(os.path.join(base, d, "layer.cmake"))]
    return [read_layer(f) for f in folders + list(extra)]


def owner(layers, path):
    """The layer whose folder is the deepest one holding `path`, or None."""
    best = None
    for layer in layers:
        if path.startswith(layer.folder + os.sep) and (best is None or
                                                       len(layer.folder) > len(best.folder)):
            best = layer
    return best


def template_names(name):
    base = os.path.basename(name)
    names = [base, base + ".in", base + ".j2"]
    if base.endswith("_generated.h"):
        names.append(base[:-len("_generated.h")] + ".fbs")
    return names


class Tree:
    """Every file of the layers, indexed by base name, for resolving include names."""

    def __init__(self, layers):
        self.layers = layers
        self.by_name = {}
        self.sources = []
        for layer in layers:
            for dirpath, dirnames, files in os.walk(layer.folder):
                dirnames.sort()
                for fname in sorted(files):
                    path = os.path.realpath(os.path.join(dirpath, fname))
                    if owner(layers, path) is not layer:
                        continue  # a nested layer's file: indexed when that layer is walked
                    self.by_name.setdefault(fname, []).append(path)
                    if fname.endswith(SOURCE_EXT):
                        self.sources.append((layer, path))

    def candidates(self, including_dir, name):
        """Files `name` may denote: next to the includer if one exists there, else every match."""
        stem = os.path.dirname(name)
        near = [os.path.realpath(os.path.join(including_dir, stem, n)) for n in template_names(name)]
        near = [p for p in near if os.path.isfile(p)]
        if near:
            return near
        found = []
        for n in template_names(name):
            suffix = os.sep + os.path.normpath(os.path.join(stem, n)) if stem else os.sep + n
            found += [p for p in self.by_name.get(n, []) if p.endswith(suffix)]
        return found


def check(root, extra=()):
    layers = find_layers(root, extra)
    tree = Tree(layers)
    violations = []
    for layer, path in tree.sources:
        allowed = {layer.name} | layer.depends
        with open(path, encoding="utf-8", errors="replace") as f:
            for lineno, line in enumerate(f, 1):
                m = INCLUDE_RE.match(line)
                if not m:
                    continue
                targets = {owner(layers, p) for p in tree.candidates(os.path.dirname(path),
                                                                     m.group(2))}
                targets.discard(None)
                if targets and not any(t.name in allowed for t in targets):
                    target = sorted(t.name for t in targets)[0]
                    rel = os.path.relpath(path, root)
                    violations.append(f"{rel}:{lineno}: {layer.name} must not include {target} "
                                      f"({m.group(2)})")
    return violations


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", help="tree to check (the repository root)")
    parser.add_argument("--extra", action="append", default=[], metavar="DIR",
                        help="an out-of-tree layer folder (STRATA_EXTRA_LAYERS)")
    parser.add_argument("--expect", metavar="FILE", help="the exact violations expected")
    args = parser.parse_args()
    root = os.path.realpath(args.root)
    violations = check(root, [os.path.realpath(d) for d in args.extra])
    for v in violations:
        print(v)
    if args.expect:
        with open(args.expect, encoding="utf-8") as f:
            expected = [ln.strip() for ln in f if ln.strip() and not ln.startswith("#")]
        missing = sorted(set(expected) - set(violations))
        unexpected = sorted(set(violations) - set(expected))
        for v in missing:
            print(f"NOT CAUGHT: {v}")
        for v in unexpected:
            print(f"UNEXPECTED: {v}")
        ok = not missing and not unexpected
        print(f"layer check: {len(violations)} violations, {len(expected)} expected: "
              + ("ok" if ok else "MISMATCH"))
        return 0 if ok else 1
    print(f"layer check: {len(violations)} violations")
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())
