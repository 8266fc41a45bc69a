#!/usr/bin/python3
"""Prints the size report of a firmware ELF: every allocated section with its address, and the
Berkeley totals (text = code and constants in flash, data = initialised RAM copied from flash,
bss = zeroed or uninitialised RAM). `--json` prints the same as one JSON object for tools.
"""
import argparse
import json
import shutil
import subprocess
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib.mapfile import bytes_per_library  # noqa: E402

# Library name prefixes grouped the way users ask: "how much is the runtime, how much is my model".
GROUPS = (("runtime", ("strata_runtime", "strata_base")), ("kernels", ("strata_kernels",)),
          ("model", ("strata_model",)), ("board", ("strata_board", "strata_cortex_m", "strata_soc")),
          ("app", ("strata_app",)))
C_LIBRARIES = {"c", "c_nano", "g", "g_nano", "gcc", "m", "stdc++", "stdc++_nano", "supc++", "nosys"}


def library_groups(map_path):
    groups = {}
    for lib, size in bytes_per_library(map_path).items():
        if lib in C_LIBRARIES:
            name = "libc/libgcc"
        else:
            name = next((g for g, prefixes in GROUPS if lib.startswith(prefixes)), "other")
        groups[name] = groups.get(name, 0) + size
    return groups


def sections(elf):
    """(name, size, run address, kind) for every allocated section, from `objdump -h`: kind is
    `text` (loaded where it runs: flash), `data` (loaded in flash, copied to RAM at boot: load address
    differs from run address) or `bss` (allocated, no contents: RAM only)."""
    objdump = shutil.which("arm-none-eabi-objdump")
    if not objdump:
        sys.exit("size_report: arm-none-eabi-objdump not found (Debian package binutils-arm-none-eabi)")
    out = subprocess.run([objdump, "-h", "-w", elf], check=True, capture_output=True, text=True).stdout
    result = []
    for line in out.splitlines():
        parts = line.split()
        # Idx Name Size VMA LMA File-off Algn Flags
        if len(parts) < 8 or not parts[0].isdigit():
            continue
        name, size, vma, lma = parts[1], int(parts[2], 16), int(parts[3], 16), int(parts[4], 16)
        flags = " ".join(parts[7:])
        if size == 0 or "ALLOC" not in flags:
            continue
        if "LOAD" not in flags:
            kind = "bss"
        elif vma != lma:
            kind = "data"
        else:
            kind = "text"
        result.append((name, size, vma, kind))
    return result


def totals(secs):
    t = {kind: sum(size for _, size, _, k in secs if k == kind) for kind in ("text", "data", "bss")}
    t["flash"] = t["text"] + t["data"]
    return t


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("elf")
    p.add_argument("--json", action="store_true")
    args = p.parse_args()
    secs = sections(args.elf)
    t = totals(secs)
    if args.json:
        map_path = os.path.splitext(args.elf)[0] + ".map"
        t["parts"] = library_groups(map_path) if os.path.exists(map_path) else {}
        print(json.dumps({"elf": args.elf, "sections": [{"name": n, "size": s, "address": a, "kind": k}
                                                        for n, s, a, k in secs], **t}))
        return 0
    print(f"size report: {args.elf}")
    for name, size, addr, kind in secs:
        print(f"  {name:<18} 0x{addr:08x} {size:>10,} bytes  {kind}")
    print(f"  text={t['text']:,} data={t['data']:,} bss={t['bss']:,} (flash used {t['flash']:,})")
    map_path = os.path.splitext(args.elf)[0] + ".map"
    if os.path.exists(map_path):
        groups = library_groups(map_path)
        print("  flash by part: " + ", ".join(f"{g} {groups[g]:,}" for g, _ in GROUPS + (("libc/libgcc", ()), ("other", ()))
                                              if g in groups))
    return 0


if __name__ == "__main__":
    sys.exit(main())
