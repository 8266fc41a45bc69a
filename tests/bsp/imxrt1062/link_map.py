#!/usr/bin/python3
"""Reads the input sections a GNU ld map file placed: (section, address, size, origin file), where
the origin names the archive member, e.g. `.../libstrata_kernels_reference.a(add.cpp.obj)`."""
import re

HEADER = "Linker script and memory map"
FULL = re.compile(r"^ (\.\S+)\s+0x([0-9a-fA-F]+)\s+0x([0-9a-fA-F]+)\s+(\S.*)$")
NAME_ONLY = re.compile(r"^ (\.\S+)\s*$")
CONTINUED = re.compile(r"^\s+0x([0-9a-fA-F]+)\s+0x([0-9a-fA-F]+)\s+(\S.*)$")


def input_sections(text):
    start = text.find(HEADER)
    lines = text[start:].splitlines() if start >= 0 else []
    out = []
    pending = None
    for line in lines:
        match = FULL.match(line)
        if match:
            out.append((match[1], int(match[2], 16), int(match[3], 16), match[4]))
            pending = None
            continue
        match = NAME_ONLY.match(line)
        if match:
            pending = match[1]
            continue
        match = CONTINUED.match(line)
        if match and pending:
            out.append((pending, int(match[1], 16), int(match[2], 16), match[3]))
        pending = None
    return out
