#!/usr/bin/python3
"""The host tools on files that are not what they should be: each ends fast with a clear message,
never with an abort, a hang, a traceback or broken generated code.

strata-run: a directory, /dev/zero, an empty or a missing file, as the model and as --input, each end
with exit code 1 and a message naming the cause; --plan of a 3 KB model that declares a 1 GiB tensor
prints its plan without committing that memory.
The generator (models/gen/strata_gen.py): a tensor name with bytes that are not UTF-8, and one with a
line break, each become U+FFFD in the generated tables, with a note that says so.

Usage: bad_files_test.py --strata-run <exe> --flatc <flatc> --work <dir>. Exit code 0 on success.
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
NAMES = [  # (recipe, graph inputs or outputs, the name the generated tables must show)
    ('sine_f32 | tensors[0].name = b"in\\xff\\xfeput"', "inputs", "in\ufffd\ufffdput"),
    ('sine_f32 | tensors[9].name = "out\\nput"', "outputs", "out\ufffdput"),
]

failures = []


def write_model(schema, recipe, path):
    data, _ = make_inputs.make_model(recipe, schema, ROOT)
    with open(path, "wb") as f:
        f.write(data)
    return len(data)


def strata_run(args, *command):
    try:
        return subprocess.run([args.strata_run, *command], capture_output=True, text=True,
                              timeout=60)
    except subprocess.TimeoutExpired:
        return None


def expect_refusal(args, label, command, text):
    result = strata_run(args, *command)
    if result is None:
        failures.append(f"{label}: no answer within 60 s")
    elif result.returncode != 1 or text not in result.stderr:
        failures.append(f"{label}: exit code {result.returncode}, stderr {result.stderr!r}, "
                        f"expected exit code 1 and '{text}'")
    else:
        print(f"bad_files_test: {label}: {result.stderr.strip()}")


def check_plan_of_huge_model(args, schema, tmp):
    path = os.path.join(tmp, "huge_relu.tflite")
    size = write_model(schema, HUGE_RELU, path)
    result = strata_run(args, "--plan", path)
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if result is None or result.returncode != 0:
        failures.append(f"--plan of a {size}-byte model with a 1 GiB tensor failed: "
                        f"{result and result.stderr!r}")
        return
    plan = json.loads(result.stdout)
    if plan["arena_bytes"] < 1 << 30:
        failures.append(f"--plan reported an arena of {plan['arena_bytes']} bytes, expected 1 GiB")
    if peak_kb > 256 * 1024:
        failures.append(f"--plan used {peak_kb} KB of memory for a {plan['arena_bytes']}-byte plan")
    print(f"bad_files_test: --plan of a {size}-byte model: arena {plan['arena_bytes']:,} bytes, "
          f"peak memory of the tool {peak_kb:,} KB")


def check_strata_run_paths(args, tmp):
    empty = os.path.join(tmp, "empty.tflite")
    open(empty, "wb").close()
    missing = os.path.join(tmp, "missing.tflite")
    expect_refusal(args, "directory", [tmp], f"{tmp} is a directory, not a file")
    expect_refusal(args, "/dev/zero", ["/dev/zero"], "/dev/zero holds more than 67,108,864 bytes")
    expect_refusal(args, "empty file", [empty], f"{empty} is empty (0 bytes): not a model")
    expect_refusal(args, "missing file", [missing], f"cannot open {missing}: No such file")
    needs = "(input 0, float32 [1,1], needs 4 bytes)"
    expect_refusal(args, "--input /dev/zero", [SINE, "--input", "/dev/zero", "--output-dir", tmp],
                   f"/dev/zero holds more than 4 bytes {needs}")
    expect_refusal(args, "--input directory", [SINE, "--input", tmp, "--output-dir", tmp],
                   f"is a directory, not a file {needs}")
    expect_refusal(args, "--input empty", [SINE, "--input", empty, "--output-dir", tmp],
                   "empty.tflite holds 0 bytes, input 0 (float32 [1,1]) needs 4")


def check_generator_names(args, schema, tmp):
    for k, (recipe, kind, shown) in enumerate(NAMES):
        model = os.path.join(tmp, f"names{k}.tflite")
        write_model(schema, recipe, model)
        out = os.path.join(tmp, f"out{k}")
        proc = subprocess.run(
            [sys.executable, os.path.join(ROOT, "models", "gen", "strata_gen.py"), "--model",
             model, "--name", f"names{k}", "--kernels", "reference", "--out-dir", out,
             "--strata-run", args.strata_run, "--flatc", args.flatc],
            capture_output=True, text=True, errors="replace")
        if proc.returncode != 0:
            failures.append(f"{recipe}: the generator failed:\n{proc.stderr}")
            continue
        if "is not printable UTF-8" not in proc.stderr:
            failures.append(f"{recipe}: no note about the name:\n{proc.stderr}")
        with open(os.path.join(out, "model_meta.json"), encoding="utf-8") as f:
            names = [t["name"] for t in json.load(f)[kind]]
        with open(os.path.join(out, "model_info.cpp"), encoding="utf-8") as f:
            code = f.read()
        if names != [shown] or f'{{"{shown}", ' not in code:
            failures.append(f"{recipe}: {kind} named {names} in model_meta.json, expected "
                            f"{[shown]} there and in model_info.cpp")
        print(f"bad_files_test: {recipe}: {proc.stderr.strip().splitlines()[0]}")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--strata-run", required=True)
    p.add_argument("--flatc", default="flatc")
    p.add_argument("--work", required=True, help="folder for the generated schema modules")
    args = p.parse_args()
    schema = make_inputs.Schema(os.path.join(ROOT, "middleware", "schema", "tflite.fbs"),
                                args.flatc, args.work)
    with tempfile.TemporaryDirectory() as tmp:
        check_plan_of_huge_model(args, schema, tmp)  # first: children's peak memory is a running max
        check_strata_run_paths(args, tmp)
        check_generator_names(args, schema, tmp)
    for failure in failures:
        print(f"bad_files_test: FAIL: {failure}", file=sys.stderr)
    print("bad_files_test: " + ("FAIL" if failures else "PASS"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
