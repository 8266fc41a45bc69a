#!/usr/bin/python3
"""The generator (models/gen/strata_gen.py) on tensor names that are not printable UTF-8: a name
with bytes that are not UTF-8 and one with a line break each give generated code with U+FFFD in
their place, and a note that says so, instead of a Python traceback or a broken C string.

Usage: gen_names_test.py --strata-run <exe> --flatc <flatc> --work <dir>. Exit code 0 on success.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "bad_input"))
import make_inputs  # noqa: E402  (the bad-input table's model editor)

CASES = [  # (recipe, graph input or output, name the generated tables must show)
    ('sine_f32 | tensors[0].name = b"in\\xff\\xfeput"', "inputs", "in\ufffd\ufffdput"),
    ('sine_f32 | tensors[9].name = "out\\nput"', "outputs", "out\ufffdput"),
]


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--strata-run", required=True)
    p.add_argument("--flatc", default="flatc")
    p.add_argument("--work", required=True, help="folder for the generated schema modules")
    args = p.parse_args()
    schema = make_inputs.Schema(os.path.join(ROOT, "middleware", "schema", "tflite.fbs"),
                                args.flatc, args.work)
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        for k, (recipe, kind, shown) in enumerate(CASES):
            data, _ = make_inputs.make_model(recipe, schema, ROOT)
            model = os.path.join(tmp, f"names{k}.tflite")
            with open(model, "wb") as f:
                f.write(data)
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
            print(f"gen_names_test: {recipe}: {proc.stderr.strip().splitlines()[0]}")
    for failure in failures:
        print(f"gen_names_test: FAIL: {failure}", file=sys.stderr)
    print("gen_names_test: " + ("FAIL" if failures else "PASS"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
