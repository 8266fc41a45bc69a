#!/usr/bin/python3
"""Runs a stateful op-suite case on a virtual board: two Invokes, then ResetVariables and a third.

Packs the case like tools/conformance_fw.py, runs the stateful firmware under QEMU (it fails by
itself when the second Invoke's outputs equal the first's or when ResetVariables does not bring the
first back), then compares its first and second Invoke's outputs with the host build's
(`strata-run --invokes 1` and `--invokes 2` on the same model, inputs and kernels backend) and the
first with the case's expected outputs: integers bit for bit, float32 within the case's tolerance.
Prints one summary line with the firmware's `@stateful` figures; exit code 0 only when all hold.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOOLS = os.path.join(HERE, "..", "..", "..", "tools")
sys.path.insert(0, TOOLS)
from conformance_fw import pack_case, values  # noqa: E402


def differences(got, want, spec):
    """Problems comparing one output (bytes) with the wanted bytes under the case's rule."""
    if len(got) != len(want):
        return [f"{len(got)} bytes, expected {len(want)}"]
    mode = spec.get("compare", {}).get("mode", "exact")
    if mode == "close":
        atol, rtol = spec["compare"].get("atol", 0.0), spec["compare"].get("rtol", 0.0)
        bad = [(g, w) for g, w in zip(values(got, "FLOAT32"), values(want, "FLOAT32"))
               if abs(g - w) > atol + rtol * abs(w)]
        return [f"{len(bad)} elements outside atol={atol} rtol={rtol}"] if bad else []
    diffs = sum(a != b for a, b in zip(values(got, spec["type"]), values(want, spec["type"])))
    return [f"{diffs} elements differ (exact compare)"] if diffs else []


def read(path):
    with open(path, "rb") as f:
        return f.read()


def host_outputs(strata_run, model, inputs, kernels, invokes, out_dir):
    os.makedirs(out_dir)
    cmd = [strata_run, model, "--kernels", kernels, "--invokes", str(invokes), "--output-dir", out_dir]
    for path in inputs:
        cmd += ["--input", path]
    run = subprocess.run(cmd, capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"host strata-run failed: {run.stdout}{run.stderr}")
    return out_dir


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--machine", required=True)
    p.add_argument("--elf", required=True)
    p.add_argument("--case", required=True, help="op-suite case folder (holds case.json)")
    p.add_argument("--strata-run", required=True, help="the host strata-run")
    p.add_argument("--kernels", required=True, help="the firmware's kernels backend")
    p.add_argument("--timeout", type=float, default=120)
    args = p.parse_args()
    case_dir = os.path.abspath(args.case)
    case = json.load(open(os.path.join(case_dir, "case.json")))
    suite = os.path.dirname(os.path.dirname(case_dir))
    model = os.path.join(suite, case["model"])
    inputs = [os.path.join(case_dir, spec["file"]) for spec in case["inputs"]]
    problems = []
    with tempfile.TemporaryDirectory(prefix="strata-stateful-") as work:
        with open(os.path.join(work, "strata_case.bin"), "wb") as f:
            f.write(pack_case(case_dir, case))
        cmd = [sys.executable, os.path.join(TOOLS, "qemu_run.py"), "--machine", args.machine,
               "--elf", os.path.abspath(args.elf), "--timeout", str(args.timeout), "--markers",
               "--cwd", work]
        run = subprocess.run(cmd, capture_output=True, text=True)
        summary = re.search(r"^@stateful .*$", run.stdout, re.MULTILINE)
        if run.returncode != 0:
            problems.append("firmware run failed: " + run.stderr.strip())
        else:
            for invokes in (1, 2):
                host = host_outputs(args.strata_run, model, inputs, args.kernels, invokes,
                                    os.path.join(work, f"host{invokes}"))
                for k, spec in enumerate(case["outputs"]):
                    got = read(os.path.join(work, f"invoke{invokes}_output{k}.bin"))
                    want = read(os.path.join(host, f"output{k}.bin"))
                    problems += [f"Invoke {invokes}, output {k} vs host: {d}"
                                 for d in differences(got, want, spec)]
                    if invokes == 1 and "file" in spec:
                        expected = read(os.path.join(case_dir, spec["file"]))
                        problems += [f"Invoke 1, output {k} vs the case: {d}"
                                     for d in differences(got, expected, spec)]
            # The host must see the state too, or comparing with it would prove little.
            if all(read(os.path.join(work, "host1", f"output{k}.bin")) ==
                   read(os.path.join(work, "host2", f"output{k}.bin"))
                   for k in range(len(case["outputs"]))):
                problems.append("host strata-run: the second Invoke equals the first")
    line = summary.group(0).strip() if summary else ""
    print(run.stdout if problems else "", end="")
    print(f"{os.path.basename(case_dir)}: {'FAIL' if problems else 'pass'} {line}")
    for problem in problems:
        print(f"  {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
