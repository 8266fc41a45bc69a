#!/usr/bin/python3
"""Runs one conformance case on a virtual board and compares its outputs.

Packs the case's model and inputs into strata_case.bin (little-endian: magic "SCF1", model offset and
size, input count, then offset and size per input, data 16-byte aligned) in a temporary directory, runs
the conformance firmware there under QEMU (semihosting reads the file and writes output<k>.bin), then
applies the case's rules: `exact` outputs bit for bit, `close` within atol + rtol*|expected|, and
`expected_top1` as the index of the largest output. Prints one summary line per case. With
--cycle-model (the Cortex-M4 cycle-model QEMU plugin, docs/cycle-model.md) the summary also gets
invoke_cycles=, the estimated Cortex-M4 cycles of the Invoke the firmware measured (and undecoded=, the
executed instructions the plugin could not decode, when there are any).
"""
import argparse
import json
import os
import re
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from benchlib import cycles  # noqa: E402

NUMPY_TYPES = {"INT8": ("b", 1), "UINT8": ("B", 1), "INT16": ("h", 2), "INT32": ("i", 4),
               "UINT32": ("I", 4), "INT64": ("q", 8), "BOOL": ("B", 1), "FLOAT32": ("f", 4)}


def pack_case(case_dir, case):
    conformance_root = os.path.dirname(os.path.dirname(case_dir))
    with open(os.path.join(conformance_root, case["model"]), "rb") as f:
        model = f.read()
    inputs = []
    for spec in case["inputs"]:
        with open(os.path.join(case_dir, spec["file"]), "rb") as f:
            inputs.append(f.read())
    header_size = 16 + 8 * len(inputs)
    offset = (header_size + 15) // 16 * 16
    layout, body = [], b""
    for chunk in [model] + inputs:
        pad = (-(offset + len(body))) % 16
        body += b"\0" * pad
        layout.append((offset + len(body), len(chunk)))
        body += chunk
    header = struct.pack("<4I", 0x31464353, layout[0][0], layout[0][1], len(inputs))
    for off, size in layout[1:]:
        header += struct.pack("<2I", off, size)
    header += b"\0" * (offset - len(header))
    return header + body


def values(data, type_name):
    code, size = NUMPY_TYPES[type_name]
    return list(struct.unpack(f"<{len(data) // size}{code}", data))


def compare(case_dir, case, out_dir):
    problems = []
    for k, spec in enumerate(case["outputs"]):
        path = os.path.join(out_dir, f"output{k}.bin")
        if not os.path.exists(path):
            return [f"output{k}.bin was not written"]
        with open(path, "rb") as f:
            got = f.read()
        if "file" in spec:
            with open(os.path.join(case_dir, spec["file"]), "rb") as f:
                want = f.read()
            mode = spec.get("compare", {}).get("mode", "exact")
            if mode == "exact" and got != want:
                diffs = sum(a != b for a, b in zip(values(got, spec["type"]), values(want, spec["type"])))
                problems.append(f"output{k}: {diffs} elements differ (exact compare)")
            elif mode == "close":
                atol, rtol = spec["compare"].get("atol", 0.0), spec["compare"].get("rtol", 0.0)
                bad = [(g, w) for g, w in zip(values(got, "FLOAT32"), values(want, "FLOAT32"))
                       if abs(g - w) > atol + rtol * abs(w)]
                if bad or len(got) != len(want):
                    problems.append(f"output{k}: {len(bad)} elements outside atol={atol} rtol={rtol}")
        if k == 0 and "expected_top1" in case:
            scores = values(got, spec["type"])
            top = max(range(len(scores)), key=lambda i: scores[i])
            if top != case["expected_top1"]:
                problems.append(f"top-1 is {top}, expected {case['expected_top1']}")
    return problems


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--machine", required=True)
    p.add_argument("--elf", required=True)
    p.add_argument("--case", required=True, help="case folder (holds case.json)")
    p.add_argument("--timeout", type=float, default=300)
    p.add_argument("--cycle-model", metavar="PLUGIN", help="the cycle-model plugin (.so): also report "
                   "the Invoke's estimated Cortex-M4 cycles")
    args = p.parse_args()
    case_dir = os.path.abspath(args.case)
    with open(os.path.join(case_dir, "case.json")) as f:
        case = json.load(f)
    with tempfile.TemporaryDirectory(prefix="strata-case-") as work:
        with open(os.path.join(work, "strata_case.bin"), "wb") as f:
            f.write(pack_case(case_dir, case))
        cmd = [sys.executable, os.path.join(HERE, "qemu_run.py"), "--machine", args.machine,
               "--elf", os.path.abspath(args.elf), "--timeout", str(args.timeout), "--markers", "--cwd", work]
        cycles_out = os.path.join(work, "cycles.txt")
        if args.cycle_model:
            cmd += ["--plugin", cycles.plugin_argument(os.path.abspath(args.cycle_model), cycles_out)]
        run = subprocess.run(cmd, capture_output=True, text=True)
        summary = re.search(r"^@conformance .*$", run.stdout, re.MULTILINE)
        problems = [] if run.returncode == 0 else ["firmware run failed: " + run.stderr.strip()]
        if not problems:
            problems = compare(case_dir, case, work)
        line = summary.group(0).strip() if summary else ""
        if args.cycle_model and summary and not problems:
            invoke = re.search(r"invoke_instructions=(\d+)", line).group(1)
            model = cycles.read(cycles_out)
            line += f" invoke_cycles={cycles.interval_cycles(model, invoke)}"
            if model.total.get("unknown"):  # charged 1 cycle each: the estimate is off
                line += f" undecoded={model.total['unknown']}"
    name = os.path.basename(case_dir)
    print(run.stdout if problems else "", end="")
    print(f"{name}: {'FAIL' if problems else 'pass'} {line}")
    for problem in problems:
        print(f"  {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
