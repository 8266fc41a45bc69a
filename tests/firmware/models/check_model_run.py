#!/usr/bin/python3
"""Runs a model firmware under QEMU (tools/qemu_run.py) and checks its `@` records.

--mode samples   types `run 0` ... `run <n-1>` for every sample the generator embedded and checks
                 each `@result`: classifiers must give the sample's label, regressors must be
                 within --tolerance of the sample's expected value (and, with --function sin, of
                 sin(x) computed here from the sample's input value); a sample whose `expected`
                 holds several values (a sequence model's whole output) is compared value by value
                 with the @output record of its run.
--mode commands  types `1`, `CMD=2`, `2`, `2`, `bench 3` and malformed arguments and checks the
                 model view (one @op per operator, the arena the device used equals the build-time
                 plan and the arena line says what @arena says), the per-layer table (one @layer per
                 operator, counts summing to @total), the bench records, and that the same sample
                 gives the same outputs every time (the three inferences and every bench run:
                 Invoke may overwrite its input).
--mode state     (stateful models) types `1`, `2`, `2` and checks that the model view lists the
                 variable tensors (@variable records, summed by @state), that both inferences give
                 the same output (each starts from reset state), that it is bit for bit the host's
                 (`strata-run --invokes 1` on sample 0, CRC-32 of the output bytes) and not the
                 host's second Invoke (so the state is real and the reset is what makes them
                 equal), and that the @layer counts sum to @total.
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
import tempfile
import zlib

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


def outputs_by_sample(output):
    """Sample index -> the @output records printed just before that sample's @result."""
    found, pending = {}, []
    for line in output.splitlines():
        m = RECORD_RE.match(line.strip())
        if not m:
            continue
        fields = dict(f.split("=", 1) for f in m.group(2).split())
        if m.group(1) == "output":
            pending.append(fields)
        elif m.group(1) == "result":
            found[int(fields["sample"])], pending = pending, []
    return found


def check_samples(args, meta, output):
    problems = []
    results = {int(r["sample"]): r for r in records(output, "result")}
    printed = outputs_by_sample(output)
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
        if len(wanted) > 1:  # a whole output: the values the @output record shows (up to 16)
            shown = printed.get(k, [{}])[0].get("values", "")
            got = [float(v) for v in shown.split(",")] if shown else []
            if not got or any(abs(g - w) > args.tolerance for g, w in zip(got, wanted)):
                problems.append(f"sample {k} ({sample['name']}): output {got}, expected "
                                f"{wanted[:len(got)]} +- {args.tolerance}")
            wanted = []
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
    # The line people read says the same as the record: used = persistent + activations (+ what
    # only Prepare's planning tables need, shown when a tiny model's activations are smaller).
    shown = re.search(r"^arena: +([\d,]+) bytes used \(persistent ([\d,]+) \+ activations ([\d,]+)"
                      r"(?: \+ ([\d,]+) only Prepare uses)?", output, re.M)
    figures = [int((g or "0").replace(",", "")) for g in shown.groups()] if shown else None
    keys = ("used", "persistent", "activations", "prepare_only")
    if arena and figures != [int(arena[0][k]) for k in keys]:
        problems.append(f"the arena line {shown.group(0) if shown else '(missing)'} does not say "
                        f"what @arena says: {arena[0]}")
    elif figures and figures[0] != figures[1] + figures[2] + figures[3]:
        problems.append(f"arena line: {' + '.join(map(str, figures[1:]))} is not {figures[0]}")
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


def host_crc(args, meta, invokes):
    """CRC-32 of output 0 of the host strata-run on sample 0 after `invokes` Invokes."""
    name = meta["samples"][0]["name"]
    with open(os.path.join(args.samples, "samples.json")) as f:
        files = [e["file"] for e in json.load(f)["samples"]]
    sample = next(os.path.join(args.samples, n) for n in files if os.path.splitext(n)[0] == name)
    with tempfile.TemporaryDirectory(prefix="strata-state-") as out:
        cmd = [args.strata_run, args.model, "--kernels", meta["kernels"], "--invokes",
               str(invokes), "--input", sample, "--output-dir", out]
        run = subprocess.run(cmd, capture_output=True, text=True)
        if run.returncode != 0:
            raise SystemExit(f"check_model_run: host strata-run failed: {run.stdout}{run.stderr}")
        with open(os.path.join(out, "output0.bin"), "rb") as f:
            return zlib.crc32(f.read())


def check_state(args, meta, output):
    problems = []
    variables = records(output, "variable")
    state = records(output, "state")
    if not variables or any(v["part"] != "persistent" or int(v["offset"]) < 0 for v in variables):
        problems.append(f"the model view lists no variable tensors in the arena: {variables}")
    elif len(state) != 1 or int(state[0]["variables"]) != len(variables) or \
            int(state[0]["bytes"]) != sum(int(v["bytes"]) for v in variables):
        problems.append(f"@state {state} does not sum the @variable records {variables}")
    arena = records(output, "arena")
    if arena and variables and any(int(v["offset"]) + int(v["bytes"]) > int(arena[0]["persistent"])
                                   for v in variables):
        problems.append(f"a variable lies outside the persistent part of the arena: {variables}")
    outputs = records(output, "output")
    if len(outputs) != 2 or outputs[0] != outputs[1]:
        problems.append(f"two inferences of sample 0 from reset state differ: {outputs}")
    elif int(outputs[0]["crc"], 16) != host_crc(args, meta, 1):
        problems.append(f"output crc {outputs[0]['crc']} is not the host's first Invoke's "
                        f"(0x{host_crc(args, meta, 1):08x})")
    elif host_crc(args, meta, 2) == host_crc(args, meta, 1):
        problems.append("host strata-run: the second Invoke equals the first (no state to reset)")
    layers = records(output, "layer")
    totals = records(output, "total")
    n = len(meta["ops"])
    if len(layers) != 2 * n or len(totals) != 2:
        problems.append(f"{len(layers)} @layer / {len(totals)} @total records for {n} ops, 2 runs")
    else:
        for run in range(2):
            counted = sum(int(x["count"]) for x in layers[run * n:(run + 1) * n])
            if counted != int(totals[run]["count"]) or counted <= 0:
                problems.append(f"run {run + 1}: the @layer counts sum to {counted}, @total says "
                                f"{totals[run]['count']}")
    return problems


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--machine", required=True)
    p.add_argument("--elf", required=True)
    p.add_argument("--meta", required=True, help="model_meta.json written by strata_gen.py")
    p.add_argument("--mode", choices=("samples", "commands", "state"), required=True)
    p.add_argument("--strata-run", help="state: the host strata-run")
    p.add_argument("--model", help="state: the model's .tflite file")
    p.add_argument("--samples", help="state: the model's samples folder")
    p.add_argument("--tolerance", type=float, default=0.05)
    p.add_argument("--function", choices=("sin",), help="also compare regressors with f(x)")
    p.add_argument("--timeout", type=float, default=300)
    args = p.parse_args()
    with open(args.meta) as f:
        meta = json.load(f)
    if args.mode == "samples":
        output = run_firmware(args, [f"run {k}" for k in range(len(meta["samples"]))])
        problems = check_samples(args, meta, output)
    elif args.mode == "state":
        if not (args.strata_run and args.model and args.samples and meta["samples"]):
            p.error("--mode state needs --strata-run, --model, --samples and a model with samples")
        output = run_firmware(args, ["1", "2", "2"])
        problems = check_state(args, meta, output)
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
