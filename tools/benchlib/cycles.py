"""Estimated Cortex-M4 cycles from the cycle-model QEMU plugin (tools/cycle_model, docs/cycle-model.md).

The plugin writes a checkpoint (instructions and estimated cycles executed so far) at every load from
the timer the firmware's counter reads. The firmware measures a layer or an Invoke as the difference of
two counter readings, exact in instructions; the same two readings are two consecutive checkpoints
whose instruction difference is that count. Pairing by that equality makes the cycles exact too, and a
reading that does not pair is an error, never a guess.
"""
import glob
import os
import subprocess
import sys
import tempfile

from . import records

PLUGIN_NAME = "libstrata-cycle-model.so"
QEMU_RUN = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "qemu_run.py")


def find_plugin(build_dir):
    """The plugin a firmware tree built (tools/cycle_model/plugin.cmake), or None."""
    found = glob.glob(os.path.join(build_dir, "tools", "cycle_model", PLUGIN_NAME))
    return found[0] if found else None


def plugin_argument(plugin, out_path):
    """The value of qemu_run.py --plugin (QEMU's -plugin) that loads `plugin` writing to out_path."""
    if "," in out_path:
        raise ValueError(f"cycle model output path must not contain ',': {out_path}")
    return f"{plugin},out={out_path}"


class Run:
    """One plugin output: the checkpoints, the totals and the encodings it could not decode."""

    def __init__(self, text):
        self.insns, self.cycles = [], []
        self.total, self.unknown = {}, []
        for line in text.splitlines():
            word, _, rest = line.partition(" ")
            if word == "read":
                i, c = (int(v) for v in rest.split())
                self.insns.append(i)
                self.cycles.append(c)
            elif word == "step":
                count, di, dc = (int(v) for v in rest.split())
                i, c = self.insns[-1], self.cycles[-1]
                for k in range(1, count + 1):
                    self.insns.append(i + k * di)
                    self.cycles.append(c + k * dc)
            elif word == "total":
                self.total = {k: int(v) for k, v in records.FIELD_RE.findall(rest)}
            elif word == "unknown":
                self.unknown.append(dict(records.FIELD_RE.findall(rest)))
        if not self.total:
            raise RuntimeError("cycle model output has no totals (QEMU did not exit normally?)")

    def deltas(self):
        return [b - a for a, b in zip(self.insns, self.insns[1:])]

    def interval(self, k):
        """(instructions, cycles) between checkpoints k and k + 1."""
        return self.insns[k + 1] - self.insns[k], self.cycles[k + 1] - self.cycles[k]


def read(path):
    try:
        with open(path) as f:
            return Run(f.read())
    except OSError as e:
        raise RuntimeError(f"cycle model output {path} missing: {e}") from e


def run_firmware(machine, elf, plugin, qemu_run_args=(), timeout=900):
    """Runs a firmware under QEMU (tools/qemu_run.py with `qemu_run_args`) with the cycle model;
    returns its console output and the plugin's Run. A failed run raises with the end of its output."""
    with tempfile.TemporaryDirectory(prefix="strata-cycles-") as work:
        out = os.path.join(work, "cycles.txt")
        done = subprocess.run([sys.executable, QEMU_RUN, "--machine", machine, "--elf", elf,
                               "--timeout", str(timeout), *qemu_run_args,
                               "--plugin", plugin_argument(plugin, out)], capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"{elf} failed under QEMU:\n{done.stdout[-3000:]}{done.stderr}")
        return done.stdout, read(out)


def layer_cycles(run, inferences):
    """Estimated cycles of every measured layer of every inference (records.runs order): for each
    inference {layer index: cycles}. The profiled Invoke reads the counter before and after each layer
    that runs, nothing in between, so its 2N readings are consecutive checkpoints."""
    deltas = run.deltas()
    start, result = 0, []
    for number, inference in enumerate(inferences):
        measured = [(int(l["index"]), int(l["count"])) for l in inference["layers"] if l.get("ran") == "1"]
        if not measured:
            result.append({})
            continue
        first = measured[0][1]
        match = None
        for k in range(start, len(deltas) - 2 * (len(measured) - 1)):
            if deltas[k] == first and all(deltas[k + 2 * j] == count
                                          for j, (_, count) in enumerate(measured)):
                match = k
                break
        if match is None:
            raise RuntimeError(f"inference {number + 1}: no run of timer checkpoints matches its "
                               f"{len(measured)} layer counts (is this the board the plugin watches?)")
        result.append({index: run.interval(match + 2 * j)[1] for j, (index, _) in enumerate(measured)})
        start = match + 2 * len(measured)
    return result


def interval_cycles(run, instructions):
    """Estimated cycles of the last interval between consecutive checkpoints that took exactly
    `instructions` instructions (a measurement the firmware printed)."""
    target = int(instructions)
    for k in range(len(run.insns) - 2, -1, -1):
        if run.insns[k + 1] - run.insns[k] == target:
            return run.cycles[k + 1] - run.cycles[k]
    raise RuntimeError(f"no pair of timer checkpoints is {target} instructions apart")
