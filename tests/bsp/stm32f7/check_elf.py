#!/usr/bin/python3
"""Checks a linked STM32F746G-DISCO firmware: the properties the board needs to boot and the preset asked.

Reads the ELF with arm-none-eabi-objdump (section headers, vector table) and arm-none-eabi-nm (symbols),
plus the .bin and .hex the build made, and checks:
  * the vector table sits at the start of flash (0x08000000, AXIM); its initial SP is the linker's
    __stack_top and lies in RAM; its reset vector is odd (Thumb) and is Reset_Handler;
  * every allocated section lies inside its region (RM0385 memory map), and every loaded section's
    load address inside flash, so the .bin/.hex hold nothing but flash contents;
  * placement: fast code in ITCM RAM (not in its first 32 bytes, the null-pointer trap), fast data and the stack in DTCM, .data/.bss in SRAM1/2, large data in
    SDRAM, the arena in SRAM or SDRAM as --arena says; the 32-byte stack guard right below the stack;
    the SDRAM the `sdram` command tests (from __sdram_free_start) overlaps no section;
  * the image fits the 1 MB flash, the .bin is exactly the flash image and starts with the vector table,
    and every .hex record addresses flash.
`--self-test` runs the checks on synthetic images, good and broken, to prove each check can fail.
Exit status 0 when every check passes; otherwise each failure is printed.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

KB = 1024
# RM0385 memory map; SRAM1 and SRAM2 are contiguous and linked as one region; ITCM's first 32 bytes
# are the MPU's null-pointer trap.
REGIONS = {
    "ITCM_RAM": (0x00000020, 16 * KB - 0x20),
    "FLASH": (0x08000000, 1024 * KB),
    "DTCM": (0x20000000, 64 * KB),
    "SRAM1_2": (0x20010000, 256 * KB),
    "SDRAM": (0xC0000000, 8 * KB * KB),
}
RAM_REGIONS = ("DTCM", "SRAM1_2")
FLASH_SECTIONS = {".isr_vector", ".text", ".ARM.extab", ".ARM.exidx", ".preinit_array", ".init_array",
                  ".fini_array", ".copy_table", ".zero_table", ".rodata"}
PLACEMENT = {".fast_code": "ITCM_RAM", ".data": "SRAM1_2", ".bss": "SRAM1_2", ".noinit": "SRAM1_2",
             ".fast_data": "DTCM", ".fast_bss": "DTCM", ".stack": "DTCM", ".large_data": "SDRAM"}
ARENA_REGION = {"sram": "SRAM1_2", "sdram": "SDRAM"}
# Functions the board links into ITCM (fast_code_inputs.ld, BSP_FAST_CODE), when the firmware uses them.
FAST_FUNCTIONS = ("bsp::cycle_counter::now()", "cortex_m::dwt::now()")


class Section:
    def __init__(self, name, vma, lma, size, loaded):
        self.name, self.vma, self.lma, self.size, self.loaded = name, vma, lma, size, loaded


class Image:
    """What the checks look at, parsed from the build outputs (or made up by the self-test)."""

    def __init__(self, sections, symbols, vectors, bin_bytes, hex_ranges):
        self.sections = sections      # [Section] (allocated sections only)
        self.symbols = symbols        # {demangled name: address}
        self.vectors = vectors        # (initial SP, reset vector)
        self.bin_bytes = bin_bytes    # contents of the .bin
        self.hex_ranges = hex_ranges  # [(address, length)] of the .hex data records


def region_of(address, size):
    for name, (start, length) in REGIONS.items():
        if start <= address and address + size <= start + length:
            return name
    return None


def check_vectors(image, errors):
    flash = REGIONS["FLASH"][0]
    table = next((s for s in image.sections if s.name == ".isr_vector"), None)
    if table is None or table.vma != flash:
        errors.append(f"vector table not at the start of flash 0x{flash:08x}")
    sp, reset = image.vectors
    if not any(region_of(sp - 8, 8) == r for r in RAM_REGIONS) or sp % 8:
        errors.append(f"initial SP 0x{sp:08x} is not an 8-aligned address in DTCM/SRAM")
    if sp != image.symbols.get("__stack_top"):
        errors.append(f"initial SP 0x{sp:08x} is not __stack_top")
    if reset % 2 == 0:
        errors.append(f"reset vector 0x{reset:08x} is even (not Thumb)")
    if reset & ~1 != image.symbols.get("Reset_Handler") or region_of(reset & ~1, 2) != "FLASH":
        errors.append(f"reset vector 0x{reset:08x} is not Reset_Handler in flash")


def check_sections(image, arena, errors):
    expected = dict(PLACEMENT, **{".arena": ARENA_REGION[arena]})
    for s in image.sections:
        region = region_of(s.vma, s.size)
        want = "FLASH" if s.name in FLASH_SECTIONS else expected.get(s.name)
        if region is None:
            errors.append(f"{s.name} (0x{s.vma:08x}, {s.size} bytes) is outside every region")
        elif want and region != want:
            errors.append(f"{s.name} is in {region}, expected {want}")
        if s.loaded and region_of(s.lma, s.size) != "FLASH":
            errors.append(f"{s.name} loads from 0x{s.lma:08x}, outside flash")
    origin = image.symbols.get("__strata_arena_region")
    if origin != REGIONS[ARENA_REGION[arena]][0]:
        errors.append(f"arena region origin {origin and hex(origin)} is not {ARENA_REGION[arena]} (--arena {arena})")
    guard, bottom = image.symbols.get("__stack_guard"), image.symbols.get("__stack_bottom")
    if guard is None or guard % 32 or bottom != guard + 32 or region_of(guard, 32) != "DTCM":
        errors.append("stack guard is not 32 aligned bytes in DTCM directly below the stack")
    free = image.symbols.get("__sdram_free_start")
    sdram_end = max([s.vma + s.size for s in image.sections if region_of(s.vma, s.size) == "SDRAM"],
                    default=REGIONS["SDRAM"][0])
    if free is None or free < sdram_end or free % 4:
        errors.append("__sdram_free_start is not past every SDRAM section (the sdram test would "
                      "overwrite them)")
    for function in FAST_FUNCTIONS:
        address = image.symbols.get(function)
        if address is not None and region_of(address, 2) != "ITCM_RAM":
            errors.append(f"{function} at 0x{address:08x} is not in ITCM RAM")


def check_image(image, errors):
    flash, flash_size = REGIONS["FLASH"]
    end = max(s.lma + s.size for s in image.sections if s.loaded)
    if end - flash > flash_size:
        errors.append(f"flash image is {end - flash} bytes, more than {flash_size}")
    if len(image.bin_bytes) != end - flash:
        errors.append(f".bin is {len(image.bin_bytes)} bytes, the flash image {end - flash}")
    sp, reset = image.vectors
    if image.bin_bytes[:8] != sp.to_bytes(4, "little") + reset.to_bytes(4, "little"):
        errors.append(".bin does not start with the vector table")
    if not image.hex_ranges:
        errors.append(".hex has no data records")
    for address, length in image.hex_ranges:
        if region_of(address, length) != "FLASH":
            errors.append(f".hex writes 0x{address:08x} (+{length}), outside flash")
            break


def check(image, arena):
    errors = []
    check_vectors(image, errors)
    check_sections(image, arena, errors)
    check_image(image, errors)
    return errors


def tool(name):
    path = shutil.which(name)
    if not path:
        sys.exit(f"check_elf: {name} not found (Debian package binutils-arm-none-eabi)")
    return path


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def parse_sections(elf):
    sections = []
    lines = run(tool("arm-none-eabi-objdump"), "-h", "-w", elf).splitlines()
    for line in lines:
        parts = line.split(None, 7)
        if len(parts) < 8 or not parts[0].isdigit():
            continue
        name, size, vma, lma, flags = parts[1], int(parts[2], 16), int(parts[3], 16), int(parts[4], 16), parts[7]
        if "ALLOC" in flags and size > 0:
            sections.append(Section(name, vma, lma, size, "LOAD" in flags))
    return sections


def parse_symbols(elf):
    symbols = {}
    for line in run(tool("arm-none-eabi-nm"), "-C", elf).splitlines():
        match = re.match(r"([0-9a-f]{8}) \w (.+)$", line)
        if match:
            symbols.setdefault(match.group(2), int(match.group(1), 16))
    return symbols


def parse_vectors(elf):
    dump = run(tool("arm-none-eabi-objdump"), "-s", "-j", ".isr_vector", elf)
    words = []
    for line in dump.splitlines():
        match = re.match(r"\s*[0-9a-f]+ ((?:[0-9a-f]{8} ?){1,4})", line)
        if match:
            words += [int.from_bytes(bytes.fromhex(w), "little") for w in match.group(1).split()]
    if len(words) < 2:
        sys.exit(f"check_elf: {elf} has no .isr_vector contents")
    return words[0], words[1]


def parse_hex(path):
    ranges, base = [], 0
    with open(path) as f:
        for line in f:
            record = bytes.fromhex(line.strip()[1:])
            length, address, kind = record[0], int.from_bytes(record[1:3], "big"), record[3]
            if kind == 0:
                ranges.append((base + address, length))
            elif kind == 4:
                base = int.from_bytes(record[4:6], "big") << 16
            elif kind == 2:
                base = int.from_bytes(record[4:6], "big") << 4
    return ranges


def load(elf, bin_path, hex_path):
    with open(bin_path, "rb") as f:
        bin_bytes = f.read()
    return Image(parse_sections(elf), parse_symbols(elf), parse_vectors(elf), bin_bytes,
                 parse_hex(hex_path))


def synthetic_image():
    """A minimal good image: vectors, code, .data, stack in DTCM, arena in SRAM."""
    sections = [Section(".isr_vector", 0x08000000, 0x08000000, 0x40, True),
                Section(".fast_code", 0x00000020, 0x08000040, 0x50, True),
                Section(".text", 0x080000c0, 0x080000c0, 0x1000, True),
                Section(".data", 0x20010000, 0x080010c0, 0x10, True),
                Section(".bss", 0x20010010, 0x20010010, 0x100, False),
                Section(".arena", 0x20010200, 0x20010200, 0x1000, False),
                Section(".large_data", 0xC0000000, 0xC0000000, 0x1000, False),
                Section(".stack", 0x20000000, 0x20000000, 0x8020, False)]
    symbols = {"__stack_top": 0x20008020, "Reset_Handler": 0x080000c4, "__stack_guard": 0x20000000,
               "__stack_bottom": 0x20000020, "__strata_arena_region": 0x20010000,
               "__sdram_free_start": 0xC0001000,
               "bsp::cycle_counter::now()": 0x00000030}
    vectors = (0x20008020, 0x080000c5)
    bin_bytes = vectors[0].to_bytes(4, "little") + vectors[1].to_bytes(4, "little")
    bin_bytes += bytes(0x10d0 - len(bin_bytes))
    return Image(sections, symbols, vectors, bin_bytes, [(0x08000000, 16), (0x080010c0, 16)])


def self_test():
    """Each broken variant must fail with the named complaint; the good image must pass."""
    failures = []
    cases = [1]
    good = synthetic_image()
    if check(good, "sram"):
        failures.append(f"good image rejected: {check(good, 'sram')}")

    def broken(description, expected, mutate, arena="sram"):
        cases[0] += 1
        image = synthetic_image()
        mutate(image)
        errors = check(image, arena)
        if not any(expected in e for e in errors):
            failures.append(f"{description}: expected '{expected}', got {errors}")

    def section(image, name):
        return next(s for s in image.sections if s.name == name)

    def even_reset(image):
        image.vectors = (image.vectors[0], image.vectors[1] & ~1)

    def sp_in_flash(image):
        image.vectors = (0x08001000, image.vectors[1])

    broken("even reset vector", "not Thumb", even_reset)
    broken("SP outside RAM", "not an 8-aligned address", sp_in_flash)
    broken("vectors moved", "not at the start of flash", lambda i: setattr(section(i, ".isr_vector"), "vma", 0x08000100))
    broken("stack in SRAM", ".stack is in SRAM1_2", lambda i: setattr(section(i, ".stack"), "vma", 0x20020000))
    broken("text overflows flash", "outside every region", lambda i: setattr(section(i, ".text"), "size", 2 * KB * KB))
    broken(".data loaded from RAM", "outside flash", lambda i: setattr(section(i, ".data"), "lma", 0x20030000))
    broken("arena not where the preset asked", "expected SDRAM", lambda i: None, arena="sdram")
    broken("guard misplaced", "stack guard", lambda i: i.symbols.update({"__stack_bottom": 0x20000040}))
    broken("code in the null trap", "outside every region", lambda i: setattr(section(i, ".fast_code"), "vma", 0))
    broken("sdram test over used SDRAM", "__sdram_free_start",
           lambda i: i.symbols.update({"__sdram_free_start": 0xC0000800}))
    broken("fast code in flash", "not in ITCM", lambda i: i.symbols.update({"bsp::cycle_counter::now()": 0x08000200}))
    broken("bin of SDRAM contents", ".bin is", lambda i: setattr(i, "bin_bytes", i.bin_bytes + bytes(64)))
    broken("hex into SDRAM", ".hex writes", lambda i: i.hex_ranges.append((0xC0000000, 16)))
    for failure in failures:
        print(f"self-test FAILED: {failure}")
    print(f"check_elf self-test: {cases[0] - len(failures)} of {cases[0]} cases behave")
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--elf")
    parser.add_argument("--bin", help="default: the .elf's name with .bin")
    parser.add_argument("--hex", help="default: the .elf's name with .hex")
    parser.add_argument("--arena", choices=sorted(ARENA_REGION), default="sram")
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args()
    if args.self_test:
        return self_test()
    if not args.elf:
        parser.error("--elf is required")
    stem = os.path.splitext(args.elf)[0]
    image = load(args.elf, args.bin or stem + ".bin", args.hex or stem + ".hex")
    errors = check(image, args.arena)
    for error in errors:
        print(f"FAIL {error}")
    flash_bytes = len(image.bin_bytes)
    print(f"check_elf: {os.path.basename(args.elf)}: {len(errors)} problem(s); flash image "
          f"{flash_bytes} bytes; arena in {ARENA_REGION[args.arena]}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
