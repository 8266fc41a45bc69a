"""strata validate: the same inputs through the host runtime and through the device, compared.

The host side is strata-run (tools/strata-run), the runtime built for this computer: it runs a
.tflite file on raw input files and writes the raw outputs. The device side is the firmware over the
host link. Per output: the largest absolute difference of the real (dequantized) values and how often
the top class agrees; int8/uint8/int16 outputs must be identical, float32 outputs within --tolerance.
Outputs of one value have no top class and always agree. The last line is for tools:
  @validate outputs=K inputs=N max_abs_error=E top1_agreement=M/N
"""
import glob
import json
import math
import os
import random
import struct
import subprocess
import sys
import tempfile

from . import images, tensors

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED_TOOLS = os.path.join(ROOT, "build", "host-tools")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".pgm", ".ppm", ".gif")
INTEGER_TYPES = ("int8", "uint8", "int16")


def host_runtime(explicit):
    """strata-run: the one given, else the tools tree the cross builds share (built or brought up
    to date here: the first time takes a minute or two)."""
    if explicit:
        if not os.access(explicit, os.X_OK):
            raise SystemExit(f"strata: --strata-run {explicit} is not an executable")
        return explicit
    print(f"strata: host runtime: strata-run in {os.path.relpath(SHARED_TOOLS)} (built on first use)",
          file=sys.stderr, flush=True)
    script = os.path.join(ROOT, "cmake", "strata_host_planner.cmake")
    try:
        done = subprocess.run(["cmake", f"-DSTRATA_ROOT={ROOT}", f"-DHOST_TOOLS_DIR={SHARED_TOOLS}",
                               "-P", script], capture_output=True, text=True)
    except FileNotFoundError:
        raise SystemExit("strata: cmake not found (Debian package cmake; tools/setup installs it)")
    if done.returncode != 0:
        raise SystemExit(f"strata: building the host strata-run failed:\n{done.stdout}{done.stderr}")
    return os.path.join(SHARED_TOOLS, "tools", "strata-run", "strata-run")


def host_interface(strata_run, model, kernels):
    """The model's inputs and outputs as the host runtime sees them (strata-run --plan)."""
    done = subprocess.run([strata_run, "--plan", model, "--kernels", kernels],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"strata: the host runtime cannot run {model}: {done.stderr.strip()}")
    plan = json.loads(done.stdout)
    for t in plan["inputs"] + plan["outputs"]:
        t["type"] = t["type"].lower()
    return plan


def check_same_interface(info, plan, model):
    """The device must run a model with the same inputs and outputs as the file."""
    def describe(t):
        return f"{t['type']} {'x'.join(map(str, t['shape']))} scale {t['scale']:.6g} zp {t['zero_point']}"

    for kind in ("inputs", "outputs"):
        device, host = info[kind], plan[kind]
        problems = []
        if len(device) != len(host):
            problems.append(f"the device's model has {len(device)} {kind}, {model} has {len(host)}")
        for k, (d, h) in enumerate(zip(device, host)):
            same_scale = abs(d["scale"] - h["scale"]) <= 1e-6 * max(abs(h["scale"]), 1e-30)
            if d["type"] != h["type"] or list(d["shape"]) != list(h["shape"]) or not same_scale \
                    or d["zero_point"] != h["zero_point"]:
                problems.append(f"{kind[:-1]} {k}: device {describe(d)}, file {describe(h)}")
        if problems:
            raise SystemExit(f"strata: the device runs {info.get('model')}, whose interface is not "
                             f"that of {model}: " + "; ".join(problems))


def random_inputs(tensor_list, count, seed):
    """`count` sets of random inputs: integers over the type's full range, floats in [-1, 1]."""
    rng = random.Random(seed)
    sets = []
    for n in range(count):
        one = []
        for t in tensor_list:
            elements = tensors.element_count(t["shape"])
            if t["type"] in tensors.LIMITS:
                low, high = tensors.LIMITS[t["type"]]
                code = tensors.FORMATS[t["type"]][0]
                one.append(struct.pack(f"<{elements}{code}",
                                       *(rng.randint(low, high) for _ in range(elements))))
            elif t["type"] == "float32":
                one.append(struct.pack(f"<{elements}f", *(rng.uniform(-1, 1) for _ in range(elements))))
            else:
                raise SystemExit(f"strata: --random cannot fill a {t['type']} input: use --inputs")
        sets.append((f"random{n}", one))
    return sets


def _samples_json_inputs(folder, tensor):
    with open(os.path.join(folder, "samples.json")) as f:
        entries = json.load(f).get("samples", [])
    chosen = [e for e in entries if str(e.get("type", "")).lower() == tensor["type"]
              and list(e.get("shape", tensor["shape"])) == list(tensor["shape"])]
    if len(chosen) < len(entries):
        print(f"strata: {len(entries) - len(chosen)} entries of {folder}/samples.json are not "
              f"{tensor['type']} {'x'.join(map(str, tensor['shape']))}: skipped", file=sys.stderr)
    return [(e["file"], tensors.raw_input(os.path.join(folder, e["file"]), tensor)) for e in chosen]


