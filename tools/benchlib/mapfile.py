"""Flash bytes per library from a GNU ld map file: sums the input sections each archive (or, for object
files linked directly, each CMake target) contributes to the output sections loaded into flash (code,
constants, initialised data)."""
import re

# e.g. " .text.foo  0x08001234  0x58 .../libstrata_runtime.a(model.cpp.obj)"
SECTION_RE = re.compile(r"^\s*(\.\S+)?\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S+)$")
# Output sections with contents in flash. Only these count: `.ARM.attributes`, `.comment` and the
# debug sections are in the ELF file but never loaded, `.bss`-like sections take RAM only.
LOADED = (".text", ".rodata", ".data", ".fast_code", ".fast_data", ".isr_vector", ".ARM.exidx",
          ".ARM.extab", ".init_array", ".preinit_array")
# e.g. "app/CMakeFiles/strata-mnist-int8-reference.dir/main.cpp.obj": an object of target
# strata-mnist-int8-reference, linked without an archive.
TARGET_OBJECT_RE = re.compile(r"CMakeFiles/([^/]+)\.dir/")


def owner(origin):
    """The library (archive name without `lib`/`.a`) or CMake target an input file belongs to."""
    lib = re.search(r"/lib([^/()]+)\.a\(", origin)
    if lib:
        return lib.group(1)
    target = TARGET_OBJECT_RE.search(origin)
    return target.group(1) if target else "other"


def bytes_per_library(map_path):
    sizes = {}
    output_loaded = False
    in_memory_map = False
    with open(map_path, errors="replace") as f:
        for line in f:
            if line.startswith("Linker script and memory map"):
                in_memory_map = True
                continue
            if not in_memory_map:
                continue
            stripped = line.rstrip("\n")
            # An output section starts in column 0; its input sections are indented.
            output = re.match(r"^(\.\S+)", stripped)
            if output:
                output_loaded = output.group(1) in LOADED
                continue
            # Long input section names wrap: the name alone on one line (skipped here, the owner is
            # what counts), address/size/file on the next.
            m = SECTION_RE.match(stripped)
            if not m:
                continue
            size, origin = int(m.group(3), 16), m.group(4)
            if size == 0 or not output_loaded:
                continue
            key = owner(origin)
            sizes[key] = sizes.get(key, 0) + size
    return sizes
