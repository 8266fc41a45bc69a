#!/usr/bin/python3
"""Fails when some parts of a firmware take more flash than a budget: the parts as tools/size_report.py
splits the ELF's map file (runtime, kernels, model, bsp, app, libc/libgcc). Prints every part either way,
so a failing run shows what grew."""
import argparse
import os
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import size_report  # noqa: E402


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--elf", required=True, help="the firmware ELF (its .map file lies next to it)")
    p.add_argument("--parts", required=True, help="comma-separated parts to add up, e.g. runtime,kernels")
    p.add_argument("--limit", required=True, type=int, help="the budget in bytes (inclusive)")
    args = p.parse_args()
    map_path = os.path.splitext(args.elf)[0] + ".map"
    if not os.path.exists(map_path):
        sys.exit(f"check_flash_budget: no map file {map_path} next to the ELF (the firmware links "
                 "with -Map; see cmake/StrataFirmware.cmake)")
    executable = os.path.splitext(os.path.basename(args.elf))[0]
    groups = size_report.library_groups(map_path, executable)
    parts = [part.strip() for part in args.parts.split(",") if part.strip()]
    missing = [part for part in parts if part not in groups]
    if missing:
        sys.exit(f"check_flash_budget: {args.elf} has no part {', '.join(missing)} "
                 f"(parts found: {', '.join(sorted(groups))})")
    used = sum(groups[part] for part in parts)
    print("flash by part: " + ", ".join(f"{part} {size:,}" for part, size in sorted(groups.items())))
    verdict = "within" if used <= args.limit else "OVER"
    print(f"{' + '.join(parts)} = {used:,} bytes: {verdict} the budget of {args.limit:,} bytes "
          f"({args.limit - used:+,})")
    return 0 if used <= args.limit else 1


if __name__ == "__main__":
    sys.exit(main())
