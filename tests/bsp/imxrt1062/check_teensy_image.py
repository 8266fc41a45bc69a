#!/usr/bin/python3
"""ELF/HEX checks of a Teensy 4.0 (i.MX RT1062) firmware, run as a ctest after the cross build.

Checks that the boot ROM can boot the image and that placement is what the build asked for:
the FlexSPI NOR configuration block (tag, read sequence, sizes) at 0x60000000; the IVT at 0x60001000
(header, Thumb entry = the reset entry, boot-data and self pointers); boot data covering the image;
the vector table (initial SP in RAM, Thumb reset vector); every section inside its memory; the
FlexRAM split; the hot path (kernels, runtime) in ITCM, or in flash for the XIP variant; the arena
and weights where the policy puts them; the copy table; the Intel HEX records (0x6000xxxx addresses,
checksums, same bytes as the ELF); the image within the 1984 KB teensy_loader_cli writes.
Each check_* function returns a list of error strings (test_check_teensy_image.py in this folder
feeds them broken inputs to prove they fail).
"""
import argparse
import math
import os
import re
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "bsp", "imxrt1062", "tools"))
import teensy_image as ti  # noqa: E402

import intel_hex  # noqa: E402  (this folder)
import link_map  # noqa: E402

FLASH = ti.FLASH_BASE
IVT_ADDRESS = FLASH + 0x1000
FCFB_TAG = 0x42464346
LUT_CMD_SDR, LUT_RADDR_SDR, LUT_READ_SDR, LUT_STOP = 0x01, 0x02, 0x09, 0x00
# Libraries of the inference hot path (ld/placement-itcm/imxrt1062_fast_code.ld).
HOT_ARCHIVES = re.compile(r"lib(strata_kernels_\w+|strata_runtime|strata_base|strata_model_support"
                          r"|m)\.a\(")
HOT_SYMBOLS = ("strata::kernels::", "strata::Interpreter::")
# Code that runs before ITCM holds anything: startup, the boot hook, and the libraries they may call.
BOOT_CODE = re.compile(r"(strata_cortex_m|strata_imxrt1062|strata_board_data)\.dir/"
                       r"|lib(c|c_nano|gcc)\.a\(")


def lut_instructions(words):
    """Decodes LUT words into (opcode, pads, operand), low half first (IMXRT1060RM FlexSPI LUT)."""
    out = []
    for word in words:
        for half in (word & 0xFFFF, word >> 16):
            out.append((half >> 10, (half >> 8) & 3, half & 0xFF))
    return out


def check_fcfb(data):
    if len(data) < 512:
        return [f"FCFB: {len(data)} bytes, needs 512"]
    errors = []
    tag, version = struct.unpack_from("<II", data, 0)
    if tag != FCFB_TAG:
        errors.append(f"FCFB: tag 0x{tag:08x} at 0x60000000, expected 0x{FCFB_TAG:08x} ('FCFB')")
    if version >> 24 != ord("V"):
        errors.append(f"FCFB: version 0x{version:08x} does not start with 'V'")
    device_type, pads, clk, _ = struct.unpack_from("<BBBB", data, 0x44)
    if device_type != 1:
        errors.append(f"FCFB: deviceType {device_type}, expected 1 (serial NOR)")
    if pads != 4:
        errors.append(f"FCFB: sflashPadType {pads}, expected 4 (quad)")
    if not 1 <= clk <= 9:
        errors.append(f"FCFB: serialClkFreq {clk} is not a FlexSPI clock code (1..9)")
    a1_size = struct.unpack_from("<I", data, 0x50)[0]
    if a1_size != 2 * 1024 * 1024:
        errors.append(f"FCFB: sflashA1Size {a1_size}, the Teensy 4.0 flash is 2 MB")
    errors += check_read_sequence(struct.unpack_from("<4I", data, 0x80))
    page, sector = struct.unpack_from("<II", data, 0x1C0)
    block = struct.unpack_from("<I", data, 0x1D0)[0]
    for name, value, want in (("pageSize", page, 256), ("sectorSize", sector, 4096),
                              ("blockSize", block, 65536)):
        if value != want:
            errors.append(f"FCFB: {name} {value}, expected {want}")
    return errors


