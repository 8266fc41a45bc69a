"""The kernel table of a backend, read from its registry source.

Each backend lists its kernels in middleware/kernels/<backend>/registry.cpp as
`{tflite::BuiltinOperator_<OP>, <min version>, <max version>, &<kernel symbol>}` entries. The
generator copies the entries of the ops a model uses into the model's own small resolver, so a
firmware links only those kernels. Reading the table from the source keeps one list of truth; the
host test `models.<id>.resolver` proves the copy resolves exactly like the backend's registry().
"""

import os
import re
from dataclasses import dataclass

DECLARED_RE = re.compile(r"extern\s+const\s+Kernel\s+(\w+)\s*;")
ENTRY_RE = re.compile(
    r"\{\s*tflite::BuiltinOperator_(\w+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*&\s*(\w+)\s*\}")


@dataclass
class Entry:
    op: str           # schema name, e.g. CONV_2D
    min_version: int
    max_version: int
    symbol: str       # fully qualified kernel object, e.g. strata::kernels::reference::kConv2D
    backend: str
    header: str       # include that declares the symbol, e.g. reference/registry.hpp


def load(kernels_dir, backend):
    """{op name: Entry} for one backend; empty when the backend has no registry source."""
    path = os.path.join(kernels_dir, backend, "registry.cpp")
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        text = f.read()
    entries = {}
    for op, lo, hi, symbol in ENTRY_RE.findall(text):
        entries[op] = Entry(op, int(lo), int(hi), f"strata::kernels::{backend}::{symbol}", backend,
                            f"{backend}/registry.hpp")
    if not entries:
        raise SystemExit(f"strata_gen: no kernel entries found in {path} (expected lines like "
                         "`{tflite::BuiltinOperator_CONV_2D, 1, 5, &kConv2D},`)")
    return entries


def declared_kernels(kernels_dir, backend):
    """The kernel objects a backend's registry.hpp declares (kConv2D, kConv2DInt8, ...)."""
    path = os.path.join(kernels_dir, backend, "registry.hpp")
    if not os.path.exists(path):
        return set()
    with open(path) as f:
        return set(DECLARED_RE.findall(f.read()))


def narrow(entry, variants, declared):
    """The entry with its type-specific kernel (kConv2D -> kConv2DInt8) when every use of the op
    in the model is the same variant and the backend has that kernel: its check accepts only that
    variant, so the firmware does not link the other variants' compute code."""
    suffix = {"int8": "Int8", "float32": "Float32"}.get(next(iter(variants))) \
        if len(variants) == 1 else None
    base = entry.symbol.rsplit("::", 1)[1]
    if suffix is None or base + suffix not in declared:
        return entry
    return Entry(entry.op, entry.min_version, entry.max_version, entry.symbol + suffix,
                 entry.backend, entry.header)


def resolve(kernels_dir, backend, ops, variants=None):
    """Entries for `ops` ({op name: [versions]}) from `backend`, falling back to the reference
    kernels like the runtime's backend resolvers do. With `variants` ({op name: set of "int8",
    "float32", "other"}), an op used in one variant only gets its type-specific kernel where the
    backend has one. Returns (entries, notes)."""
    primary = load(kernels_dir, backend)
    if not primary:
        raise SystemExit(f"strata_gen: kernels backend '{backend}' has no "
                         f"{os.path.join(kernels_dir, backend, 'registry.cpp')}")
    fallback = load(kernels_dir, "reference") if backend != "reference" else {}
    chosen, notes, missing = [], [], []
    for op in sorted(ops):
        entry = primary.get(op)
        if entry is None and op in fallback:
            entry = fallback[op]
            notes.append(f"{op}: the {backend} kernels lack it, using the reference kernel")
        if entry is None:
            missing.append(op)
            continue
        bad = [v for v in ops[op] if not entry.min_version <= v <= entry.max_version]
        if bad:
            missing.append(f"{op} version {bad[0]} (kernel handles {entry.min_version}.."
                           f"{entry.max_version})")
            continue
        if variants is not None:
            entry = narrow(entry, variants.get(op, {"other"}),
                           declared_kernels(kernels_dir, entry.backend))
        chosen.append(entry)
    if missing:
        raise SystemExit(f"strata_gen: the {backend} kernels do not implement: " + ", ".join(missing))
    return chosen, notes
