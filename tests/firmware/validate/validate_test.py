#!/usr/bin/python3
"""`tools/strata --qemu ELF validate` against the firmware's own model and against others:

  1. its own .tflite, on the samples of its folder and on random inputs: exit status 0, and a last
     line `@validate ... max_abs_error=0 top1_agreement=N/N` (int8; float: within the tolerance);
  2. another model with the same interface (a copy of its model with the 4-byte words of its largest
     weight buffer in reverse order): exit status 1, the @validate line still printed;
  3. a model of another interface (--wrong): refused, naming the difference.
Exit status 0 when every expectation holds.
  validate_test.py --elf ELF --model M.tflite --samples DIR --wrong M2.tflite --strata-run PATH
                   [--machine mps2-an500]
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
CLIENT = os.path.join(ROOT, "tools", "strata")
LINE = re.compile(r"^@validate outputs=(\d+) inputs=(\d+) max_abs_error=(\S+) "
                  r"top1_agreement=(\d+)/(\d+)$")


def fail(message):
    sys.exit(f"validate_test: FAIL: {message}")


def validate(args, model, *options):
    cmd = [sys.executable, CLIENT, "--qemu", args.elf, "--machine", args.machine, "validate",
           "--model", model, "--strata-run", args.strata_run, *options]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    print(f"$ strata validate --model {os.path.basename(model)} {' '.join(options)} -> "
          f"{done.returncode}\n{done.stdout}{done.stderr}")
    lines = done.stdout.strip().splitlines()
    match = LINE.match(lines[-1]) if lines else None
    return done.returncode, match, done.stdout + done.stderr


def perturbed_copy(model, folder):
    """The model with the 4-byte words of its largest buffer (weights) in reverse order: other
    weights of the same type, float32 ones stay finite."""
    sys.path.insert(0, os.path.join(ROOT, "models", "train"))
    import fbs_codegen
    data = bytearray(open(model, "rb").read())
    root = fbs_codegen.load().cls("Model").GetRootAs(data, 0)
    buffers = [root.Buffers(i) for i in range(root.BuffersLength())]
    largest = max(buffers, key=lambda b: b.DataLength())
    start = largest._tab.Vector(largest._tab.Offset(4))  # where the data vector's bytes begin
    words = [data[k:k + 4] for k in range(start, start + largest.DataLength() // 4 * 4, 4)]
    data[start:start + 4 * len(words)] = b"".join(reversed(words))
    path = os.path.join(folder, "perturbed_" + os.path.basename(model))
    with open(path, "wb") as f:
        f.write(data)
    return path


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--elf", required=True)
    p.add_argument("--model", required=True)
    p.add_argument("--samples", required=True)
    p.add_argument("--wrong", required=True, help="a model with another interface")
    p.add_argument("--strata-run", required=True)
    p.add_argument("--machine", default="mps2-an500")
    args = p.parse_args()

    code, line, _ = validate(args, args.model, "--inputs", args.samples)
    if code != 0 or not line:
        fail("validating the firmware against its own model did not pass with an @validate line")
    outputs, inputs, error, agree, total = line.groups()
    if int(inputs) == 0 or agree != total or inputs != total:
        fail(f"own model: top-1 agreement {agree}/{total} over {inputs} inputs")
    code, line, _ = validate(args, args.model, "--random", "3")
    if code != 0 or not line or line.group(2) != "3":
        fail("own model on 3 random inputs did not pass")

    with tempfile.TemporaryDirectory() as tmp:
        other = perturbed_copy(args.model, tmp)
        code, line, _ = validate(args, other, "--inputs", args.samples)
    if code != 1 or not line:
        fail(f"validating against {os.path.basename(other)} gave exit status {code} "
             f"(expected 1, with an @validate line)")
    if float(line.group(3)) == 0:
        fail("another model gave max_abs_error=0")

    code, line, output = validate(args, args.wrong, "--random", "1")
    if code == 0 or line or "interface is not that of" not in output:
        fail("a model of another interface was not refused with a message")
    print("validate_test: own model passes, another model fails, another interface is refused")
    return 0


if __name__ == "__main__":
    sys.exit(main())
