#!/usr/bin/python3
"""Self-test of the Teensy 4.0 ELF/HEX checker: each check passes on a good input and fails on a
broken one, so a green ELF check means something."""
import os
import struct
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_teensy_image as c  # noqa: E402
import intel_hex  # noqa: E402
import link_map  # noqa: E402


def good_fcfb():
    b = bytearray(512)
    struct.pack_into("<II", b, 0, 0x42464346, 0x56010000)
    struct.pack_into("<I", b, 0x0C, 0x00020101)
    struct.pack_into("<I", b, 0x44, 0x01060401)
    struct.pack_into("<I", b, 0x50, 0x00200000)
    struct.pack_into("<III", b, 0x80, 0x0A1804EB, 0x32041EFF, 0x00002601)
    struct.pack_into("<II", b, 0x1C0, 256, 4096)
    struct.pack_into("<I", b, 0x1D0, 65536)
    return b


def record(kind, address, data):
    raw = bytes([len(data), address >> 8 & 0xFF, address & 0xFF, kind]) + bytes(data)
    return ":" + (raw + bytes([-sum(raw) & 0xFF])).hex().upper()


def hex_file(data, base=0x60000000, entry=0x60002001, eof=True):
    lines = [record(4, 0, [base >> 24, base >> 16 & 0xFF])]
    lines.append(record(0, base & 0xFFFF, data))
    lines.append(record(5, 0, list(entry.to_bytes(4, "big"))))
    if eof:
        lines.append(record(1, 0, []))
    return "\n".join(lines) + "\n"


class FcfbTest(unittest.TestCase):
    def test_good_block_passes(self):
        self.assertEqual(c.check_fcfb(good_fcfb()), [])

    def test_wrong_tag_fails(self):
        b = good_fcfb()
        b[0] = 0
        self.assertTrue(any("tag" in e for e in c.check_fcfb(b)))

    def test_read_sequence_must_be_quad_read(self):
        b = good_fcfb()
        struct.pack_into("<I", b, 0x80, 0x0A18040B)  # 0x0B instead of 0xEB
        self.assertTrue(c.check_fcfb(b))
        b = good_fcfb()
        struct.pack_into("<I", b, 0x88, 0x24012601)  # READ then READ: no STOP in reach
        struct.pack_into("<I", b, 0x8C, 0x24012401)
        self.assertTrue(c.check_fcfb(b))

    def test_sizes_are_checked(self):
        b = good_fcfb()
        struct.pack_into("<I", b, 0x50, 0x00800000)  # Teensy 4.1's 8 MB
        self.assertTrue(c.check_fcfb(b))
        self.assertTrue(c.check_fcfb(b[:256]))


class IvtAndBootDataTest(unittest.TestCase):
    good = [0x432000D1, 0x60002001, 0, 0, 0x60001020, 0x60001000, 0, 0]

    def test_good_ivt_passes(self):
        self.assertEqual(c.check_ivt(self.good, 0x60001020, 0x60002000), [])

    def test_each_broken_field_fails(self):
        for index, value in ((0, 0x502000D1), (1, 0x60002000), (1, 0x00000021), (3, 0x60003000),
                             (4, 0x60001030), (5, 0x60000000)):
            words = list(self.good)
            words[index] = value
            self.assertTrue(c.check_ivt(words, 0x60001020, 0x60002000), (index, hex(value)))

    def test_boot_data_must_cover_the_image(self):
        self.assertEqual(c.check_boot_data([0x60000000, 0x5000, 0], 0x60005000), [])
        self.assertTrue(c.check_boot_data([0x60000000, 0x4FFF, 0], 0x60005000))
        self.assertTrue(c.check_boot_data([0x60001000, 0x5000, 0], 0x60005000))

    def test_vector_table(self):
        self.assertEqual(c.check_vector_table([0x20208020, 0x60002101], 0x60001400, 0x60002100), [])
        self.assertTrue(c.check_vector_table([0x60000000, 0x60002101], 0x60001400, None))
        self.assertTrue(c.check_vector_table([0x20208020, 0x60002100], 0x60001400, None))
        self.assertTrue(c.check_vector_table([0x20208020, 0x60002101], 0x60001410, None))


