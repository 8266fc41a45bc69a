"""The op manifest (op_manifest.txt beside this file): reading, checking and the C++ it implies.

Read by the build (gen_registry.py writes each backend's registry; CMake takes the kernel sources
from `sources`), by the model generator (models/gen: a model's own resolver), by
tools/gen_op_table.py (the README's operator table) and by the manifest tests.
"""

import os
import re
from dataclasses import dataclass, field

HERE = os.path.dirname(os.path.abspath(__file__))
MANIFEST = os.path.join(HERE, "op_manifest.txt")
BACKENDS = ("reference", "optimized")
# Variant in kernel.hpp, in lower case (the C++ name is k + CamelCase: int8 -> kInt8, uint8 ->
# kUInt8).
VARIANTS = ("float32", "int8", "int16", "int32", "int64", "uint8", "bool", "hybrid", "int4",
            "float16", "uint32", "any")


class ManifestError(Exception):
    pass


@dataclass
class Op:
    name: str            # BuiltinOperator name, e.g. CONV_2D
    code: int
    min_version: int
    max_version: int
    source: str          # file stem in each backend folder
    variants: dict = field(default_factory=dict)  # backend -> [variant, ...]
    line: int = 0

    @property
    def namespace(self):
        """C++ namespace of the op's kernel in each backend: the name in lower case, with `_op`
        after a C++ keyword (IF: if_op, WHILE: while_op)."""
        name = self.name.lower()
        return name + "_op" if name in ("if", "while") else name


def cpp_variant(variant):
    if variant.startswith("uint"):  # uint8 -> kUInt8
        return "kUInt" + variant[4:]
    return "k" + variant[0].upper() + variant[1:]


def load(path=MANIFEST):
    """[Op] in manifest order; raises ManifestError naming the line of any problem."""
    ops, names, codes = [], set(), set()
    with open(path) as f:
        for number, raw in enumerate(f, 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            cols = line.split()
            where = f"{os.path.basename(path)}:{number}"
            if len(cols) != 6:
                raise ManifestError(f"{where}: expected 6 columns (op code versions source "
                                    f"reference optimized), got {len(cols)}")
            name, code, versions, source, ref, opt = cols
            if not re.fullmatch(r"[A-Z][A-Z0-9_]*", name):
                raise ManifestError(f"{where}: '{name}' is not a BuiltinOperator name")
            m = re.fullmatch(r"(\d+)-(\d+)", versions)
            if not code.isdigit() or not m or int(m.group(1)) < 1 or \
                    int(m.group(1)) > int(m.group(2)):
                raise ManifestError(f"{where}: code '{code}' or versions '{versions}' malformed "
                                    "(a number, and min-max with 1 <= min <= max)")
            if name in names or int(code) in codes:
                raise ManifestError(f"{where}: {name} (code {code}) is listed twice")
            names.add(name)
            codes.add(int(code))
            op = Op(name, int(code), int(m.group(1)), int(m.group(2)),
                    name.lower() if source == "-" else source, line=number)
            for backend, column in zip(BACKENDS, (ref, opt)):
                variants = [] if column == "-" else column.split(",")
                unknown = [v for v in variants if v not in VARIANTS]
                if unknown or len(set(variants)) != len(variants):
                    raise ManifestError(f"{where}: {backend} variants '{column}': unknown or "
                                        f"repeated {unknown or variants} (known: "
                                        f"{', '.join(VARIANTS)})")
                if variants:
                    op.variants[backend] = variants
            if "reference" not in op.variants:
                raise ManifestError(f"{where}: {name} has no reference variant (the reference "
                                    "backend is the specification of every op)")
            extra = set(op.variants.get("optimized", [])) - set(op.variants["reference"])
            if extra:
                raise ManifestError(f"{where}: {name}: optimized variants {sorted(extra)} have no "
                                    "reference kernel to be tested against")
            ops.append(op)
    if not ops:
        raise ManifestError(f"{path}: no ops")
    return ops


def sources(ops, backend):
    """Kernel source stems of `backend`, each once, in manifest order."""
    seen = []
    for op in ops:
        if backend in op.variants and op.source not in seen:
            seen.append(op.source)
    return seen


def kernel_declarations(backend, op, variants):
    """C++ lines declaring the prepare and invoke functions of `op` in `backend`."""
    lines = [f"namespace strata {{ namespace kernels {{ namespace {backend} {{ "
             f"namespace {op.namespace} {{",
             "Status prepare(const OpContext& ctx, OpRequirements* req, void* op_data);"]
    lines += [f"void invoke_{v}(const OpCall& call);" for v in variants]
    lines.append("}}}}")
    return lines


def kernel_definition(backend, op, variants, symbol):
    """C++ lines defining `const strata::Kernel <symbol>` (and its variant table) for `op` in
    `backend` with `variants`; kernel_declarations() must precede them."""
    ns = f"strata::kernels::{backend}::{op.namespace}"
    lines = [f"const strata::KernelVariant {symbol}Variants[] = {{"]
    lines += [f"    {{strata::Variant::{cpp_variant(v)}, {ns}::invoke_{v}}}," for v in variants]
    lines.append("};")
    lines.append(f"const strata::Kernel {symbol} = {{{ns}::prepare, {symbol}Variants, "
                 f"{len(variants)}}};")
    return lines
