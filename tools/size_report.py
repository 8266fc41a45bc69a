#!/usr/bin/python3
"""Prints the size report of a firmware ELF: every allocated section with its address, and the
Berkeley totals (text = code and constants in flash, data = initialised RAM copied from flash,
bss = zeroed or uninitialised RAM), the flash of each part (runtime, kernels, model, bsp, app, C
libraries; from the map file next to the ELF) and the optimisation level each part's sources were
really compiled with (from the ELF's debug info: a per-file -Os shows up here, not in the preset).
`--json` prints the same as one JSON object for tools.
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
# The firmware executable's own objects (app/main.cpp, the app's commands) count as the app.
GROUPS = (("runtime", ("strata_runtime", "strata_base")), ("kernels", ("strata_kernels",)),
          ("model", ("strata_model",)), ("bsp", ("strata_board", "strata_cortex_m", "strata_soc")),
          ("app", ("strata_app",)))
C_LIBRARIES = {"c", "c_nano", "g", "g_nano", "gcc", "m", "stdc++", "stdc++_nano", "supc++", "nosys"}
# Source folders of each part, for the compile flags read from the debug info.
SOURCE_PARTS = (("runtime", ("middleware/src/", "middleware/include/")), ("kernels", ("middleware/kernels/",)),
                ("model", ("models/", "generated/model")), ("bsp", ("bsp/",)), ("app", ("app/",)))


def library_groups(map_path, executable=None):
    """Flash bytes per part. `executable`: the firmware's target name (its objects are the app's)."""
    groups = {}
    for lib, size in bytes_per_library(map_path).items():
        if lib in C_LIBRARIES:
            name = "libc/libgcc"
        elif lib == executable:
            name = "app"
        else:
            name = next((g for g, prefixes in GROUPS if lib.startswith(prefixes)), "other")
        groups[name] = groups.get(name, 0) + size
    return groups


def optimisation_per_part(elf):
    """{part: {"-Os": [source, ...], ...}}: the optimisation level each compiled source of the ELF was
    built with, the last -O of its DW_AT_producer (the flags gcc records with -g). Empty without debug
    info."""
    objdump = shutil.which("arm-none-eabi-objdump")
    out = subprocess.run([objdump, "--dwarf=info", "--dwarf-depth=1", elf], check=True,
                         capture_output=True, text=True).stdout
    parts = {}
    producer = None
    for line in out.splitlines():
        if "DW_AT_producer" in line:
            producer = line.rsplit(": ", 1)[-1]
        elif "DW_AT_name" in line and producer is not None:
            source = line.rsplit(": ", 1)[-1].strip()
            levels = [flag for flag in producer.split() if flag.startswith("-O")]
            producer = None
            part = next((p for p, dirs in SOURCE_PARTS if any(d in source for d in dirs)), None)
            if part and levels:
                parts.setdefault(part, {}).setdefault(levels[-1], []).append(source)
    return parts


def describe_levels(levels):
    """e.g. "-Os (23 files), -O2 (interpreter.cpp)": the most used level first; a level of few files
    names them."""
    items = []
    for level, sources in sorted(levels.items(), key=lambda item: -len(item[1])):
        if len(sources) <= 3:
            items.append(f"{level} ({', '.join(os.path.basename(s) for s in sources)})")
        else:
            items.append(f"{level} ({len(sources)} files)")
    return ", ".join(items)


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
    map_path = os.path.splitext(args.elf)[0] + ".map"
    executable = os.path.splitext(os.path.basename(args.elf))[0]
    flags = optimisation_per_part(args.elf)
    if args.json:
        t["parts"] = library_groups(map_path, executable) if os.path.exists(map_path) else {}
        t["optimisation"] = {part: {level: len(sources) for level, sources in levels.items()}
                             for part, levels in flags.items()}
        print(json.dumps({"elf": args.elf, "sections": [{"name": n, "size": s, "address": a, "kind": k}
                                                        for n, s, a, k in secs], **t}))
        return 0
    print(f"size report: {args.elf}")
    for name, size, addr, kind in secs:
        print(f"  {name:<18} 0x{addr:08x} {size:>10,} bytes  {kind}")
    print(f"  text={t['text']:,} data={t['data']:,} bss={t['bss']:,} (flash used {t['flash']:,})")
    if os.path.exists(map_path):
        groups = library_groups(map_path, executable)
        print("  flash by part: " + ", ".join(f"{g} {groups[g]:,}" for g, _ in GROUPS + (("libc/libgcc", ()), ("other", ()))
                                              if g in groups))
    if flags:
        print("  built with: " + "; ".join(f"{part} {describe_levels(flags[part])}"
                                           for part, _ in SOURCE_PARTS if part in flags))
    return 0


if __name__ == "__main__":
    sys.exit(main())