def check_read_sequence(words):
    """LUT sequence 0 is the ROM's XIP read: command 0xEB on one pad, 24-bit address, data read
    on 4 pads, then STOP (PJRC bootdata.c)."""
    ins = lut_instructions(words)
    errors = []
    if ins[0][:1] != (LUT_CMD_SDR,) or ins[0][2] != 0xEB or ins[0][1] != 0:
        errors.append(f"FCFB LUT[0]: first instruction {ins[0]}, expected CMD_SDR 1-pad 0xEB")
    if ins[1] != (LUT_RADDR_SDR, 2, 24):
        errors.append(f"FCFB LUT[0]: second instruction {ins[1]}, expected RADDR_SDR 4-pad 24 bits")
    opcodes = [op for op, _, _ in ins]
    if LUT_READ_SDR not in opcodes:
        errors.append("FCFB LUT[0]: no READ_SDR instruction")
    elif LUT_STOP not in opcodes[opcodes.index(LUT_READ_SDR):]:
        errors.append("FCFB LUT[0]: sequence not terminated by STOP")
    elif ins[opcodes.index(LUT_READ_SDR)][1] != 2:
        errors.append("FCFB LUT[0]: READ_SDR not on 4 pads")
    return errors


def check_ivt(words, boot_data_address, reset_entry):
    header, entry, _, dcd, boot_data, self_ptr, csf, _ = words
    errors = []
    tag, length, version = header & 0xFF, ((header >> 8) & 0xFF) << 8 | ((header >> 16) & 0xFF), \
        header >> 24
    if tag != 0xD1 or length != 0x20 or not 0x40 <= version <= 0x43:
        errors.append(f"IVT: header 0x{header:08x}, expected tag 0xD1, length 0x0020 "
                      "(big-endian), version 0x40..0x43")
    if entry & 1 == 0:
        errors.append(f"IVT: entry 0x{entry:08x} is not a Thumb code address (odd)")
    if reset_entry is None or entry != reset_entry | 1:
        errors.append(f"IVT: entry 0x{entry:08x} is not imxrt1062_reset_entry")
    if ti.region_of(entry) != "flash":
        errors.append(f"IVT: entry 0x{entry:08x} is not in flash (runs before any copy)")
    if dcd != 0 or csf != 0:
        errors.append("IVT: DCD/CSF pointers must be 0 (no DCD, unsigned image)")
    if boot_data != boot_data_address:
        errors.append(f"IVT: boot_data 0x{boot_data:08x} != .boot_data at "
                      f"0x{boot_data_address:08x}")
    if self_ptr != IVT_ADDRESS:
        errors.append(f"IVT: self 0x{self_ptr:08x}, expected 0x{IVT_ADDRESS:08x}")
    return errors


def check_boot_data(words, image_end):
    start, size, plugin = words[:3]
    errors = []
    if start != FLASH:
        errors.append(f"boot data: start 0x{start:08x}, expected 0x{FLASH:08x}")
    if start + size < image_end:
        errors.append(f"boot data: size {size} stops before the image end 0x{image_end:08x}")
    if size > ti.FLASH_USABLE:
        errors.append(f"boot data: size {size} exceeds the {ti.FLASH_USABLE} bytes of flash")
    if plugin != 0:
        errors.append("boot data: plugin flag set")
    return errors


def check_vector_table(words, address, reset_handler):
    sp, reset = words[:2]
    errors = []
    if address % 128:
        errors.append(f"vector table at 0x{address:08x} is not VTOR-aligned (128)")
    if ti.region_of(sp - 1) not in ("DTCM", "OCRAM"):  # SP may sit just past its region
        errors.append(f"vector table: initial SP 0x{sp:08x} is not in RAM")
    if sp % 8:
        errors.append(f"vector table: initial SP 0x{sp:08x} is not 8-byte aligned")
    if reset & 1 == 0 or ti.region_of(reset) != "flash":
        errors.append(f"vector table: reset vector 0x{reset:08x} is not Thumb code in flash")
    if reset_handler is not None and reset != reset_handler | 1:
        errors.append(f"vector table: reset vector 0x{reset:08x} is not Reset_Handler")
    return errors


def check_regions(sections):
    """Every allocated section runs inside one memory, and loads from flash."""
    errors = []
    for s in sections:
        if not s.flags & ti.SHF_ALLOC or s.size == 0:
            continue
        region = ti.region_of(s.vma)
        if region is None or ti.region_of(s.vma + s.size - 1) != region:
            errors.append(f"{s.name}: 0x{s.vma:08x}+{s.size} is not inside one memory region")
        if s.loaded and not FLASH <= s.lma <= s.lma + s.size <= FLASH + ti.FLASH_USABLE:
            errors.append(f"{s.name}: load address 0x{s.lma:08x}+{s.size} outside the flash")
    return errors


def check_flexram(fast_code_end, itcm_banks, dtcm_banks, dtcm_end):
    errors = []
    want = 0 if fast_code_end is None else math.ceil(fast_code_end / ti.BANK_BYTES)
    if itcm_banks != want:
        errors.append(f"FlexRAM: {itcm_banks} ITCM banks, the fast code needs {want}")
    if itcm_banks + dtcm_banks != 16:
        errors.append(f"FlexRAM: {itcm_banks} + {dtcm_banks} banks, expected 16 in all")
    if dtcm_end > 0x20000000 + dtcm_banks * ti.BANK_BYTES:
        errors.append(f"FlexRAM: DTCM used up to 0x{dtcm_end:08x}, beyond its {dtcm_banks} banks")
    return errors


