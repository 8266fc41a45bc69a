#!/usr/bin/python3
"""Prints the size report of a firmware ELF: every allocated section with its address, and the
Berkeley totals (text = code and constants in flash, data = initialised RAM copied from flash,
bss = zeroed or uninitialised RAM). `--json` prints the same as one JSON object for tools.
"""
import argparse
import json
import shutil
import subprocess
import sys

# Sections whose contents live in flash and are copied to RAM at boot.
COPIED = {".data", ".fast_data", ".fast_code"}
# Sections that occupy RAM only.
RAM_ONLY = {".bss", ".fast_bss", ".noinit", ".stack", ".arena", ".large_data"}
NOT_LOADED = {".comment", ".ARM.attributes", ".debug", ".stab", ".symtab", ".strtab", ".shstrtab"}


def sections(elf):
    size_tool = shutil.which("arm-none-eabi-size")
    if not size_tool:
        sys.exit("size_report: arm-none-eabi-size not found (Debian package binutils-arm-none-eabi)")
    out = subprocess.run([size_tool, "-A", "-x", elf], check=True, capture_output=True, text=True).stdout
    result = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        if len(parts) != 3 or not parts[1].startswith("0x"):
            continue
        name, size, addr = parts[0], int(parts[1], 16), int(parts[2], 16)
        if size == 0 or any(name.startswith(p) for p in NOT_LOADED):
            continue
        result.append((name, size, addr))
    return result


def totals(secs):
    text = sum(s for n, s, _ in secs if n not in COPIED and n not in RAM_ONLY)
    data = sum(s for n, s, _ in secs if n in COPIED)
    bss = sum(s for n, s, _ in secs if n in RAM_ONLY)
    return {"text": text, "data": data, "bss": bss, "flash": text + data}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("elf")
    p.add_argument("--json", action="store_true")
    args = p.parse_args()
    secs = sections(args.elf)
    t = totals(secs)
    if args.json:
        print(json.dumps({"elf": args.elf, "sections": [{"name": n, "size": s, "address": a}
                                                        for n, s, a in secs], **t}))
        return 0
    print(f"size report: {args.elf}")
    for name, size, addr in secs:
        print(f"  {name:<14} 0x{addr:08x} {size:>9,} bytes")
    print(f"  text={t['text']:,} data={t['data']:,} bss={t['bss']:,} (flash used {t['flash']:,})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
