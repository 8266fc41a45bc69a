#!/usr/bin/python3
"""Runs a command that must refuse: non-zero exit, no Python traceback, and output matching --regex.

Usage: expect_refusal.py --regex REGEX -- COMMAND [ARG...]
"""
import argparse
import re
import subprocess
import sys


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--regex", required=True)
    p.add_argument("command", nargs=argparse.REMAINDER)
    args = p.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    proc = subprocess.run(command, capture_output=True, text=True)
    output = proc.stdout + proc.stderr
    print(output)
    problems = []
    if proc.returncode == 0:
        problems.append("the command succeeded")
    if "Traceback" in output:
        problems.append("the command crashed instead of refusing with a message")
    if not re.search(args.regex, output):
        problems.append(f"no output matching {args.regex!r}")
    for problem in problems:
        print(f"expect_refusal: FAIL: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
