#!/usr/bin/python3
"""Prints where a Teensy 4.0 firmware's parts landed after the link: the FlexRAM split, the fast
code in ITCM, the arena and the model weights (DTCM, OCRAM or flash) and the bytes of each memory,
plus one machine-readable `@placement` line. Run after every link of a teensy40 firmware; it is the
memory usage of a Teensy build (the linker's --print-memory-usage table is off for this board: it
does not count the arena and weights, which the linker script places by address).
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import teensy_image  # noqa: E402


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("elf")
    args = p.parse_args()
    image = teensy_image.Image(args.elf)
    parts, totals, (itcm_banks, dtcm_banks) = teensy_image.placement(image)
    print(f"placement: {os.path.basename(args.elf)}")
    print(f"  FlexRAM    {itcm_banks} ITCM + {dtcm_banks} DTCM banks of 32 KB")
    for name, (region, address, size) in parts.items():
        if size:
            print(f"  {name:<10} {region or '?':<6} 0x{address:08x} {size:>9,} bytes")
    print("  totals     " + ", ".join(f"{name} {size:,}" for name, size in totals.items()))
    # The size report's "flash used" adds section sizes; the loader writes the whole span, with the
    # boot headers' padding and the alignment gaps: say which figure this is.
    print("  (flash: the image's span from 0x60000000, padding included; the bytes the loader writes)")
    fields = [f"itcm_banks={itcm_banks}", f"dtcm_banks={dtcm_banks}"]
    fields += [f"{name.replace(' ', '_')}={region or 'none'}:{size}"
               for name, (region, _, size) in parts.items()]
    fields += [f"{name.lower()}_bytes={size}" for name, size in totals.items()]
    print("@placement " + " ".join(fields))
    return 0


if __name__ == "__main__":
    sys.exit(main())
