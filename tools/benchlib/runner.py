"""Runs firmware images on the virtual boards and collects their records."""
import glob
import json
import os
import re
import subprocess
import sys

from . import cycles, mapfile, records

TOOLS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(TOOLS)
PYTHON = "/usr/bin/python3"


def build(preset, extra_args=()):
    subprocess.run(["cmake", "--preset", preset, *extra_args], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", "--preset", preset], cwd=ROOT, check=True)


def run_qemu(machine, elf, commands, timeout=900, plugin=None):
    """The console output of one run; `plugin` is a qemu_run.py --plugin value (the cycle model)."""
    cmd = [PYTHON, os.path.join(TOOLS, "qemu_run.py"), "--machine", machine, "--elf", elf,
           "--timeout", str(timeout), "--input", commands]
    if plugin:
        cmd += ["--plugin", plugin]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stdout[-3000:] + done.stderr)
        raise RuntimeError(f"{elf} failed under QEMU")
    return done.stdout


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


def measure_model(machine, elf, plugin=None):
    """The model view, two identical inferences (to show the count repeats) and sizes; with the
    cycle-model plugin also the estimated Cortex-M4 cycles of each layer (add_cycles)."""
    commands = "1\\n2\\n2\\nexit\\n"
    if plugin is None:
        return model_figures(run_qemu(machine, elf, commands), elf, elf)
    out, model_run = cycles.run_firmware(machine, elf, plugin, ["--input", commands])
    figures = model_figures(out, elf, elf)
    add_cycles(figures, model_run)
    return figures


def add_cycles(figures, model_run):
    """Puts the estimated cycles beside the instruction counts: per inference run["cycles"] = {layer
    index: cycles} and run["total_cycles"]; figures["unknown_instructions"] from the plugin."""
    for run, layers in zip(figures["runs"], cycles.layer_cycles(model_run, figures["runs"])):
        run["cycles"] = layers
        run["total_cycles"] = sum(layers.values())
    figures["unknown_instructions"] = model_run.total.get("unknown", 0)
    if figures["unknown_instructions"]:
        sys.stderr.write(f"bench: the cycle model met {figures['unknown_instructions']} instructions "
                         f"it cannot decode: {model_run.unknown[:5]}\n")


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
                "prepare": records.first(recs, "prepare"),
                "ops": records.every(recs, "op"), "runs": inference[:2],
                "result": records.first(recs, "result"), "size": {"flash": None, "bss": None},
                "libraries": {}}
    map_path = elf[:-4] + ".map"
    return {
        "model": records.first(recs, "model"),
        "arena": records.first(recs, "arena"),
        "prepare": records.first(recs, "prepare"),
        "ops": records.every(recs, "op"),
        "runs": inference[:2],
        "result": records.first(recs, "result"),
        "size": size_of(elf),
        "libraries": mapfile.bytes_per_library(map_path) if os.path.exists(map_path) else {},
    }


def measure_conformance(machine, elf, cases_dir, plugin=None):
    """Instructions of one Invoke and arena bytes for every conformance case the firmware passes;
    with the cycle-model plugin also the Invoke's estimated Cortex-M4 cycles (invoke_cycles)."""
    results = {}
    for case in sorted(glob.glob(os.path.join(cases_dir, "*", "case.json"))):
        case_dir = os.path.dirname(case)
        cmd = [PYTHON, os.path.join(TOOLS, "conformance_fw.py"), "--machine", machine, "--elf", elf,
               "--case", case_dir, "--timeout", "900"]
        if plugin:
            cmd += ["--cycle-model", plugin]
        done = subprocess.run(cmd, capture_output=True, text=True)
        m = re.search(r"@conformance (.*)$", done.stdout, re.MULTILINE)
        if done.returncode == 0 and m:
            fields = dict(records.FIELD_RE.findall(m.group(1)))
            with open(case) as f:
                fields["reference"] = json.load(f).get("reference", {})
            results[os.path.basename(case_dir)] = fields
    return results