def folder_inputs(folder, tensor_list, norm, invert):
    """The inputs of a folder: a samples.json folder's entries of the input's type; otherwise every
    picture (normalized with `norm`) and every file of exactly the input's size."""
    if not os.path.isdir(folder):
        raise SystemExit(f"strata: --inputs {folder} is not a folder")
    if len(tensor_list) != 1:
        raise SystemExit(f"strata: the model has {len(tensor_list)} inputs: --inputs takes a folder "
                         "for one-input models; use --random")
    tensor = tensor_list[0]
    if os.path.exists(os.path.join(folder, "samples.json")):
        found = _samples_json_inputs(folder, tensor)
    else:
        found = []
        for path in sorted(glob.glob(os.path.join(folder, "*"))):
            name = os.path.basename(path)
            if name.lower().endswith(IMAGE_SUFFIXES):
                found.append((name, images.image_input(path, tensor, norm, invert)))
            elif os.path.isfile(path) and os.path.getsize(path) == tensor["bytes"]:
                found.append((name, tensors.raw_input(path, tensor)))
            else:
                print(f"strata: {name} is neither a picture nor {tensor['bytes']} bytes: skipped",
                      file=sys.stderr)
    if not found:
        raise SystemExit(f"strata: no input for the model in {folder}")
    return [(name, [data]) for name, data in found]


def host_outputs(strata_run, model, kernels, inputs, num_outputs, work):
    """The model's outputs (bytes per output) for one set of inputs, run by the host runtime."""
    command = [strata_run, model, "--kernels", kernels, "--output-dir", work]
    for k, data in enumerate(inputs):
        path = os.path.join(work, f"input{k}.bin")
        with open(path, "wb") as f:
            f.write(data)
        command += ["--input", path]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"strata: the host runtime failed: {done.stderr.strip()}")
    outputs = []
    for k in range(num_outputs):
        with open(os.path.join(work, f"output{k}.bin"), "rb") as f:
            outputs.append(f.read())
    return outputs


def difference(device, host):
    """|device - host|, with a NaN on one side only counting as infinitely far."""
    if math.isnan(device) or math.isnan(host):
        return 0.0 if math.isnan(device) and math.isnan(host) else math.inf
    return 0.0 if device == host else abs(device - host)


def argmax(values):
    return max(range(len(values)), key=lambda i: values[i])


class Comparison:
    """Differences of one output over every input."""

    def __init__(self, tensor):
        self.tensor = tensor
        self.max_abs_error = 0.0
        self.max_steps = 0  # in quantization steps, integer outputs
        self.top1_agree = 0
        self.inputs = 0

    def add(self, device_bytes, host_bytes):
        device = tensors.decode(self.tensor, device_bytes)
        host = tensors.decode(self.tensor, host_bytes)
        self.inputs += 1
        self.max_abs_error = max([self.max_abs_error] + [difference(d, h) for d, h in zip(device, host)])
        if self.tensor["type"] in INTEGER_TYPES:
            raw = tensors.decode({"type": self.tensor["type"], "scale": 0}, device_bytes)
            ref = tensors.decode({"type": self.tensor["type"], "scale": 0}, host_bytes)
            self.max_steps = max([self.max_steps] + [int(abs(d - h)) for d, h in zip(raw, ref)])
        agree = len(device) < 2 or argmax(device) == argmax(host)
        self.top1_agree += int(agree)
        return agree

    def passed(self, tolerance):
        if self.tensor["type"] in INTEGER_TYPES:
            return self.max_steps == 0
        return self.max_abs_error <= tolerance


def validate(board, args, norm):
    """Runs the comparison; prints per output and the @validate line; returns the exit code."""
    info = board.info()
    strata_run = host_runtime(args.strata_run)
    plan = host_interface(strata_run, args.model, args.host_kernels)
    check_same_interface(info, plan, args.model)
    if args.inputs:
        sets = folder_inputs(args.inputs, info["inputs"], norm, args.invert)
    else:
        sets = random_inputs(info["inputs"], args.random, args.seed)
    comparisons = [Comparison(t) for t in info["outputs"]]
    all_agree = 0
    print(f"validate: {info['model']} ({info['kernels']} kernels) on {info['board']} against "
          f"{os.path.basename(args.model)} on this computer ({args.host_kernels} kernels), "
          f"{len(sets)} inputs", flush=True)
    with tempfile.TemporaryDirectory() as work:
        for name, inputs in sets:
            for k, data in enumerate(inputs):
                board.set_input(k, data)
            device = board.invoke()["outputs"]
            host = host_outputs(strata_run, args.model, args.host_kernels, inputs,
                                len(comparisons), work)
            agree = all([c.add(d, h) for c, d, h in zip(comparisons, device, host)])
            all_agree += int(agree)
            if args.verbose:
                print(f"  {name}: {'top class agrees' if agree else 'TOP CLASS DIFFERS'}")
    for k, c in enumerate(comparisons):
        t = c.tensor
        steps = f" ({c.max_steps} quantization steps)" if t["type"] in INTEGER_TYPES else ""
        rule = "must be identical" if t["type"] in INTEGER_TYPES else f"tolerance {args.tolerance:g}"
        top1 = (f"top-1 agreement {c.top1_agree}/{c.inputs}"
                if tensors.element_count(t["shape"]) > 1 else "one value, no top class")
        print(f"output {k} ({t['type']} {'x'.join(map(str, t['shape']))}): max abs error "
              f"{c.max_abs_error:.6g}{steps}, {top1}: {'ok' if c.passed(args.tolerance) else 'FAIL'}"
              f" ({rule})")
    worst = max(c.max_abs_error for c in comparisons) if comparisons else 0.0
    print(f"@validate outputs={len(comparisons)} inputs={len(sets)} max_abs_error={worst:.6g} "
          f"top1_agreement={all_agree}/{len(sets)}")
    return 0 if all(c.passed(args.tolerance) for c in comparisons) else 1
