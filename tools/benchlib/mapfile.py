"""Flash bytes per library from a GNU ld map file: sums the input sections each archive contributes to
the loaded output sections (code, constants, initialised data)."""
import re

# e.g. " .text.foo  0x08001234  0x58 .../libstrata_runtime.a(model.cpp.obj)"
SECTION_RE = re.compile(r"^\s*(\.\S+)?\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S+)$")
LOADED = (".text", ".rodata", ".data", ".fast_code", ".fast_data", ".isr_vector", ".ARM")


def bytes_per_library(map_path):
    sizes = {}
    pending_name = None
    in_memory_map = False
    with open(map_path, errors="replace") as f:
        for line in f:
            if line.startswith("Linker script and memory map"):
                in_memory_map = True
                continue
            if not in_memory_map:
                continue
            stripped = line.rstrip("\n")
            # Long section names wrap: the name alone on one line, address/size/file on the next.
            if re.match(r"^ (\.\S+)$", stripped):
                pending_name = stripped.strip()
                continue
            m = SECTION_RE.match(stripped)
            if not m:
                pending_name = None
                continue
            name = m.group(1) or pending_name or ""
            pending_name = None
            size, origin = int(m.group(3), 16), m.group(4)
            if size == 0 or not name.startswith(LOADED):
                continue
            lib = re.search(r"/lib([^/()]+)\.a\(", origin)
            key = lib.group(1) if lib else "other"
            sizes[key] = sizes.get(key, 0) + size
    return sizes
