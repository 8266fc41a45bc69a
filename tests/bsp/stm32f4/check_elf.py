#!/usr/bin/python3
"""Checks a linked STM32F4 firmware ELF against its board's memory map (run as a ctest, label `elf`).

Checks, each printed as PASS/FAIL:
  * the vector table (.isr_vector) is at the start of flash; its initial SP lies inside a RAM region,
    8-byte aligned, and equals __stack_top; its reset vector is odd (Thumb) and is Reset_Handler;
  * every allocated section lies inside one region (run address), and every section loaded from
    flash has its load address inside flash; no two sections overlap;
  * symbols: each --address NAME=ADDRESS and --symbol NAME=REGION holds (e.g. board data the early boot hook reads is in flash);
  * placement: each --place SECTION=REGION holds (e.g. the arena in CCM when the preset asks); a
    section the linker dropped (no inputs) is skipped;
  * size: the flash image and each RAM region's use fit (with --flash-limit, below that limit).
With --report it also prints the use of every region. Reads the ELF with arm-none-eabi-objdump/nm.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile


def parse_region(text):
    name, _, rest = text.partition("=")
    origin, _, size = rest.partition(":")
    size = size.upper()
    scale = 1024 if size.endswith("K") else 1024 * 1024 if size.endswith("M") else 1
    return name, int(origin, 0), int(size.rstrip("KM"), 0) * scale


def tool(name):
    path = shutil.which(name)
    if not path:
        sys.exit(f"check_elf: {name} not found (Debian package binutils-arm-none-eabi)")
    return path


def sections(elf):
    out = subprocess.run([tool("arm-none-eabi-objdump"), "-h", "-w", elf], check=True,
                         capture_output=True, text=True).stdout
    result = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) < 7 or not parts[0].isdigit():
            continue
        flags = " ".join(parts[7:])
        if "ALLOC" not in flags:
            continue
        result.append({"name": parts[1], "size": int(parts[2], 16), "vma": int(parts[3], 16),
                       "lma": int(parts[4], 16), "load": "LOAD" in flags})
    return result


def symbols(elf):
    """Symbol name (demangled) -> address."""
    out = subprocess.run([tool("arm-none-eabi-nm"), "-C", elf], check=True, capture_output=True,
                         text=True).stdout
    table = {}
    for line in out.splitlines():
        parts = line.split(maxsplit=2)
        if len(parts) == 3:
            table[parts[2]] = int(parts[0], 16)
    return table


def read_words(elf, section, count):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "section.bin")
        subprocess.run([tool("arm-none-eabi-objcopy"), "-O", "binary", "-j", section, elf, path],
                       check=True)
        with open(path, "rb") as f:
            out = f.read()
    return [int.from_bytes(out[4 * i:4 * i + 4], "little") for i in range(count)]


def region_of(address, size, regions):
    for name, origin, length in regions:
        if origin <= address and address + size <= origin + length:
            return name
    return None


class Checker:
    def __init__(self):
        self.failures = 0

    def check(self, ok, text):
        print(("PASS " if ok else "FAIL ") + text)
        self.failures += 0 if ok else 1


def check_vectors(c, elf, secs, syms, flash, rams):
    vec = next((s for s in secs if s["name"] == ".isr_vector"), None)
    c.check(vec is not None and vec["vma"] == flash[1],
            f"vector table at flash start 0x{flash[1]:08x}")
    if vec is None:
        return
    sp, reset = read_words(elf, ".isr_vector", 2)
    c.check(any(o < sp <= o + n for _, o, n in rams) and sp % 8 == 0,
            f"initial SP 0x{sp:08x} inside RAM, 8-byte aligned")
    c.check(sp == syms.get("__stack_top"), "initial SP is __stack_top")
    c.check(reset & 1 == 1, f"reset vector 0x{reset:08x} is odd (Thumb)")
    c.check(reset & ~1 == syms.get("Reset_Handler"), "reset vector is Reset_Handler")


def check_layout(c, secs, flash, rams):
    regions = [flash] + rams
    for s in secs:
        where = region_of(s["vma"], s["size"], regions)
        c.check(where is not None, f"{s['name']} (0x{s['vma']:08x}, {s['size']} bytes) in {where}")
        if s["load"] and s["lma"] != s["vma"]:
            c.check(region_of(s["lma"], s["size"], [flash]) is not None,
                    f"{s['name']} load image 0x{s['lma']:08x} in flash")
    used = sorted((s for s in secs if s["size"]), key=lambda s: s["vma"])
    overlaps = [f"{a['name']}/{b['name']}" for a, b in zip(used, used[1:])
                if a["vma"] + a["size"] > b["vma"]]
    c.check(not overlaps, "no overlapping sections" + (f": {overlaps}" if overlaps else ""))


def usage(secs, flash, rams):
    """Bytes used per region: flash counts load images, RAM regions count run addresses."""
    use = {flash[0]: 0, **{r[0]: 0 for r in rams}}
    for s in secs:
        if s["load"]:
            if region_of(s["lma"], s["size"], [flash]):
                use[flash[0]] += s["size"]
        if s["vma"] != s["lma"] or not s["load"]:
            where = region_of(s["vma"], s["size"], rams)
            if where:
                use[where] += s["size"]
    return use


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--elf", required=True)
    p.add_argument("--flash", required=True, help="NAME=ORIGIN:SIZE, e.g. FLASH=0x08000000:1024K")
    p.add_argument("--ram", action="append", required=True, help="NAME=ORIGIN:SIZE (repeatable)")
    p.add_argument("--place", action="append", default=[], help="SECTION=REGION (repeatable)")
    p.add_argument("--symbol", action="append", default=[],
                   help="SYMBOL=REGION: a (demangled) symbol that must live in REGION (repeatable)")
    p.add_argument("--address", action="append", default=[],
                   help="SYMBOL=ADDRESS: a symbol that must be exactly there (repeatable)")
    p.add_argument("--flash-limit", type=lambda v: int(v, 0), help="max flash bytes")
    p.add_argument("--report", action="store_true", help="print region use")
    args = p.parse_args()
    flash = parse_region(args.flash)
    rams = [parse_region(r) for r in args.ram]
    secs = sections(args.elf)
    syms = symbols(args.elf)
    c = Checker()
    check_vectors(c, args.elf, secs, syms, flash, rams)
    check_layout(c, secs, flash, rams)
    for rule in args.place:
        name, _, region = rule.partition("=")
        s = next((s for s in secs if s["name"] == name), None)
        if s is None:
            # The linker drops output sections without inputs (e.g. no arena without a model).
            print(f"SKIP {name} absent (nothing placed there)")
            continue
        where = region_of(s["vma"], s["size"], [flash] + rams)
        c.check(where == region, f"{name} placed in {region} (found {where})")
    for rule in args.symbol:
        name, _, region = rule.rpartition("=")
        where = region_of(syms[name], 1, [flash] + rams) if name in syms else None
        c.check(where == region, f"symbol {name} in {region} (found {where})")
    for rule in args.address:
        name, _, address = rule.rpartition("=")
        found = syms.get(name)
        c.check(found == int(address, 0), f"symbol {name} at {address} (found "
                + (f"0x{found:08x})" if found is not None else "nothing)"))
    use = usage(secs, flash, rams)
    limit = min(args.flash_limit or flash[2], flash[2])
    c.check(use[flash[0]] <= limit, f"flash image {use[flash[0]]} bytes <= {limit}")
    for name, _, size in [flash] + rams:
        if args.report:
            print(f"use  {name:<8} {use[name]:>9,} of {size:>9,} bytes ({100.0 * use[name] / size:5.1f} %)")
    print(f"check_elf: {c.failures} failure(s)")
    return 1 if c.failures else 0


if __name__ == "__main__":
    sys.exit(main())
