"""The arena plan of a model, from the runtime's own planner (`strata-run --plan`), and the checks
of a model against the board's memory.

The figure the firmware reserves is what the host build of the middleware computes: the arena
layout has the same size on a 64-bit host and a 32-bit MCU by design, so nothing is guessed.
"""

import json
import subprocess

PLAN_KEYS = ("arena_bytes", "lower_bound", "persistent_bytes", "activation_bytes", "scratch_bytes",
             "inputs", "outputs", "ops", "macs", "kernels", "plan")


def run(strata_run, model_path, kernels):
    """Parsed JSON of `strata-run --plan MODEL --kernels B`; exits with its message on failure."""
    cmd = [strata_run, "--plan", model_path, "--kernels", kernels]
    # errors="replace": tensor names are bytes in the file and may not be UTF-8 (tflite_file.py
    # says so when it reads them); the planner prints them as they are.
    proc = subprocess.run(cmd, capture_output=True, text=True, errors="replace")
    if proc.returncode != 0:
        raise SystemExit(f"strata_gen: the runtime's planner rejected {model_path} "
                         f"({' '.join(cmd)}):\n{proc.stderr.strip() or proc.stdout.strip()}")
    lines = [ln for ln in proc.stdout.splitlines() if ln.strip().startswith("{")]
    if len(lines) != 1:
        raise SystemExit(f"strata_gen: expected one JSON line from {' '.join(cmd)}, got:\n"
                         f"{proc.stdout}")
    plan = json.loads(lines[0])
    missing = [k for k in PLAN_KEYS if k not in plan]
    if missing:
        raise SystemExit(f"strata_gen: strata-run --plan output lacks {', '.join(missing)}")
    return plan


def cross_check(plan, meta, op_names):
    """The runtime and the generator's own reading of the file must describe the same graph."""
    problems = []
    if plan["ops"] != op_names:
        problems.append(f"ops {plan['ops']} (runtime) vs {op_names} (file)")
    if len(plan["macs"]) != len(op_names):
        problems.append(f"{len(plan['macs'])} MAC figures for {len(op_names)} operators")
    if [k["op"] for k in plan["kernels"]] != op_names:
        problems.append(f"kernel choices for {[k['op'] for k in plan['kernels']]}")
    for kind in ("inputs", "outputs"):
        mine = getattr(meta, kind)
        theirs = plan[kind]
        if len(mine) != len(theirs):
            problems.append(f"{len(theirs)} {kind} (runtime) vs {len(mine)} (file)")
            continue
        for t, p in zip(mine, theirs):
            if p["type"] != t.type_name or list(p["shape"]) != t.shape:
                problems.append(f"{kind[:-1]} {t.name}: {p['type']}{p['shape']} (runtime) vs "
                                f"{t.type_name}{t.shape} (file)")
    if problems:
        raise SystemExit("strata_gen: strata-run --plan disagrees with the file: " + "; ".join(problems))


def check_fits(name, board, plan, model_bytes, arena_limit, flash_limit):
    """Fails the build when the model cannot fit the board's chosen memory regions."""
    problems = []
    if arena_limit and plan["arena_bytes"] > arena_limit:
        problems.append(f"arena needs {plan['arena_bytes']:,} bytes (lower bound "
                        f"{plan['lower_bound']:,}), the board's arena region holds "
                        f"{arena_limit:,} bytes (STRATA_BOARD_ARENA_BYTES)")
    if flash_limit and model_bytes > flash_limit:
        problems.append(f"the model is {model_bytes:,} bytes, the board's flash holds "
                        f"{flash_limit:,} bytes (STRATA_BOARD_FLASH_BYTES)")
    if problems:
        raise SystemExit(f"strata_gen: model {name} does not fit board {board or '?'}: "
                         + "; ".join(problems))
