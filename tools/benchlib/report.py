"""Writes BENCHMARKS.md from the measurements (see tools/bench)."""
import os

# TensorFlow Lite Micro on the same virtual board (QEMU mps2-an500, arm-none-eabi-gcc 12.2, TFLM's -O2,
# instructions of one Invoke), as given in the project's issue 5: reference kernels, CMSIS-NN, MACs.
TFLM_M7 = {
    "kws01_int8": (2656768, 197612782, 7643792),
    "ic01_int8": (12501632, 822642898, 30018237),
    "person_detect_int8": (7157888, 526325159, 22717573),
    "micro_speech_int8": (336000, 21830345, 1489647),
    "ad01_int8": (264192, 1965714, 583623),
    "hello_world_int8": (288, 5674, 3684),
    "mnist_fp32": (2794240, 41416632, 41416632),
    "ic01_fp32": (12501632, 154608711, 154608711),
}
# TFLM arena bytes on the Cortex-M7 virtual board (32-bit pointers), as given in issue 3.
TFLM_ARENA_M7 = {"hello_world_int8": 676, "ad01_int8": 2260, "micro_speech_int8": 6788, "kws01_int8": 22772,
                 "ic01_int8": 54340, "person_detect_int8": 82292, "mnist_fp32": 110752}
# TFLM + CMSIS-NN arena bytes on the Cortex-M7 virtual board, as given in issue 18: the figure the
# optimized backend is compared with (CMSIS-NN's kernels add their own buffers to TFLM's arena).
TFLM_CMSIS_ARENA_M7 = {"hello_world_int8": 772, "ad01_int8": 2580, "micro_speech_int8": 6836, "kws01_int8": 22820,
                       "ic01_int8": 54996, "person_detect_int8": 82308}
CASE_FOR = {
    "kws01_int8": "kws01_int8_sample0", "ic01_int8": "ic01_int8_sample0",
    "person_detect_int8": "person_detect_int8_person", "micro_speech_int8": "micro_speech_int8_yes_1000ms",
    "ad01_int8": "ad01_int8_window0", "hello_world_int8": "hello_world_int8_q0",
    "mnist_fp32": "mnist_fp32_digit2", "ic01_fp32": "ic01_fp32_sample0",
}


def n(value):
    return "–" if value is None else f"{int(value):,}"


def per_mac(count, macs):
    return f"{int(count) / int(macs):.2f}" if int(macs) else "–"