def check_hot_path(inputs, functions, placement):
    """inputs: (section, address, size, file) of every linked input section (map file);
    functions: (name, address) of every function symbol. itcm: the hot path in ITCM; xip: flash."""
    want = "ITCM" if placement == "itcm" else "flash"
    errors = []
    checked = 0
    for section, address, size, origin in inputs:
        if section.startswith(".text") and size and HOT_ARCHIVES.search(origin):
            checked += 1
            if ti.region_of(address) != want:
                errors.append(f"{origin} {section} at 0x{address:08x}: expected {want}")
    for name, address in functions:
        if name.startswith(HOT_SYMBOLS) and ti.region_of(address) != want:
            errors.append(f"function {name} at 0x{address:08x}: expected {want}")
    return errors, checked


def check_boot_path(inputs):
    """Startup, the board's boot hook and the C/gcc runtime must execute in place from flash: they
    run before the fast code is copied into ITCM (only explicit .fast_code may go there)."""
    errors = []
    for section, address, size, origin in inputs:
        if section.startswith(".text") and size and BOOT_CODE.search(origin) \
                and ti.region_of(address) != "flash":
            errors.append(f"{origin} {section} at 0x{address:08x}: boot-path code must be in flash")
    return errors


def fits(start, size, limit, align=16):
    return (start + align - 1) // align * align + size <= limit


def check_data_placement(layout, arena_policy, weights_policy):
    """layout: dict with dtcm_fixed_end, dtcm_limit, ocram_fixed_end, arena (addr, size),
    weights (vma, lma, size). Re-derives the linker's choice from the sizes."""
    errors = []
    a_addr, a_size = layout["arena"]
    arena_region = ti.region_of(a_addr) if a_size else None
    if a_size:
        in_dtcm = fits(layout["dtcm_fixed_end"], a_size, layout["dtcm_limit"])
        want = {"dtcm": "DTCM", "ocram": "OCRAM"}.get(arena_policy,
                                                       "DTCM" if in_dtcm else "OCRAM")
        if arena_region != want:
            errors.append(f"arena ({a_size} bytes) in {arena_region}, policy {arena_policy} "
                          f"wants {want}")
    dtcm_next = a_addr + a_size if arena_region == "DTCM" else layout["dtcm_fixed_end"]
    ocram_next = a_addr + a_size if arena_region == "OCRAM" else layout["ocram_fixed_end"]
    w_vma, w_lma, w_size = layout["weights"]
    if w_size:
        if weights_policy == "auto":
            want = ("DTCM" if fits(dtcm_next, w_size, layout["dtcm_limit"]) else
                    "OCRAM" if fits(ocram_next, w_size, 0x20280000) else "flash")
        else:
            want = {"dtcm": "DTCM", "ocram": "OCRAM", "flash": "flash"}[weights_policy]
        if ti.region_of(w_vma) != want:
            errors.append(f"weights ({w_size} bytes) run from {ti.region_of(w_vma)}, policy "
                          f"{weights_policy} wants {want}")
        if want == "flash" and w_vma != w_lma:
            errors.append("weights kept in flash must run where they load")
    return errors


def check_copy_table(words, sections, image_end):
    """(load, run, bytes) triples: each load range inside the image, each section copied whole."""
    errors = []
    entries = [tuple(words[i:i + 3]) for i in range(0, len(words) - 2, 3)]
    by_vma = {s.vma: s for s in sections if s.loaded}
    for lma, vma, size in entries:
        if size == 0:
            continue
        if not FLASH <= lma <= lma + size <= image_end:
            errors.append(f"copy table: load range 0x{lma:08x}+{size} outside the image")
        if ti.region_of(vma) in (None, "flash"):
            errors.append(f"copy table: run address 0x{vma:08x} is not RAM")
        s = by_vma.get(vma)
        if s is None or s.lma != lma or s.size != size:
            errors.append(f"copy table: (0x{lma:08x}, 0x{vma:08x}, {size}) matches no section")
    copied = {vma for _, vma, size in entries if size}
    for s in sections:
        if s.loaded and ti.region_of(s.vma) != "flash" and s.vma not in copied:
            errors.append(f"{s.name}: loaded into RAM but missing from the copy table")
    return errors


def region_end(image, region, exclude=()):
    ends = [s.vma + s.size for s in image.sections
            if s.flags & ti.SHF_ALLOC and s.size and ti.region_of(s.vma) == region
            and s.name not in exclude]
    base = {name: start for name, start, _ in ti.REGIONS}[region]
    return max(ends, default=base)


def loaded_bytes(image):
    out = {}
    for s in image.sections:
        if s.loaded:
            for i, byte in enumerate(image.contents(s.name)):
                out[s.lma + i] = byte
    return out


