#!/usr/bin/python3
"""Flashes and debugs the STM32F746G-DISCO through its on-board ST-LINK (USB connector CN14).

Subcommands (the build's flash / flash-openocd / gdbserver / debug targets run them):
  flash --bin F          st-flash --reset write F 0x08000000   (st-flash's manual: the .bin goes to
                         the AXIM flash address; the board boots it through the ITCM alias by
                         default)
  flash-openocd --elf F  openocd -f board/stm32f746g-disco.cfg -c "program F verify reset exit"
  gdbserver              st-util --multi (GDB server on port 4242; Ctrl-C stops it)
  debug --elf F          gdb-multiarch F, connected to localhost:4242, loads F (start `gdbserver` first)
A missing tool stops with the Debian package to install; `debug` checks first that a GDB server
listens (and says to start `gdbserver` if not), and a tool that finds no ST-LINK is followed by what
to connect. --dry-run prints the command instead of running it.
"""
import argparse
import os
import shutil
import socket
import subprocess
import sys

FLASH_ADDRESS = "0x08000000"
FLASH_SIZE = 1024 * 1024
GDB_PORT = 4242
NO_STLINK = ("Is the board's ST-LINK connected by USB (CN14) and no other debugger session running? "
             "`lsusb` lists it as 0483:374b (ST-LINK/V2.1); without root, the udev rules of "
             "stlink-tools must be installed.")
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
        return [require("st-util"), "--multi", "--listen_port", str(args.gdb_port)]
    require_file(args.elf, "firmware ELF")
    # `load` writes the ELF through the server and sets PC to its entry: `continue` runs it.
    return [require("gdb-multiarch"), args.elf, "-ex",
            f"target extended-remote localhost:{args.gdb_port}", "-ex", "load"]


def require_gdb_server(port, tree):
    """Fails at once, saying what to start, when nothing listens on the GDB server port (gdb
    itself would wait for a TCP timeout and then print only "Connection timed out")."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1.0):
            return
    except OSError:
        fail(f"no GDB server listens on localhost:{port}. Start it first, in another terminal: "
             f"cmake --build {tree or '<this build tree>'} --target gdbserver (st-util, Debian package "
             f"stlink-tools; the board's ST-LINK USB connected), then run debug again.")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["flash", "flash-openocd", "gdbserver", "debug"])
    parser.add_argument("--bin", help="firmware .bin (flash)")
    parser.add_argument("--elf", help="firmware .elf (flash-openocd, debug)")
    parser.add_argument("--gdb-port", type=int, default=GDB_PORT, help="GDB server port (4242)")
    parser.add_argument("--tree", help="the build tree, named in hints")
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
    if args.action == "debug":
        require_gdb_server(args.gdb_port, args.tree)
    try:
        result = subprocess.run(command)
    except KeyboardInterrupt:  # Ctrl-C stops the GDB server: the normal way out of it
        return 0
    if result.returncode != 0 and args.action != "debug":
        what = "flashing" if args.action.startswith("flash") else "the GDB server"
        print(f"stlink_tool: {what} failed. {NO_STLINK}", file=sys.stderr)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
