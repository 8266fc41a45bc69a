#!/usr/bin/python3
"""Flashes a Teensy 4.0 with teensy_loader_cli (the `flash` targets of a teensy40 build tree).

Runs `teensy_loader_cli --mcu=TEENSY40 -w -v <firmware.hex>`: it waits until the board is in its
HalfKay bootloader (press the button on the Teensy), writes the image and reboots it. Exits with a
clear message, naming the Debian package, when the tool is missing.
"""
import os
import shutil
import subprocess
import sys

TOOL = "teensy_loader_cli"


def main():
    if len(sys.argv) != 2:
        print(f"usage: {os.path.basename(sys.argv[0])} <firmware.hex>", file=sys.stderr)
        return 2
    hex_file = sys.argv[1]
    if not os.path.isfile(hex_file):
        print(f"teensy_flash: {hex_file} does not exist (build the firmware first)",
              file=sys.stderr)
        return 1
    tool = shutil.which(TOOL)
    if not tool:
        print(f"teensy_flash: {TOOL} not found on PATH.\n"
              f"  Install it with: sudo apt-get install teensy-loader-cli  (Debian/Ubuntu)\n"
              f"  or build it from PJRC's teensy_loader_cli sources; on Linux also install PJRC's\n"
              f"  udev rules (00-teensy.rules) to flash without root.", file=sys.stderr)
        return 1
    command = [tool, "--mcu=TEENSY40", "-w", "-v", hex_file]
    print("teensy_flash: " + " ".join(command))
    print("teensy_flash: press the button on the Teensy 4.0 if it is not in the bootloader yet")
    return subprocess.call(command)


if __name__ == "__main__":
    sys.exit(main())
