#!/usr/bin/python3
"""Runs every ```sh block of a Markdown file, as written, from the repository root: each command
must exit with status 0 (the documented commands end in checks of their own, e.g. `strata validate`
and the example consumer exit non-zero when results are wrong). Build folders the commands name
(`build/...`) are moved under --build-root so the test does not touch the user's trees.
  run_doc_commands.py --doc docs/models.md --build-root DIR
"""
import argparse
import os
import re
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def commands(markdown):
    """The commands of the ```sh blocks, with backslash-continued lines joined."""
    found = []
    for block in re.findall(r"^```sh\n(.*?)^```", markdown, re.M | re.S):
        found += [c.strip() for c in block.replace("\\\n", " ").splitlines() if c.strip()]
    return found


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--doc", required=True)
    p.add_argument("--build-root", required=True)
    args = p.parse_args()
    with open(os.path.join(ROOT, args.doc)) as f:
        found = commands(f.read())
    if not found:
        sys.exit(f"run_doc_commands: FAIL: {args.doc} has no ```sh block")
    os.makedirs(args.build_root, exist_ok=True)
    for command in found:
        run = re.sub(r"(?<![\w/.-])build/", args.build_root.rstrip("/") + "/", command)
        print(f"$ {command}\n  (runs as: {run})", flush=True)
        done = subprocess.run(["bash", "-c", run], cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
        print("\n".join(done.stdout.splitlines()[-15:]), flush=True)
        if done.returncode != 0:
            print(done.stdout[-6000:])
            sys.exit(f"run_doc_commands: FAIL: `{command}` ({args.doc}) exited with "
                     f"{done.returncode}")
    print(f"run_doc_commands: the {len(found)} commands of {args.doc} ran as documented")
    return 0


if __name__ == "__main__":
    sys.exit(main())