def check_image(image, hex_text, map_text, args):
    """All checks of one firmware; returns (errors, notes)."""
    errors, notes = [], []
    for name in (".flexspi_config", ".ivt", ".boot_data", ".isr_vector", ".copy_table"):
        if image.section(name) is None or image.section(name).size == 0:
            errors.append(f"section {name} is missing")
    if errors:
        return errors, notes
    if image.section(".flexspi_config").vma != FLASH:
        errors.append("the FCFB is not at 0x60000000")
    if image.section(".ivt").vma != IVT_ADDRESS:
        errors.append("the IVT is not at 0x60001000")
    image_end = image.flash_end()
    errors += check_fcfb(image.contents(".flexspi_config"))
    errors += check_ivt(image.read_words(".ivt", 8), image.section(".boot_data").vma,
                        image.symbol("imxrt1062_reset_entry"))
    errors += check_boot_data(image.read_words(".boot_data", 3), image_end)
    vectors = image.section(".isr_vector")
    errors += check_vector_table(image.read_words(".isr_vector", 2), vectors.vma,
                                 image.symbol("Reset_Handler"))
    if image.entry != (image.symbol("imxrt1062_reset_entry") or 0) | 1:
        errors.append(f"ELF entry 0x{image.entry:08x} is not imxrt1062_reset_entry")
    errors += check_regions(image.sections)
    if image_end - FLASH > ti.FLASH_USABLE:
        errors.append(f"image of {image_end - FLASH} bytes exceeds {ti.FLASH_USABLE} bytes")

    fast_code = image.section(".fast_code")
    fast_end = fast_code.vma + fast_code.size if fast_code and fast_code.size else None
    itcm_banks = image.symbol("__flexram_itcm_banks")
    dtcm_banks = image.symbol("__flexram_dtcm_banks")
    if itcm_banks is None or dtcm_banks is None:
        errors.append("linker symbols __flexram_itcm_banks/__flexram_dtcm_banks missing")
        return errors, notes
    errors += check_flexram(fast_end, itcm_banks, dtcm_banks, region_end(image, "DTCM"))

    functions = [(s.demangled, s.value & ~1) for s in image.functions()]
    inputs = link_map.input_sections(map_text)
    hot_errors, checked = check_hot_path(inputs, functions, args.placement)
    errors += hot_errors + check_boot_path(inputs)
    notes.append(f"{checked} hot-path code sections checked ({args.placement})")

    arena, weights = image.section(".arena"), image.section(".model_weights")
    weird = (".arena", ".model_weights")
    layout = {
        "dtcm_fixed_end": region_end(image, "DTCM", weird),
        "dtcm_limit": 0x20000000 + dtcm_banks * ti.BANK_BYTES,
        "ocram_fixed_end": region_end(image, "OCRAM", weird),
        "arena": (arena.vma, arena.size) if arena else (0, 0),
        "weights": (weights.vma, weights.lma, weights.size) if weights else (0, 0, 0),
    }
    errors += check_data_placement(layout, args.arena, args.weights)
    table = image.contents(".copy_table")
    errors += check_copy_table(list(struct.unpack(f"<{len(table) // 4}I", table)), image.sections,
                               image_end)
    stack_top = image.symbol("__stack_top")
    if stack_top is None or ti.region_of(stack_top - 1) != "OCRAM" or stack_top % 8:
        errors.append(f"__stack_top {stack_top} is not an 8-aligned OCRAM address")
    if image.symbol("__stack_guard") is None or image.symbol("__stack_guard") % 32:
        errors.append("__stack_guard is missing or not 32-byte aligned (MPU region)")

    errors += intel_hex.check(hex_text, FLASH, ti.FLASH_USABLE, loaded_bytes(image), image.entry)
    notes.append(f"image {image_end - FLASH} bytes, FlexRAM {itcm_banks} ITCM + {dtcm_banks} DTCM")
    return errors, notes


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--elf", required=True)
    p.add_argument("--hex", required=True)
    p.add_argument("--map", required=True)
    p.add_argument("--placement", choices=("itcm", "xip"), required=True)
    p.add_argument("--weights", choices=("auto", "dtcm", "ocram", "flash"), required=True)
    p.add_argument("--arena", choices=("auto", "dtcm", "ocram"), required=True)
    args = p.parse_args()
    image = ti.Image(args.elf)
    with open(args.hex) as f:
        hex_text = f.read()
    with open(args.map) as f:
        map_text = f.read()
    errors, notes = check_image(image, hex_text, map_text, args)
    for note in notes:
        print(f"note: {note}")
    for error in errors:
        print(f"FAIL: {error}")
    print(f"{os.path.basename(args.elf)}: {'FAILED' if errors else 'ok'} ({len(errors)} errors)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
