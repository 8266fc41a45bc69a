#!/usr/bin/python3
"""strata_gen: turns a .tflite model into C++ sources for a Strata firmware (run by CMake).

Writes into --out-dir:
  strata_model.hpp  kArenaBytes (the runtime planner's figure), kModelBytes, the ModelInfo
  model_data.cpp    the .tflite bytes, alignas(16), in namespace strata_models::<ident>
  model_info.cpp    an op resolver with only the ops the model uses, input/output metadata, MACs
  samples.cpp       the sample inputs of --samples that fit the model's input type
  op_names.cpp      strata::OpName with the names of the resolver's ops only (for firmware)
  model_meta.json   the same metadata for tools and tests
Fails (non-zero exit, message with the sizes) when the arena or the model bytes exceed the board's
--arena-limit / --flash-limit. Files whose content did not change are left untouched.
"""

import argparse
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)

import arena_plan  # noqa: E402
import jinja2  # noqa: E402
import model_resolver  # noqa: E402
import samples as samples_mod  # noqa: E402
import tflite_file  # noqa: E402

BYTES_PER_LINE = 48


def c_string(text):
    return text.replace("\\", "\\\\").replace('"', '\\"')


def c_float(value):
    text = repr(float(value))
    if text in ("inf", "-inf", "nan"):
        raise SystemExit(f"strata_gen: cannot emit float {text}")
    return (text if ("." in text or "e" in text) else text + ".0") + "f"


CPP_TYPES = {0: "kFloat32", 1: "kFloat16", 2: "kInt32", 3: "kUInt8", 4: "kInt64", 5: "kString",
             6: "kBool", 7: "kInt16", 8: "kComplex64", 9: "kInt8", 10: "kFloat64", 15: "kUInt32"}
MAX_INFO_RANK = 6  # strata_models::kMaxInfoRank


def c_type(type_id):
    if type_id not in CPP_TYPES:
        raise SystemExit(f"strata_gen: tensor type {type_id} has no strata::DataType")
    return CPP_TYPES[type_id]


def hex_lines(data):
    return [",".join(f"0x{b:02x}" for b in data[i:i + BYTES_PER_LINE]) + ","
            for i in range(0, len(data), BYTES_PER_LINE)]


def number_lines(values, suffix, per_line=8):
    """C initializer lines for a list of integers (a lone 0 for an empty list)."""
    values = list(values) or [0]
    return [", ".join(f"{v}{suffix}" for v in values[i:i + per_line]) + ","
            for i in range(0, len(values), per_line)]


def display_path(path):
    rel = os.path.relpath(os.path.abspath(path), ROOT)
    return path if rel.startswith("..") else rel


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--model", required=True, help=".tflite file")
    p.add_argument("--name", required=True, help="display name, e.g. mnist-int8")
    p.add_argument("--ident", help="C++ namespace (default: from --name)")
    p.add_argument("--kernels", default="reference", help="kernels backend of the resolver")
    p.add_argument("--out-dir", required=True)
    p.add_argument("--samples", default="", help="folder with samples.json (optional)")
    p.add_argument("--strata-run", help="host strata-run that computes the arena plan")
    p.add_argument("--plan-json", help="use this plan instead of running strata-run")
    p.add_argument("--manifest",
                   default=os.path.join(ROOT, "middleware", "kernels", "op_manifest.txt"))
    p.add_argument("--schema", default=os.path.join(ROOT, "middleware", "schema", "tflite.fbs"))
    p.add_argument("--flatc", default=None)
    p.add_argument("--board", default="", help="board id, for messages")
    p.add_argument("--arena-limit", type=int, default=0, help="bytes of the board's arena region")
    p.add_argument("--flash-limit", type=int, default=0, help="bytes of the board's flash")
    args = p.parse_args(argv)
    if not args.strata_run and not args.plan_json:
        p.error("one of --strata-run or --plan-json is required")
    args.ident = args.ident or re.sub(r"\W", "_", args.name)
    if not re.fullmatch(r"[A-Za-z_]\w*", args.ident):
        p.error(f"--ident '{args.ident}' is not a C++ identifier")
    return args


def write_if_changed(path, text):
    if os.path.exists(path):
        with open(path) as f:
            if f.read() == text:
                return
    with open(path, "w") as f:
        f.write(text)


def load_plan(args, meta, op_names):
    if args.plan_json:
        with open(args.plan_json) as f:
            plan = json.load(f)
    else:
        plan = arena_plan.run(args.strata_run, args.model, args.kernels)
    arena_plan.cross_check(plan, meta, op_names)
    return plan


