#!/usr/bin/python3
"""Flashes and debugs the STM32F746G-DISCO through its on-board ST-LINK (USB connector CN14).

Subcommands (the build's flash / flash-openocd / gdbserver / debug targets run them):
  flash --bin F          st-flash --reset write F 0x08000000   (st-flash's manual: the .bin goes to
                         the AXIM flash address; the board boots it through the ITCM alias by
                         default)
  flash-openocd --elf F  openocd -f board/stm32f746g-disco.cfg -c "program F verify reset exit"
  gdbserver              st-util --multi (GDB server on port 4242; Ctrl-C stops it)
  debug --elf F          gdb-multiarch F, connected to localhost:4242, loads F (start `gdbserver` first)
A missing tool stops with the Debian package to install; --dry-run prints the command instead of
running it.
"""
import argparse
import os
import shutil
import subprocess
import sys

FLASH_ADDRESS = "0x08000000"
FLASH_SIZE = 1024 * 1024
GDB_PORT = 4242
# tool -> Debian package that provides it
PACKAGES = {"st-flash": "stlink-tools", "st-util": "stlink-tools", "openocd": "openocd",
            "gdb-multiarch": "gdb-multiarch"}
# OpenOCD >= 0.11 has the DISCO's own config; 0.10 only the older generic one.
OPENOCD_CONFIGS = ["board/stm32f746g-disco.cfg", "board/stm32f7discovery.cfg"]


def fail(message):
    print(f"stlink_tool: {message}", file=sys.stderr)
    sys.exit(2)


def require(tool):
    path = shutil.which(tool)
    if not path:
        fail(f"'{tool}' was not found on PATH. Install it with: sudo apt install {PACKAGES[tool]}")
    return path


def require_file(path, what):
    if not os.path.isfile(path):
        fail(f"{what} '{path}' does not exist: build the firmware first")


def openocd_config(openocd):
    """The first board config this OpenOCD installation ships."""
    for root in ("/usr/share/openocd/scripts", "/usr/local/share/openocd/scripts"):
        for config in OPENOCD_CONFIGS:
            if os.path.isfile(os.path.join(root, config)):
                return config
    return OPENOCD_CONFIGS[0]


def command_for(args):
    if args.action == "flash":
        require_file(args.bin, "firmware image")
        size = os.path.getsize(args.bin)
        if size > FLASH_SIZE:
            fail(f"{args.bin} is {size} bytes, more than the {FLASH_SIZE}-byte flash")
        return [require("st-flash"), "--reset", "write", args.bin, FLASH_ADDRESS]
    if args.action == "flash-openocd":
        require_file(args.elf, "firmware ELF")
        openocd = require("openocd")
        return [openocd, "-f", openocd_config(openocd), "-c", f"program {args.elf} verify reset exit"]
    if args.action == "gdbserver":
        # --multi: keep serving after GDB disconnects, so `debug` can be run again.
        return [require("st-util"), "--multi", "--listen_port", str(GDB_PORT)]
    require_file(args.elf, "firmware ELF")
    # `load` writes the ELF through the server and sets PC to its entry: `continue` runs it.
    return [require("gdb-multiarch"), args.elf, "-ex", f"target extended-remote localhost:{GDB_PORT}",
            "-ex", "load"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["flash", "flash-openocd", "gdbserver", "debug"])
    parser.add_argument("--bin", help="firmware .bin (flash)")
    parser.add_argument("--elf", help="firmware .elf (flash-openocd, debug)")
    parser.add_argument("--dry-run", action="store_true", help="print the command, do not run it")
    args = parser.parse_args()
    if args.action == "flash" and not args.bin:
        parser.error("flash needs --bin")
    if args.action in ("flash-openocd", "debug") and not args.elf:
        parser.error(f"{args.action} needs --elf")
    command = command_for(args)
    print(" ".join(command), flush=True)
    if args.dry_run:
        return 0
    result = subprocess.run(command)
    if result.returncode != 0 and args.action in ("flash", "flash-openocd"):
        print("stlink_tool: flashing failed. Is the board connected by USB (CN14, ST-LINK) and "
              "no other debugger session running?", file=sys.stderr)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