def mnist_summary(results):
    lines = ["| board | model | kernels | count | MACs | per MAC | vs reference | arena used | "
             "lower bound | runtime+kernels flash | firmware flash | RAM (bss) |",
             "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for board, models in results.items():
        for (model, kernels), r in sorted(models.items()):
            total = r["runs"][0]["total"]
            ref = models.get((model, "reference"))
            speedup = (f"{int(ref['runs'][0]['total']['count']) / int(total['count']):.2f}×"
                       if ref and kernels != "reference" else "1.00×")
            libs = r["libraries"]
            runtime = sum(v for k, v in libs.items() if k.startswith(("strata_runtime", "strata_base",
                                                                      "strata_kernels")))
            lines.append(f"| {board} | {model} | {kernels} | {n(total['count'])} | {n(total['macs'])} | "
                         f"{per_mac(total['count'], total['macs'])} | {speedup} | {n(r['arena']['used'])} | "
                         f"{n(r['arena']['lower_bound'])} | {n(runtime if libs else None)} | {n(r['size']['flash'])} | "
                         f"{n(r['size']['bss'])} |")
    return lines


def has_cycles(models):
    return any("total_cycles" in r["runs"][0] for r in models.values())


def cpi(cycles, instructions):
    return f"{int(cycles) / int(instructions):.2f}" if int(instructions) else "–"


def undecoded_note(entries):
    """A line naming the runs in which the cycle model met instructions it cannot decode, if any."""
    if not entries:
        return []
    return ["Instructions the cycle model could not decode (charged 1 cycle each): " + "; ".join(entries), ""]


def m4_cycles(results):
    """Estimated Cortex-M4 cycles of one Invoke beside its instructions (boards run with the plugin)."""
    lines = ["| board | model | kernels | instructions | est. M4 cycles | cycles / MAC | cycles / instruction | "
             "vs reference (cycles) | second run (cycles) |",
             "|---|---|---|---:|---:|---:|---:|---:|---:|"]
    for board, models in results.items():
        if not has_cycles(models):
            continue
        for (model, kernels), r in sorted(models.items()):
            run, total = r["runs"][0], r["runs"][0]["total"]
            ref = models.get((model, "reference"))
            speedup = (f"{ref['runs'][0]['total_cycles'] / run['total_cycles']:.2f}×"
                       if ref and kernels != "reference" else "1.00×")
            lines.append(f"| {board} | {model} | {kernels} | {n(total['count'])} | {n(run['total_cycles'])} | "
                         f"{per_mac(run['total_cycles'], total['macs'])} | "
                         f"{cpi(run['total_cycles'], total['count'])} | {speedup} | "
                         f"{n(r['runs'][1].get('total_cycles'))} |")
    return lines


def repeatability(results):
    lines = ["| board | model | kernels | first run | second run |", "|---|---|---|---:|---:|"]
    for board, models in results.items():
        for (model, kernels), r in sorted(models.items()):
            a, b = (run["total"]["count"] for run in r["runs"])
            lines.append(f"| {board} | {model} | {kernels} | {n(a)} | {n(b)} |")
    return lines


def per_layer(board, model, models):
    backends = sorted(k for (m, k) in models if m == model)
    with_cycles = has_cycles(models)
    columns = ("instr", "/MAC", "est. cycles", "cycles/MAC") if with_cycles else ("instr", "/MAC")
    header = "| # | op | MACs | " + " | ".join(f"{k} {c}" for k in backends for c in columns) + " |"
    lines = [f"### {model} on {board}", "", header, "|---|---|---:|" + "---:|" * len(columns) * len(backends)]
    ops = models[(model, backends[0])]["ops"]
    for i, op in enumerate(ops):
        cells = []
        for k in backends:
            run = models[(model, k)]["runs"][0]
            count = next((l["count"] for l in run["layers"] if int(l["index"]) == i), "0")
            cells += [n(count), per_mac(count, op.get("macs", 0))]
            if with_cycles:
                cycles = run["cycles"].get(i, 0)
                cells += [n(cycles), per_mac(cycles, op.get("macs", 0))]
        lines.append(f"| {i} | {op['op']} | {n(op.get('macs', 0))} | " + " | ".join(cells) + " |")
    return lines + [""]


def conformance(conf):
    """Instructions per backend next to TFLM's, and the arena per backend next to TFLM's figure for the
    same backend: Strata reference vs TFLM reference, Strata optimized vs TFLM + CMSIS-NN."""
    lines = ["| model (case) | MACs | TFLM reference | TFLM + CMSIS-NN | Strata reference | Strata optimized | "
             "optimized /MAC | Strata arena reference | TFLM arena | Strata arena optimized | "
             "TFLM+CMSIS-NN arena |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, (macs, tflm_ref, cmsis) in TFLM_M7.items():
        case = CASE_FOR[name]
        ref = conf.get("reference", {}).get(case)
        opt = conf.get("optimized", {}).get(case)
        lines.append(f"| {name} ({case}) | {n(macs)} | {n(tflm_ref)} | {n(cmsis)} | "
                     f"{n(ref['invoke_instructions']) if ref else '–'} | "
                     f"{n(opt['invoke_instructions']) if opt else '–'} | "
                     f"{per_mac(opt['invoke_instructions'], macs) if opt else '–'} | "
                     f"{n((ref or {}).get('arena_bytes'))} | {n(TFLM_ARENA_M7.get(name))} | "
                     f"{n((opt or {}).get('arena_bytes'))} | {n(TFLM_CMSIS_ARENA_M7.get(name))} |")
    return lines


def prepare_counts(results, conf):
    """Prepare at startup: the firmware checks its build-time plan; a model without one (a host tool
    reading a file) searches a placement, which the conformance runner also measures."""
    lines = ["| board | model | kernels | Prepare (plan checked) | Prepare (plan searched) |",
             "|---|---|---|---:|---:|"]
    for board, models in results.items():
        for (model, kernels), r in sorted(models.items()):
            count = (r.get("prepare") or {}).get("count")
            lines.append(f"| {board} | {model} | {kernels} | {n(count)} | – |")
    for kernels, cases in sorted(conf.items()):
        for name, case in CASE_FOR.items():
            fields = cases.get(case)
            if fields and "prepare_instructions" in fields:
                lines.append(f"| mps2-an500 | {name} ({case}) | {kernels} | "
                             f"{n(fields['prepare_instructions'])} | "
                             f"{n(fields.get('search_prepare_instructions'))} |")
    return lines


def conformance_m4(conf):
    """Instructions and estimated Cortex-M4 cycles of one Invoke on the Cortex-M4 virtual board."""
    lines = ["| model (case) | MACs | reference instr | reference est. cycles | optimized instr | "
             "optimized est. cycles | optimized cycles/MAC | optimized cycles/instruction |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name, (macs, _, _) in TFLM_M7.items():
        case = CASE_FOR[name]
        ref = conf.get("reference", {}).get(case) or {}
        opt = conf.get("optimized", {}).get(case) or {}
        lines.append(f"| {name} ({case}) | {n(macs)} | {n(ref.get('invoke_instructions'))} | "
                     f"{n(ref.get('invoke_cycles'))} | {n(opt.get('invoke_instructions'))} | "
                     f"{n(opt.get('invoke_cycles'))} | "
                     f"{per_mac(opt['invoke_cycles'], macs) if opt.get('invoke_cycles') else '–'} | "
                     f"{cpi(opt['invoke_cycles'], opt['invoke_instructions']) if opt.get('invoke_cycles') else '–'} |")
    return lines


def write(path, results, conf, charts, command, conf_m4=None):
    out = ["# Benchmarks", "",
           f"Generated by `{command}`; do not edit by hand. Virtual boards: QEMU 7.2 `mps2-an500` "
           "(Cortex-M7, `-mcpu=cortex-m7 -mfpu=fpv5-sp-d16 -mfloat-abi=hard`) and `mps2-an386` "
           "(Cortex-M4, `-mfpu=fpv4-sp-d16`), arm-none-eabi-gcc 12.2. Optimisation per part: `-O2` for what "
           "runs inside Invoke (the interpreter's `interpreter.cpp`, every kernel op file, the kernels' shared "
           "arithmetic), the app and the bsp; `-Os` for what runs once at startup (the runtime's model checks, "
           "planner and prepare, its status/format/name tables, the kernels' shared prepare and parameter "
           "code); `tools/size_report.py` prints the levels it finds in each firmware's debug info. Counts are **executed instructions** "
           "of one Invoke (QEMU `-icount shift=6,sleep=off` with the CMSDK timer), not cycles. On `mps2-an386` "
           "the runs also give **estimated Cortex-M4 cycles**: every executed instruction charged its cost from "
           "the Cortex-M4 TRM's timing tables, zero-wait-state memory ([docs/cycle-model.md](docs/cycle-model.md)). "
           "Boards marked *captured* come from console logs of real boards (`tools/bench --captured`): core clock "
           "cycles (DWT).", "",
           "## MNIST (the project's models)", ""]
    out += mnist_summary(results) + ["", "Repeatability: the same inference twice in one run (the counter "
                                     "converts timer ticks to instructions exactly).", ""]
    out += repeatability(results) + [""]
    out += ["## Prepare at startup", "",
            "Instructions of Interpreter::Prepare on the virtual boards: what a firmware runs at boot "
            "(the build-time plan checked against the model), and for the conformance models also "
            "what a model without a plan costs (the placement searched on the device).", ""]
    out += prepare_counts(results, conf) + [""]
    if any(has_cycles(models) for models in results.values()):
        out += ["## Estimated Cortex-M4 cycles (MNIST and sine)", "",
                "One Invoke on the Cortex-M4 virtual board, its instructions charged by the cycle model; the "
                "second inference of the same run gives the same estimate.", ""]
        out += m4_cycles(results) + [""]
        out += undecoded_note([f"{board} {m} {k}: {r['unknown_instructions']}"
                               for board, models in results.items() for (m, k), r in sorted(models.items())
                               if r.get("unknown_instructions")])
    if conf:
        out += ["## Conformance models on the Cortex-M7 virtual board", "",
                "TFLM figures: TensorFlow Lite Micro on the same virtual board and flags (instructions: issue 5; "
                "arena with 32-bit pointers: issue 3; arena with CMSIS-NN: issue 18). Each Strata arena is the "
                "one its firmware reserves with that backend's kernels (build-time plan), next to TFLM's for "
                "the same kind of kernels: reference vs TFLM reference, optimized vs TFLM + CMSIS-NN.", ""]
        out += conformance(conf) + [""]
    if conf_m4:
        out += ["## Conformance models on the Cortex-M4 virtual board (estimated cycles)", "",
                "Instructions and estimated Cortex-M4 cycles of one Invoke (`mps2-an386`, cycle model).", ""]
        out += conformance_m4(conf_m4) + [""]
        out += undecoded_note([f"{case} ({k}): {fields['undecoded']}" for k, cases in sorted(conf_m4.items())
                               for case, fields in sorted(cases.items()) if fields.get("undecoded")])
    out += ["## Charts", ""] + [f"![{title}]({rel})" for title, rel in charts] + [""]
    analysis = os.path.join(os.path.dirname(path), "docs", "benchmarks-analysis.md")
    if os.path.exists(analysis):
        with open(analysis) as f:
            out += [f.read().strip(), ""]
    out += ["## Per layer", ""]
    for board, models in results.items():
        for model in sorted({m for m, _ in models}):
            out += per_layer(board, model, models)
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")