def build_context(args):
    work = os.path.join(args.out_dir, ".schema_py")
    meta = tflite_file.read(args.model, args.schema, args.flatc, work)
    op_names = [meta.op_code_names[c] for c in meta.op_codes]
    with open(args.model, "rb") as f:
        data = f.read()
    plan = load_plan(args, meta, op_names)
    arena_plan.check_fits(args.name, args.board, plan, len(data), args.arena_limit,
                          args.flash_limit)
    resolver_lines, resolver = model_resolver.build(args.manifest, args.kernels, plan["kernels"])
    notes = [f"{e['op']}: the {args.kernels} kernels lack {', '.join(e['variants'])}, using the "
             f"reference kernel" for e in resolver if e["backend"] != args.kernels]
    for t in meta.inputs + meta.outputs:
        if len(t.shape) > MAX_INFO_RANK:
            raise SystemExit(f"strata_gen: tensor '{t.name}' has rank {len(t.shape)}, the "
                             f"metadata tables hold at most {MAX_INFO_RANK}")
    samples, skipped = samples_mod.load(args.samples, meta.inputs[0]) if meta.inputs else ([], [])
    macs = [int(m) for m in plan["macs"]]
    return {
        "source": display_path(args.model),
        "source_name": os.path.basename(args.model),
        "samples_source": display_path(args.samples) if args.samples else "(no samples folder)",
        "name": args.name, "ident": args.ident, "kernels": args.kernels,
        "model_bytes": len(data), "model_lines": hex_lines(data),
        "plan": plan, "resolver": resolver, "resolver_lines": resolver_lines,
        # A float16 view exists only where an operator takes float16 weights: only such a plan
        # needs (and links) the runtime's float16 views.
        "float16_weights": any(k["variant"] == "float16" for k in plan["kernels"]),
        "op_name_entries": sorted({e["code"]: e for e in resolver}.values(),
                                  key=lambda e: e["code"]),
        "resolver_summary": "; ".join(f"{e['op']} {'/'.join(e['variants'])} ({e['backend']})"
                                      for e in resolver) or "no ops",
        "inputs": meta.inputs, "outputs": meta.outputs, "input": meta.inputs[0],
        "max_input_bytes": max(t.bytes for t in meta.inputs),
        "ops": op_names, "macs": macs, "total_macs": sum(macs),
        "plan_tensor_lines": number_lines(plan["plan"]["tensor_offsets"], "u"),
        "plan_scratch_lines": number_lines(plan["plan"]["scratch_offsets"], "u"),
        "macs_lines": [", ".join(f"{m}ull" for m in macs[i:i + 6]) + ","
                       for i in range(0, len(macs), 6)],
        "samples": [dict(vars(s), lines=hex_lines(s.data)) for s in samples],
        "notes": notes + (samples_mod.skip_report(skipped, samples, meta.inputs[0])
                          if skipped else []),
    }


def metadata(ctx):
    """model_meta.json: what the firmware was generated with, for tests and tools."""
    tensor = lambda t: {"name": t.name, "type": t.type_name, "shape": t.shape, "scale": t.scale,
                        "zero_point": t.zero_point}
    keys = ("arena_bytes", "lower_bound", "persistent_bytes", "activation_bytes", "scratch_bytes")
    return {"name": ctx["name"], "file": ctx["source"], "kernels": ctx["kernels"],
            "model_bytes": ctx["model_bytes"], "arena": {k: ctx["plan"][k] for k in keys},
            "inputs": [tensor(t) for t in ctx["inputs"]],
            "outputs": [tensor(t) for t in ctx["outputs"]],
            "ops": ctx["ops"], "macs": ctx["macs"],
            "resolver": ctx["resolver"],
            "samples": [{"name": s["name"], "label": s["label"], "expected": list(s["expected"]),
                         "input_value": s["input_value"]} for s in ctx["samples"]]}


def main(argv=None):
    args = parse_args(argv)
    ctx = build_context(args)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(os.path.join(HERE, "templates")),
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters["cstr"] = c_string
    env.filters["cfloat"] = c_float
    env.filters["ctype"] = c_type
    os.makedirs(args.out_dir, exist_ok=True)
    for template, out in (("strata_model.hpp.j2", "strata_model.hpp"),
                          ("model_data.cpp.j2", "model_data.cpp"),
                          ("model_info.cpp.j2", "model_info.cpp"),
                          ("samples.cpp.j2", "samples.cpp"),
                          ("op_names.cpp.j2", "op_names.cpp")):
        write_if_changed(os.path.join(args.out_dir, out), env.get_template(template).render(ctx))
    write_if_changed(os.path.join(args.out_dir, "model_meta.json"),
                     json.dumps(metadata(ctx), indent=1) + "\n")
    for note in ctx["notes"]:
        print(f"strata_gen: {args.name}: {note}")
    plan = ctx["plan"]
    print(f"strata_gen: {args.name} ({args.kernels}): {ctx['model_bytes']:,} model bytes, arena "
          f"{plan['arena_bytes']:,} bytes (lower bound {plan['lower_bound']:,}), "
          f"{len(ctx['ops'])} ops, {ctx['total_macs']:,} MACs, {len(ctx['samples'])} samples")
    return 0


if __name__ == "__main__":
    sys.exit(main())
