#!/usr/bin/python3
"""Instruction counts of conformance cases on a virtual board, per operator, for both backends.

Runs the bench-model-<kernels> firmware of a cross build tree (tests/firmware/kernel_sweep) on each
case with tools/conformance_fw.py's case packing, checks the outputs with its rules, and prints a
table: total instructions of one Invoke per backend (and the repeat count, which must be equal up
to the counter's one-tick granularity), speed-up, and with --ops the per-operator counts. With
--cycle-model (the cycle-model plugin of a Cortex-M4 tree, docs/cycle-model.md) every count also
gets its estimated Cortex-M4 cycles.

  run_bench.py --build build-opt-m7 --machine mps2-an500 kws01_int8_sample0 ic01_int8_sample0 --ops
  run_bench.py --build build/ci-mps2-an386 --machine mps2-an386 --kernels optimized --ops \
      --cycle-model build/ci-mps2-an386/tools/cycle_model/libstrata-cycle-model.so kws01_int8_sample0
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import conformance_fw  # noqa: E402  (pack_case, compare)
from benchlib import cycles  # noqa: E402


def op_cycles(model, ops):
    """Estimated cycles of each profiled operator: the profiled Invoke reads the counter right before
    and after each operator, so its readings are consecutive checkpoints with the printed counts."""
    deltas = model.deltas()
    for k in range(len(deltas) - 2 * (len(ops) - 1) - 1, -1, -1):
        if all(deltas[k + 2 * j] == n for j, (_, _, n) in enumerate(ops)):
            return [model.interval(k + 2 * j)[1] for j in range(len(ops))]
    raise RuntimeError("no run of timer checkpoints matches the operator counts")


def run_case(elf, machine, case_dir, timeout, plugin=None):
    import json
    with open(os.path.join(case_dir, "case.json")) as f:
        case = json.load(f)
    with tempfile.TemporaryDirectory(prefix="strata-bench-") as work:
        with open(os.path.join(work, "strata_case.bin"), "wb") as f:
            f.write(conformance_fw.pack_case(case_dir, case))
        cycles_out = os.path.join(work, "cycles.txt")
        extra = ["--plugin", cycles.plugin_argument(os.path.abspath(plugin), cycles_out)] if plugin else []
        run = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "qemu_run.py"),
                              "--machine", machine, "--elf", elf, "--timeout", str(timeout),
                              "--markers", "--cwd", work, *extra], capture_output=True, text=True)
        problems = [] if run.returncode == 0 else ["run failed: " + run.stdout[-400:] + run.stderr]
        if not problems:
            problems = conformance_fw.compare(case_dir, case, work)
        model = cycles.read(cycles_out) if plugin and not problems else None
    summary = re.search(r"@conformance invoke_instructions=(\d+) arena_bytes=(\d+) "
                        r"lower_bound=(\d+) repeat_instructions=(\d+)", run.stdout)
    ops = [(int(i), name, int(n)) for i, name, n in re.findall(r"@op (\d+) (\S+) (\d+)", run.stdout)]
    result = {"problems": problems, "ops": ops}
    if summary:
        result.update(total=int(summary.group(1)), arena=int(summary.group(2)),
                      lower=int(summary.group(3)), repeat=int(summary.group(4)))
        if model is not None:
            result["total_cycles"] = cycles.interval_cycles(model, result["total"])
            result["op_cycles"] = op_cycles(model, ops) if ops else []
    return result


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--build", required=True, help="cross build tree with the bench-model firmwares")
    p.add_argument("--machine", default="mps2-an500")
    p.add_argument("--suite", default=os.path.join(ROOT, "tests", "conformance", "suite"))
    p.add_argument("--kernels", default="reference,optimized")
    p.add_argument("--ops", action="store_true", help="per-operator table")
    p.add_argument("--timeout", type=float, default=900)
    p.add_argument("--cycle-model", metavar="PLUGIN",
                   help="the cycle-model plugin (.so): estimated Cortex-M4 cycles beside the counts")
    p.add_argument("cases", nargs="+")
    args = p.parse_args()
    failed = False
    for case in args.cases:
        results = {}
        for kernels in args.kernels.split(","):
            elf = os.path.join(os.path.abspath(args.build), "tests", "firmware", "kernel_sweep",
                               f"bench-model-{kernels}.elf")
            results[kernels] = run_case(elf, args.machine,
                                        os.path.join(args.suite, "cases", case), args.timeout,
                                        args.cycle_model)
        line = f"{case:36s}"
        for kernels, r in results.items():
            status = "ok" if not r["problems"] else "FAIL " + "; ".join(r["problems"])
            failed |= bool(r["problems"])
            line += f" {kernels}={r.get('total', 0):>12,} (repeat {r.get('repeat', 0):,}," \
                    f" arena {r.get('arena', 0):,}) {status}"
            if "total_cycles" in r:
                line += f" est. M4 cycles {r['total_cycles']:,}"
        if results.get("reference", {}).get("total") and results.get("optimized", {}).get("total"):
            line += f" speed-up {results['reference']['total'] / results['optimized']['total']:.1f}x"
        print(line)
        if args.ops:
            names = list(results)
            for k, op in enumerate(results[names[-1]]["ops"]):
                counts = [r["ops"][k][2] if k < len(r["ops"]) else 0 for r in results.values()]
                est = [r["op_cycles"][k] for r in results.values() if k < len(r.get("op_cycles", []))]
                print(f"    op {op[0]:3d} {op[1]:20s} " + " ".join(f"{c:>12,}" for c in counts) +
                      ("  cycles " + " ".join(f"{c:>12,}" for c in est) if est else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
