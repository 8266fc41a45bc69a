#!/usr/bin/python3
"""Runs the model rows of the bad-input table that are marked fw=yes on a virtual board.

Reads manifest.tsv (written by make_inputs.py), copies those rows' model files into a temporary
folder with `bad_input.lst` (one `<id> <file> <arena>` line per case, then every good model again as
`<id>_again`), runs the bad-model runner firmware there under QEMU (it reads the files over
semihosting) and compares each `@bad_input` line it prints with the row's status and message.
Passes only when every case answered as its row says, the good models still run after all the bad
ones, and the firmware finished its run.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
QEMU_RUN = os.path.join(HERE, "..", "..", "tools", "qemu_run.py")
LINE = re.compile(r'^@bad_input id=(\S+) status="([^"]*)" message="(.*)"\r?$', re.MULTILINE)


def read_manifest(path):
    keys = ("id", "kind", "file", "arena", "status", "message", "fw")
    with open(path, encoding="utf-8") as f:
        return [dict(zip(keys, line.rstrip("\n").split("\t"))) for line in f if line.strip()]


def message_pattern(expected):
    """The row's message as a regex: literal text, <n> a number with optional thousands commas."""
    return r"[0-9]+(?:,[0-9]+)*".join(re.escape(part) for part in expected.split("<n>"))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--manifest", required=True)
    p.add_argument("--machine", required=True)
    p.add_argument("--elf", required=True)
    p.add_argument("--timeout", type=float, default=120)
    args = p.parse_args()
    rows = [r for r in read_manifest(args.manifest) if r["kind"] == "model" and r["fw"] == "yes"]
    cases = rows + [dict(r, id=r["id"] + "_again") for r in rows if r["status"] == "ok"]
    with tempfile.TemporaryDirectory(prefix="strata-bad-input-") as work:
        for r in rows:
            shutil.copy(os.path.join(os.path.dirname(args.manifest), r["file"]), work)
        with open(os.path.join(work, "bad_input.lst"), "w") as f:
            f.writelines(f"{c['id']} {c['file']} {c['arena']}\n" for c in cases)
        run = subprocess.run([sys.executable, QEMU_RUN, "--machine", args.machine, "--elf",
                              os.path.abspath(args.elf), "--timeout", str(args.timeout), "--markers",
                              "--cwd", work], capture_output=True, text=True)
    got = {m.group(1): (m.group(2), m.group(3)) for m in LINE.finditer(run.stdout)}
    failures = 0 if run.returncode == 0 else 1
    if run.returncode != 0:
        print(f"firmware run failed: {run.stderr.strip()}")
    for c in cases:
        status, message = got.get(c["id"], ("(no answer)", ""))
        ok = status == c["status"] and re.search(message_pattern(c["message"]), message)
        failures += 0 if ok else 1
        print(f"{c['id']}: {'pass' if ok else 'FAIL'}: {status}: {message}"
              + ("" if ok else f"\n  expected {c['status']}: {c['message']}"))
    print(f"bad_input on {args.machine}: {len(cases)} cases, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
