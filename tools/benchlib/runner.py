"""Runs firmware images on the virtual boards and collects their records."""
import glob
import json
import os
import re
import subprocess
import sys

from . import mapfile, records

TOOLS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(TOOLS)
PYTHON = "/usr/bin/python3"


def build(preset, extra_args=()):
    subprocess.run(["cmake", "--preset", preset, *extra_args], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", "--preset", preset], cwd=ROOT, check=True)


def run_qemu(machine, elf, commands, timeout=900):
    cmd = [PYTHON, os.path.join(TOOLS, "qemu_run.py"), "--machine", machine, "--elf", elf,
           "--timeout", str(timeout), "--quiet", "--input", commands]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        # --quiet keeps the console out of stdout; rerun loudly for the record.
        loud = subprocess.run(cmd[:-3] + ["--input", commands], capture_output=True, text=True)
        sys.stderr.write(loud.stdout[-3000:] + loud.stderr)
        raise RuntimeError(f"{elf} failed under QEMU")
    loud = subprocess.run([c for c in cmd if c != "--quiet"], capture_output=True, text=True)
    return loud.stdout


def size_of(elf):
    out = subprocess.run([PYTHON, os.path.join(TOOLS, "size_report.py"), "--json", elf],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def firmware_images(build_dir):
    """Yields (model, kernels, elf) for every model firmware of a ci tree."""
    for elf in sorted(glob.glob(os.path.join(build_dir, "app", "strata-*.elf"))):
        m = re.match(r"strata-(.+)-(reference|optimized)\.elf$", os.path.basename(elf))
        if m and m.group(1) != "none":
            yield m.group(1), m.group(2), elf


def measure_model(machine, elf):
    """The model view, two identical inferences (to show the count repeats) and sizes."""
    return model_figures(run_qemu(machine, elf, "1\\n2\\n2\\nexit\\n"), elf, elf)


def measure_captured(log_path, elf=None):
    """The same figures from a console log captured on a real board: the output of the shell
    commands `1`, `2`, `2` (e.g. `tools/strata`-free: any terminal's log). Sizes need the ELF."""
    try:
        with open(log_path, errors="replace") as f:
            text = f.read()
    except OSError as e:
        raise SystemExit(f"bench: cannot read captured log {log_path}: {e}")
    figures = model_figures(text, log_path, elf)
    boot = records.first(records.parse(text), "info") or records.first(records.parse(text), "boot")
    return (boot or {}).get("board", "board"), figures


def model_figures(out, source, elf):
    recs = records.parse(out)
    inference = records.runs(recs)
    if len(inference) < 2:
        raise RuntimeError(f"{source}: expected two inferences (commands 1, 2, 2), got "
                           f"{len(inference)}")
    if elf is None:
        return {"model": records.first(recs, "model"), "arena": records.first(recs, "arena"),
                "ops": records.every(recs, "op"), "runs": inference[:2],
                "result": records.first(recs, "result"), "size": {"flash": None, "bss": None},
                "libraries": {}}
    map_path = elf[:-4] + ".map"
    return {
        "model": records.first(recs, "model"),
        "arena": records.first(recs, "arena"),
        "ops": records.every(recs, "op"),
        "runs": inference[:2],
        "result": records.first(recs, "result"),
        "size": size_of(elf),
        "libraries": mapfile.bytes_per_library(map_path) if os.path.exists(map_path) else {},
    }


def measure_conformance(machine, elf, cases_dir):
    """Instructions of one Invoke and arena bytes for every conformance case the firmware passes."""
    results = {}
    for case in sorted(glob.glob(os.path.join(cases_dir, "*", "case.json"))):
        case_dir = os.path.dirname(case)
        done = subprocess.run([PYTHON, os.path.join(TOOLS, "conformance_fw.py"), "--machine", machine,
                               "--elf", elf, "--case", case_dir, "--timeout", "900"],
                              capture_output=True, text=True)
        m = re.search(r"@conformance (.*)$", done.stdout, re.MULTILINE)
        if done.returncode == 0 and m:
            fields = dict(records.FIELD_RE.findall(m.group(1)))
            with open(case) as f:
                fields["reference"] = json.load(f).get("reference", {})
            results[os.path.basename(case_dir)] = fields
    return results