class PlacementTest(unittest.TestCase):
    kernel = (".text._ZN6strata7kernels3addEv", 0x100, 0x40,
              "/tmp/b/libstrata_kernels_reference.a(add.cpp.obj)")

    def test_flexram_banks(self):
        self.assertEqual(c.check_flexram(0x8020, 2, 14, 0x20010000), [])
        self.assertTrue(c.check_flexram(0x8020, 1, 15, 0x20010000))
        self.assertTrue(c.check_flexram(0x8020, 2, 13, 0x20010000))
        self.assertTrue(c.check_flexram(0x8020, 2, 14, 0x20070001))

    def test_hot_path_in_itcm_or_flash(self):
        in_flash = (self.kernel[0], 0x60010000, 0x40, self.kernel[3])
        self.assertEqual(c.check_hot_path([self.kernel], [], "itcm"), ([], 1))
        self.assertTrue(c.check_hot_path([in_flash], [], "itcm")[0])
        self.assertEqual(c.check_hot_path([in_flash], [], "xip")[0], [])
        self.assertTrue(c.check_hot_path([], [("strata::kernels::x()", 0x60010000)], "itcm")[0])
        self.assertTrue(c.check_hot_path([], [("strata::Interpreter::Invoke()", 0x40)], "xip")[0])

    def test_boot_path_stays_in_flash(self):
        startup = (".text.Reset_Handler", 0x60001448, 0x30,
                   "bsp/cortex_m/CMakeFiles/strata_cortex_m.dir/startup.cpp.obj")
        memcpy = (".text.memcpy", 0x200, 0x40, "/usr/lib/arm-none-eabi/lib/libc_nano.a(memcpy.o)")
        self.assertEqual(c.check_boot_path([startup, self.kernel]), [])
        self.assertTrue(c.check_boot_path([(startup[0], 0x100, 0x30, startup[3])]))
        self.assertTrue(c.check_boot_path([memcpy]))

    def layout(self, arena, weights):
        return {"dtcm_fixed_end": 0x20001000, "dtcm_limit": 0x20070000,
                "ocram_fixed_end": 0x20208040, "arena": arena, "weights": weights}

    def test_arena_goes_to_dtcm_when_it_fits(self):
        ok = self.layout((0x20001000, 40000), (0, 0, 0))
        self.assertEqual(c.check_data_placement(ok, "auto", "auto"), [])
        wrong = self.layout((0x20208040, 40000), (0, 0, 0))
        self.assertTrue(c.check_data_placement(wrong, "auto", "auto"))
        self.assertEqual(c.check_data_placement(wrong, "ocram", "auto"), [])

    def test_weights_follow_the_policy(self):
        in_dtcm = self.layout((0x20001000, 16), (0x20001010, 0x60010000, 100000))
        self.assertEqual(c.check_data_placement(in_dtcm, "auto", "auto"), [])
        in_flash = self.layout((0x20001000, 16), (0x60010000, 0x60010000, 100000))
        self.assertTrue(c.check_data_placement(in_flash, "auto", "auto"))
        self.assertEqual(c.check_data_placement(in_flash, "auto", "flash"), [])
        moved = self.layout((0x20001000, 16), (0x60020000, 0x60010000, 100000))
        self.assertTrue(c.check_data_placement(moved, "auto", "flash"))


class IntelHexTest(unittest.TestCase):
    data = list(b"FCFB") + [1, 2, 3, 4]
    loaded = {0x60000000 + i: b for i, b in enumerate(data)}

    def check(self, text, loaded=None):
        return intel_hex.check(text, 0x60000000, 1984 * 1024, loaded or self.loaded, 0x60002001)

    def test_good_file_passes(self):
        self.assertEqual(self.check(hex_file(self.data)), [])

    def test_broken_files_fail(self):
        good = hex_file(self.data)
        bad_sum = good.replace(good.splitlines()[1], good.splitlines()[1][:-2] + "00")
        self.assertTrue(self.check(bad_sum))
        self.assertTrue(self.check(hex_file(self.data, base=0x00000000)))
        self.assertTrue(self.check(hex_file(self.data, eof=False)))
        self.assertTrue(self.check(hex_file(self.data, entry=0x60001000)))
        segment = record(2, 0, [0, 0]) + "\n:00000001FF"
        self.assertTrue(self.check(good.replace(":00000001FF", segment)))
        self.assertTrue(self.check(good, {**self.loaded, 0x60000008: 0}))


class MapAndCopyTableTest(unittest.TestCase):
    def test_map_lines_both_layouts(self):
        text = ("Linker script and memory map\n"
                " .text.short    0x00000020       0x10 /tmp/b/libstrata_runtime.a(a.o)\n"
                " .text._ZN6strata11Interpreter6InvokeEv\n"
                "                0x00000030       0x44 /tmp/b/libstrata_runtime.a(i.o)\n"
                "                0x00000030                strata::Interpreter::Invoke()\n")
        self.assertEqual(link_map.input_sections(text), [
            (".text.short", 0x20, 0x10, "/tmp/b/libstrata_runtime.a(a.o)"),
            (".text._ZN6strata11Interpreter6InvokeEv", 0x30, 0x44,
             "/tmp/b/libstrata_runtime.a(i.o)")])

    def test_copy_table_must_match_sections(self):
        class S:
            def __init__(self, name, vma, lma, size):
                self.name, self.vma, self.lma, self.size, self.loaded = name, vma, lma, size, True
        data = S(".data", 0x20000000, 0x60003000, 0x100)
        self.assertEqual(c.check_copy_table([0x60003000, 0x20000000, 0x100], [data], 0x60004000),
                         [])
        self.assertTrue(c.check_copy_table([0x60003000, 0x20000000, 0x80], [data], 0x60004000))
        self.assertTrue(c.check_copy_table([], [data], 0x60004000))


if __name__ == "__main__":
    unittest.main()
