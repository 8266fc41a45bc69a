#!/usr/bin/python3
"""Runs a model firmware under QEMU (tools/qemu_run.py) and checks its `@` records.

--mode samples   types `run 0` ... `run <n-1>` for every sample the generator embedded and checks
                 each `@result`: classifiers must give the sample's label, regressors must be
                 within --tolerance of the sample's expected value (and, with --function sin, of
                 sin(x) computed here from the sample's input value).
--mode commands  types `1`, `CMD=2`, `2`, `2`, `bench 3` and malformed arguments and checks the
                 model view (one @op per operator, the arena the device used equals the build-time
                 plan and the arena line says what @arena says), the per-layer table (one @layer per
                 operator, counts summing to @total), the bench records, and that the same sample
                 gives the same outputs every time (the three inferences and every bench run:
                 Invoke may overwrite its input).
The expectations come from the generator's model_meta.json (labels from the model's samples.json),
never from the firmware's own verdicts. Exit code 0 only when every check passes.
"""
import argparse
import json
import math
import os
import re
import subprocess
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
RECORD_RE = re.compile(r"^@(\w+)((?: [\w.]+=\S*)*)\s*$")


def records(output, kind):
    found = []
    for line in output.splitlines():
        m = RECORD_RE.match(line.strip())
        if m and m.group(1) == kind:
            found.append(dict(f.split("=", 1) for f in m.group(2).split()))
    return found


def run_firmware(args, commands):
    text = "".join(c + "\\n" for c in commands + ["exit 0"])
    cmd = [sys.executable, os.path.join(ROOT, "tools", "qemu_run.py"), "--machine", args.machine,
           "--elf", args.elf, "--timeout", str(args.timeout), "--input", text]
    proc = subprocess.run(cmd, capture_output=True, text=True, errors="replace")
    sys.stdout.write(proc.stdout)
    if proc.returncode != 0:
        sys.stdout.write(proc.stderr)
        raise SystemExit(f"check_model_run: the firmware run failed (qemu_run exit {proc.returncode})")
    return proc.stdout


def check_samples(args, meta, output):
    problems = []
    results = {int(r["sample"]): r for r in records(output, "result")}
    if not meta["samples"]:
        problems.append("the model has no samples to check")
    for k, sample in enumerate(meta["samples"]):
        r = results.get(k)
        if r is None:
            problems.append(f"no @result for sample {k} ({sample['name']})")
            continue
        if sample["label"] >= 0 and int(r.get("top", -1)) != sample["label"]:
            problems.append(f"sample {k} ({sample['name']}): top={r.get('top')}, label "
                            f"{sample['label']}")
        wanted = list(sample["expected"])
        if args.function == "sin":
            wanted.append(math.sin(sample["input_value"]))
        for w in wanted:
            value = float(r.get("value", "nan"))
            if not abs(value - w) <= args.tolerance:
                problems.append(f"sample {k} ({sample['name']}): value {value}, expected {w:.4f} "
                                f"+- {args.tolerance}")
        print(f"check: sample {k} {sample['name']}: {' '.join(f'{a}={b}' for a, b in r.items())}")
    return problems


def check_commands(meta, output):
    problems = []
    ops = records(output, "op")
    if len(ops) != len(meta["ops"]) or [o["op"] for o in ops] != meta["ops"]:
        problems.append(f"@op records {[o.get('op') for o in ops]} != model ops {meta['ops']}")
    arena = records(output, "arena")
    planned = meta["arena"]["arena_bytes"]
    if not arena or int(arena[0]["used"]) != planned or int(arena[0]["reserved"]) != planned:
        problems.append(f"@arena {arena[:1]} != the build-time plan of {planned} bytes")
    # The line people read says the same as the record: used = persistent + activations.
    shown = re.search(r"^arena: +([\d,]+) bytes used \(persistent ([\d,]+) \+ activations ([\d,]+)",
                      output, re.M)
    figures = [int(g.replace(",", "")) for g in shown.groups()] if shown else None
    if arena and figures != [int(arena[0][k]) for k in ("used", "persistent", "activations")]:
        problems.append(f"the arena line {shown.group(0) if shown else '(missing)'} does not say "
                        f"what @arena says: {arena[0]}")
    elif figures and figures[0] != figures[1] + figures[2]:
        problems.append(f"arena line: {figures[1]} + {figures[2]} is not {figures[0]}")
    layers = records(output, "layer")
    totals = records(output, "total")
    if len(layers) != 3 * len(meta["ops"]):
        problems.append(f"{len(layers)} @layer records for {len(meta['ops'])} ops, 3 inferences")
    elif not totals or sum(int(x["count"]) for x in layers[:len(meta["ops"])]) != \
            int(totals[0]["count"]):
        problems.append("the @layer counts do not sum to @total")
    elif int(totals[0]["count"]) <= 0 or not any(x["ran"] == "1" for x in layers):
        problems.append("the inference counted nothing")
    bench = records(output, "bench")
    if [b["phase"] for b in bench] != ["populate", "invoke", "respond"] or \
            any(b["runs"] != "3" or int(b["min"]) > int(b["avg"]) or int(b["avg"]) > int(b["max"])
                for b in bench):
        problems.append(f"bad @bench records: {bench}")
    for message in ("error: usage: bench <N>", "error: sample must be", "error: usage: run <n>"):
        if message not in output:
            problems.append(f"no '{message}' for a malformed command")
    results = records(output, "result")
    if len(results) != 4:
        problems.append(f"{len(results)} @result records, expected 4 (three inferences, one bench)")
    elif any(r != results[0] for r in results):
        problems.append(f"the same sample gave different results: {results}")
    outputs = records(output, "output")
    if len(outputs) != 3 * len(meta["outputs"]) or any(o != outputs[k % len(meta["outputs"])]
                                                       for k, o in enumerate(outputs)):
        problems.append(f"the three inferences of sample 0 printed different outputs: {outputs}")
    same = records(output, "bench_outputs")
    if len(same) != 1 or same[0]["runs"] != "3" or same[0]["same"] != "3":
        problems.append(f"the bench runs did not all give the first run's outputs: {same}")
    return problems


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--machine", required=True)
    p.add_argument("--elf", required=True)
    p.add_argument("--meta", required=True, help="model_meta.json written by strata_gen.py")
    p.add_argument("--mode", choices=("samples", "commands"), required=True)
    p.add_argument("--tolerance", type=float, default=0.05)
    p.add_argument("--function", choices=("sin",), help="also compare regressors with f(x)")
    p.add_argument("--timeout", type=float, default=300)
    args = p.parse_args()
    with open(args.meta) as f:
        meta = json.load(f)
    if args.mode == "samples":
        output = run_firmware(args, [f"run {k}" for k in range(len(meta["samples"]))])
        problems = check_samples(args, meta, output)
    else:
        output = run_firmware(args, ["1", "CMD=2", "2", "2", "bench 3", "bench 0", "2 99999",
                                     "run", "bench x"])
        problems = check_commands(meta, output)
    for problem in problems:
        print(f"check_model_run: FAIL: {problem}", file=sys.stderr)
    print(f"check_model_run: {meta['name']} ({meta['kernels']}) {args.mode}: "
          + ("FAIL" if problems else "ok"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
