#!/usr/bin/python3
"""strata-run on paths that are not a model file of reasonable size: each ends quickly with exit
code 1 and a message naming the cause (a directory, /dev/zero, an empty file, a missing file, the
same for --input), and --plan of a small model that declares a 1 GiB tensor prints its plan
without committing that memory.

Usage: strata_run_test.py --strata-run <exe> --flatc <flatc> --work <dir>. Exit code 0 on success.
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "bad_input"))
import make_inputs  # noqa: E402  (the bad-input table's model editor)

SINE = os.path.join(ROOT, "models", "sine", "sine_f32.tflite")
# One RELU from a graph input of 268,435,455 float32 (1 GiB) to the graph output: a 3 KB file whose
# plan needs a 1 GiB arena.
HUGE_RELU = ("sine_f32 | operator_codes[0].builtin_code = RELU"
             " | operator_codes[0].deprecated_builtin_code = RELU | resize operators 1"
             " | operators[0].inputs = [0] | operators[0].outputs = [9]"
             " | operators[0].builtin_options_type = 0 | operators[0].builtin_options = None"
             " | tensors[0].shape = [1, 268435455] | tensors[9].shape = [1, 268435455]")

failures = []


def run(args, *command):
    try:
        return subprocess.run([args.strata_run, *command], capture_output=True, text=True,
                              timeout=60)
    except subprocess.TimeoutExpired:
        return None


def expect_refusal(args, label, command, text):
    result = run(args, *command)
    if result is None:
        failures.append(f"{label}: no answer within 60 s")
    elif result.returncode != 1 or text not in result.stderr:
        failures.append(f"{label}: exit code {result.returncode}, stderr {result.stderr!r}, "
                        f"expected exit code 1 and '{text}'")
    else:
        print(f"strata_run_test: {label}: {result.stderr.strip()}")


def check_plan_of_huge_model(args, tmp):
    schema = make_inputs.Schema(os.path.join(ROOT, "middleware", "schema", "tflite.fbs"),
                                args.flatc, args.work)
    data, _ = make_inputs.make_model(HUGE_RELU, schema, ROOT)
    path = os.path.join(tmp, "huge_relu.tflite")
    with open(path, "wb") as f:
        f.write(data)
    result = run(args, "--plan", path)
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if result is None or result.returncode != 0:
        failures.append(f"--plan of a {len(data)}-byte model with a 1 GiB tensor failed: "
                        f"{result and result.stderr!r}")
        return
    plan = json.loads(result.stdout)
    if plan["arena_bytes"] < 1 << 30:
        failures.append(f"--plan reported an arena of {plan['arena_bytes']} bytes, expected 1 GiB")
    if peak_kb > 256 * 1024:
        failures.append(f"--plan used {peak_kb} KB of memory for a {plan['arena_bytes']}-byte plan")
    print(f"strata_run_test: --plan of a {len(data)}-byte model: arena {plan['arena_bytes']:,} "
          f"bytes, peak memory of the tool {peak_kb:,} KB")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--strata-run", required=True)
    p.add_argument("--flatc", default="flatc")
    p.add_argument("--work", required=True, help="folder for the generated schema modules")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        check_plan_of_huge_model(args, tmp)  # first: the peak memory of children is a running max
        empty = os.path.join(tmp, "empty.tflite")
        open(empty, "wb").close()
        missing = os.path.join(tmp, "missing.tflite")
        expect_refusal(args, "directory", [tmp], f"{tmp} is a directory, not a file")
        expect_refusal(args, "/dev/zero", ["/dev/zero"], "/dev/zero holds more than 67,108,864 bytes")
        expect_refusal(args, "empty file", [empty], f"{empty} is empty (0 bytes): not a model")
        expect_refusal(args, "missing file", [missing], f"cannot open {missing}: No such file")
        for label, path in (("--input /dev/zero", "/dev/zero"), ("--input directory", tmp)):
            text = ("holds more than 4 bytes" if path == "/dev/zero" else
                    "is a directory, not a file") + " (input 0, float32 [1,1], needs 4 bytes)"
            expect_refusal(args, label, [SINE, "--input", path, "--output-dir", tmp], text)
        expect_refusal(args, "--input empty", [SINE, "--input", empty, "--output-dir", tmp],
                       "empty.tflite holds 0 bytes, input 0 (float32 [1,1]) needs 4")
    for failure in failures:
        print(f"strata_run_test: FAIL: {failure}", file=sys.stderr)
    print("strata_run_test: " + ("FAIL" if failures else "PASS"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
