#!/usr/bin/python3
"""Checks that the repository stands on its own: no file names a path outside it.

A clone must build and test with nothing beside it, so every tracked text file is searched for
  - a relative path that climbs out of the repository: `../x` resolved from the file's own folder,
    or any climb from the repository root itself (CMake's STRATA_ROOT or a preset's sourceDir
    followed by `/..`, or a Python path joining ROOT and "..");
  - an absolute path of some machine, e.g. a home or work folder. System paths every Debian machine
    has are allowed by one rule: the first folder is one of SYSTEM_ROOTS (/usr/bin/python3,
    /dev/ttyACM0, /tmp/...). A placeholder such as /path/to/my-layer is allowed too.
Each finding prints `file:line: <what> (<path>)`; the exit code is 1 when there is any.
Files: `git ls-files` in a git checkout, else every file under the root outside build folders.
"""
import argparse
import os
import re
import subprocess
import sys

SYSTEM_ROOTS = {"usr", "bin", "sbin", "lib", "dev", "etc", "tmp", "var", "proc", "sys"}
PLACEHOLDER_ROOTS = {"path"}  # /path/to/...: documentation placeholders, never a real folder
BINARY_EXT = (".tflite", ".bin", ".png", ".jpg", ".h5", ".npz", ".npy", ".a", ".o", ".elf")

# An absolute path: a slash that does not continue a word, URL, variable or placeholder (`<build>/x`,
# `"$dir"/x`), then two folder names.
ABSOLUTE_RE = re.compile(r"(?<![\w.~$}/\\>-])(?<![\w$]\")/([A-Za-z][\w.+-]*)/[\w.+-]")
# A relative path climbing one or more folders, with what follows it; on its own or after CMake's
# variable for the file's folder.
RELATIVE_RE = re.compile(
    r"(?:(?<![\w.~}/-])|(?<=\$\{CMAKE_CURRENT_SOURCE_DIR\}/)|(?<=\$\{CMAKE_CURRENT_LIST_DIR\}/))"
    r"((?:\.\./)+)([\w.+-]*)")
# The same climb written from the repository root.
ROOT_CLIMB_RE = re.compile(r"\$\{(?:STRATA_ROOT|sourceDir)\}/\.\.(?![\w.])|ROOT\s*,\s*[\"']\.\.[\"']")


def tracked_files(root):
    if os.path.isdir(os.path.join(root, ".git")) or os.path.isfile(os.path.join(root, ".git")):
        out = subprocess.run(["git", "-C", root, "ls-files", "-z"], check=True,
                             capture_output=True).stdout.decode()
        return [f for f in out.split("\0") if f]
    files = []
    for dirpath, dirnames, names in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != ".git" and not d.startswith("build"))
        files += [os.path.relpath(os.path.join(dirpath, n), root) for n in sorted(names)]
    return files


def read_text(path):
    if path.endswith(BINARY_EXT):
        return None
    with open(path, "rb") as f:
        data = f.read()
    if b"\0" in data[:8192]:
        return None
    return data.decode("utf-8", errors="replace")


def findings_in_line(root, rel, line):
    found = []
    for m in ABSOLUTE_RE.finditer(line):
        first = m.group(1)
        if first not in SYSTEM_ROOTS and first not in PLACEHOLDER_ROOTS:
            found.append(("absolute path of a machine", line[m.start():].split()[0]))
    for m in RELATIVE_RE.finditer(line):
        here = os.path.dirname(os.path.join(root, rel))
        target = os.path.normpath(os.path.join(here, m.group(1) + m.group(2)))
        if os.path.relpath(target, root).startswith(".."):
            found.append(("relative path leaving the repository", m.group(0)))
    for m in ROOT_CLIMB_RE.finditer(line):
        found.append(("path above the repository root", m.group(0)))
    return found


def check(root):
    findings = []
    for rel in tracked_files(root):
        path = os.path.join(root, rel)
        if not os.path.isfile(path):
            continue  # deleted but still in the index
        text = read_text(path)
        if text is None:
            continue
        for lineno, line in enumerate(text.splitlines(), 1):
            for what, token in findings_in_line(root, rel, line):
                findings.append(f"{rel}:{lineno}: {what} ({token})")
    return findings


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", help="the repository root")
    args = parser.parse_args()
    root = os.path.realpath(args.root)
    findings = check(root)
    for f in findings:
        print(f)
    print(f"repository paths: {len(findings)} outside the repository")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
