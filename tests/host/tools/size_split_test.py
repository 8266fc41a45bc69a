#!/usr/bin/python3
"""tools/size_report.py's flash split on a small hand-written GNU ld map file: only sections loaded into
flash count (never .ARM.attributes, .comment, debug or RAM-only sections), wrapped section names are
read, objects linked without an archive are owned by their CMake target, the firmware's own objects
are the app's."""
import os
import sys
import tempfile
import unittest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import size_report  # noqa: E402
from benchlib import mapfile  # noqa: E402

RT = "middleware/libstrata_runtime.a(model.cpp.obj)"
KR = "middleware/kernels/libstrata_kernels_reference.a(conv_2d.cpp.obj)"
MAP = f"""Archive member included to satisfy reference by file (symbol)

Discarded input sections

 .text.unused   0x00000000       0x99 {RT}

Memory Configuration

Linker script and memory map

.isr_vector     0x00000000       0x40
 .isr_vector    0x00000000       0x40 bsp/cortex_m/CMakeFiles/strata_cortex_m.dir/startup.cpp.obj
.text           0x00000040      0x200
 .text._ZN6strata5Model4LoadEPKvjPS0_
                0x00000040      0x100 {RT}
                0x00000040                strata::Model::Load(void const*, unsigned int, strata::Model*)
 .rodata.str1.1
                0x00000140       0x20 {RT}
 .text.conv     0x00000160       0x30 {KR}
 .text.main     0x00000190       0x10 app/CMakeFiles/strata-mnist-int8-reference.dir/main.cpp.obj
 .text.board    0x000001a0        0x8 bsp/soc/CMakeFiles/strata_board_mps2.dir/mps2_board.cpp.obj
 .text.memcpy   0x000001a8        0x4 /usr/lib/arm-none-eabi/newlib/thumb/v7e-m+fp/hard/libg_nano.a(lib_a-memcpy.o)
 *fill*         0x000001ac        0x2
.ARM.exidx      0x00000240        0x8
 .ARM.exidx     0x00000240        0x8 {KR}
.data           0x20000000        0x4 load address 0x00000248
 .data.x        0x20000000        0x4 {RT}
.bss            0x20000004       0x40 load address 0x0000024c
 .bss.y         0x20000004       0x40 {RT}
.comment        0x00000000       0x26
 .comment       0x00000000       0x26 {RT}
.ARM.attributes
                0x00000000       0x30
 .ARM.attributes
                0x00000000       0x34 {RT}
 .ARM.attributes
                0x00000034       0x34 {KR}
.debug_info     0x00000000      0x500
 .debug_info    0x00000000      0x500 {RT}
"""


class SizeSplitTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.map = os.path.join(self.dir.name, "strata-mnist-int8-reference.map")
        with open(self.map, "w") as f:
            f.write(MAP)

    def tearDown(self):
        self.dir.cleanup()

    def test_only_loaded_sections_count(self):
        sizes = mapfile.bytes_per_library(self.map)
        # code 0x100 + wrapped strings 0x20 + initialised data 0x4; not .bss, .comment, .ARM.attributes,
        # debug info or the discarded section
        self.assertEqual(sizes["strata_runtime"], 0x100 + 0x20 + 0x4)
        self.assertEqual(sizes["strata_kernels_reference"], 0x30 + 0x8)  # code + unwind index

    def test_objects_without_archive_belong_to_their_target(self):
        sizes = mapfile.bytes_per_library(self.map)
        self.assertEqual(sizes["strata-mnist-int8-reference"], 0x10)
        self.assertEqual(sizes["strata_board_mps2"], 0x8)
        self.assertEqual(sizes["strata_cortex_m"], 0x40)
        self.assertEqual(sizes["g_nano"], 0x4)
        self.assertNotIn("other", sizes)

    def test_parts(self):
        parts = size_report.library_groups(self.map, "strata-mnist-int8-reference")
        self.assertEqual(parts, {"runtime": 0x124, "kernels": 0x38, "app": 0x10, "bsp": 0x48,
                                 "libc/libgcc": 0x4})
        # without the executable's name its objects are not the app's
        self.assertEqual(size_report.library_groups(self.map)["other"], 0x10)

    def test_levels_are_described_most_used_first(self):
        levels = {"-O2": ["../../middleware/src/interpreter/interpreter.cpp"],
                  "-Os": [f"../../middleware/src/x{i}.cpp" for i in range(5)]}
        self.assertEqual(size_report.describe_levels(levels), "-Os (5 files), -O2 (interpreter.cpp)")


if __name__ == "__main__":
    unittest.main()
