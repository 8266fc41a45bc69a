"""A model's own op resolver: only the ops, and of each op only the variants, the model uses.

The runtime itself decides which kernel runs each operator: `strata-run --plan` prepares the model
with the chosen backend and reports, per operator, which backend's kernel (the backend, or the
reference kernels it falls back to) and which variant (int8, float32, ...) it picked. This module
turns that into C++ with the op manifest's naming (middleware/kernels/op_manifest.py), so the
firmware links exactly the invoke functions its model runs and resolves like the backend's full
registry; the host test `models.<id>.<kernels>` checks both.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "middleware", "kernels"))
import op_manifest  # noqa: E402


def levels(kernels):
    """The resolver chain of a backend: the backend itself, then the reference kernels."""
    return [kernels] if kernels == "reference" else [kernels, "reference"]


def build(manifest_path, kernels, op_kernels):
    """C++ source lines defining `const strata::OpResolver kResolver` for a model.

    op_kernels: one dict per operator in model order, {"op": name, "backend": ..., "variant": ...}
    as strata-run --plan reports them. Returns (lines, entries) where entries describe the
    registrations ({"op", "code", "backend", "variants"}) for the model's metadata."""
    try:
        manifest = {op.name: op for op in op_manifest.load(manifest_path)}
    except op_manifest.ManifestError as e:
        raise SystemExit(f"strata_gen: {e}")
    chain = levels(kernels)
    used = {backend: {} for backend in chain}  # backend -> {op name: set of variants}
    for k in op_kernels:
        if k["backend"] not in used:
            raise SystemExit(f"strata_gen: strata-run resolved {k['op']} to the {k['backend']} "
                             f"kernels, which are not in the {kernels} chain {chain}")
        if k["op"] not in manifest:
            raise SystemExit(f"strata_gen: {k['op']} is not in the op manifest {manifest_path}")
        used[k["backend"]].setdefault(k["op"], set()).add(k["variant"])
    declarations, definitions, entries = [], [], []
    resolvers = []  # (name, registrations), primary first
    for backend in chain:
        regs = []
        for name in sorted(used[backend], key=lambda n: manifest[n].code):
            op = manifest[name]
            variants = [v for v in op.variants.get(backend, []) if v in used[backend][name]]
            missing = used[backend][name] - set(variants)
            if missing:
                raise SystemExit(f"strata_gen: {name} runs the {backend} variants "
                                 f"{sorted(missing)} that the op manifest does not list")
            symbol = f"k{backend.capitalize()}{op.code}"
            declarations += op_manifest.kernel_declarations(backend, op, variants)
            definitions += op_manifest.kernel_definition(backend, op, variants, symbol)
            regs.append(f"    {{{op.code}, {op.min_version}, {op.max_version}, &{symbol}}},"
                        f"  // {name} ({', '.join(variants)})")
            entries.append({"op": name, "code": op.code, "backend": backend,
                            "variants": variants})
        if regs:
            resolvers.append((f"k{backend.capitalize()}", regs))
    lines = declarations + ["namespace {"] + definitions
    previous = "nullptr"
    for name, regs in reversed(resolvers):  # the fallback is defined before its user
        lines += [f"const strata::OpRegistration {name}Ops[] = {{"] + regs + ["};"]
        lines.append(f"const strata::OpResolver {name}Resolver({name}Ops, {len(regs)}, "
                     f"{previous});")
        previous = f"&{name}Resolver"
    if not resolvers:
        lines.append("const strata::OpResolver kEmptyResolver(nullptr, 0);")
        previous = "&kEmptyResolver"
    lines += [f"const strata::OpResolver& kResolver = {previous[1:]};", "}  // namespace"]
    return lines, entries
