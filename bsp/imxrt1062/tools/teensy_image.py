"""Reads a linked i.MX RT1062 (Teensy 4.0) firmware ELF: sections with run (VMA) and load (LMA)
addresses and contents, the symbol table (names demangled with arm-none-eabi-c++filt), and where
each part of the image landed (ITCM / DTCM / OCRAM / flash). Used by placement_report.py and by the
ELF checks in tests/bsp/imxrt1062/.
"""
import shutil
import struct
import subprocess
import sys

REGIONS = [  # name, start, size (IMXRT1060RM system memory map)
    ("ITCM", 0x00000000, 512 * 1024),
    ("DTCM", 0x20000000, 512 * 1024),
    ("OCRAM", 0x20200000, 512 * 1024),
    ("flash", 0x60000000, 2 * 1024 * 1024),
]
FLASH_BASE = 0x60000000
FLASH_USABLE = 1984 * 1024  # teensy_loader_cli's code_size for TEENSY40
BANK_BYTES = 32 * 1024
SHF_ALLOC = 0x2
SHT_SYMTAB = 2
SHT_NOBITS = 8
PT_LOAD = 1
STT_OBJECT = 1
STT_FUNC = 2


class Symbol:
    def __init__(self, name, value, size, kind):
        self.name, self.value, self.size, self.kind = name, value, size, kind
        self.demangled = name

    @property
    def is_function(self):
        return self.kind == STT_FUNC


def demangle(names):
    tool = shutil.which("arm-none-eabi-c++filt")
    if not tool:
        sys.exit("arm-none-eabi-c++filt not found (Debian package binutils-arm-none-eabi)")
    out = subprocess.run([tool], input="\n".join(names), check=True, capture_output=True,
                         text=True).stdout
    pretty = out.split("\n")
    return pretty[:len(names)] if len(pretty) >= len(names) else names


def region_of(address):
    for name, start, size in REGIONS:
        if start <= address < start + size:
            return name
    return None


class Section:
    def __init__(self, name, header):
        self.name = name
        self.kind, self.flags, self.vma, self.offset, self.size, self.link = (
            header[1], header[2], header[3], header[4], header[5], header[6])
        self.lma = self.vma

    @property
    def loaded(self):
        return bool(self.flags & SHF_ALLOC) and self.kind != SHT_NOBITS and self.size > 0


class Image:
    """The sections, segments and symbols of one ELF32 little-endian ARM file."""

    def __init__(self, path):
        self.path = path
        with open(path, "rb") as f:
            self.raw = f.read()
        if self.raw[:4] != b"\x7fELF" or self.raw[4] != 1 or self.raw[5] != 1:
            raise ValueError(f"{path}: not a 32-bit little-endian ELF")
        (self.entry, phoff, shoff, _, _, phentsize, phnum, shentsize, shnum,
         shstrndx) = struct.unpack_from("<IIIIHHHHHH", self.raw, 24)
        headers = [struct.unpack_from("<IIIIIIIIII", self.raw, shoff + i * shentsize)
                   for i in range(shnum)]
        names_off = headers[shstrndx][4]
        self.sections = [Section(self._cstring(names_off + h[0]), h) for h in headers]
        segments = [struct.unpack_from("<IIIIIIII", self.raw, phoff + i * phentsize)
                    for i in range(phnum)]
        for s in self.sections:
            for p_type, p_offset, p_vaddr, p_paddr, p_filesz, _, _, _ in segments:
                if (p_type == PT_LOAD and s.loaded and p_offset <= s.offset
                        and s.offset + s.size <= p_offset + p_filesz):
                    s.lma = s.offset - p_offset + p_paddr
        self.symbols = self._symbols()

    def _cstring(self, offset):
        end = self.raw.index(b"\0", offset)
        return self.raw[offset:end].decode()

    def _symbols(self):
        """{name: Symbol} of the defined symbols; Symbol.demangled is the C++ name."""
        table = {}
        for sec in self.sections:
            if sec.kind != SHT_SYMTAB:
                continue
            strings = self.sections[sec.link].offset
            for i in range(1, sec.size // 16):
                st_name, value, size, info, _, shndx = struct.unpack_from(
                    "<IIIBBH", self.raw, sec.offset + 16 * i)
                if shndx == 0 or st_name == 0:
                    continue
                name = self._cstring(strings + st_name)
                table.setdefault(name, Symbol(name, value, size, info & 0xF))
        names = list(table)
        for name, pretty in zip(names, demangle(names)):
            table[name].demangled = pretty
        return table

    def section(self, name):
        for s in self.sections:
            if s.name == name:
                return s
        return None

    def contents(self, name):
        s = self.section(name)
        return self.raw[s.offset:s.offset + s.size] if s and s.loaded else b""

    def symbol(self, name):
        """The value of symbol `name`, or None."""
        entry = self.symbols.get(name)
        return None if entry is None else entry.value

    def functions(self):
        return [s for s in self.symbols.values() if s.is_function]

    def read_words(self, name, count, offset=0):
        data = self.contents(name)
        return list(struct.unpack_from(f"<{count}I", data, offset))

    def flash_end(self):
        return max(s.lma + s.size for s in self.sections if s.loaded)


def placement(image):
    """Where the image put its parts: {part: (region, address, bytes)} plus FlexRAM banks."""
    def span(name):
        s = image.section(name)
        if s is None or s.size == 0:
            return (None, 0, 0)
        return (region_of(s.vma), s.vma, s.size)

    parts = {name: span(section) for name, section in [
        ("fast code", ".fast_code"), ("fast data", ".fast_data"), ("data", ".data"),
        ("bss", ".bss"), ("arena", ".arena"), ("weights", ".model_weights"), ("stack", ".stack"),
        ("large data", ".large_data")]}
    totals = {name: 0 for name, _, _ in REGIONS}
    for s in image.sections:
        if s.flags & SHF_ALLOC and s.size:
            region = region_of(s.vma)
            if region and region != "flash":
                totals[region] += s.size
    totals["flash"] = image.flash_end() - FLASH_BASE
    banks = (image.symbol("__flexram_itcm_banks"), image.symbol("__flexram_dtcm_banks"))
    return parts, totals, banks

