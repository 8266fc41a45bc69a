#!/usr/bin/python3
"""Flashes (or debugs) a Strata firmware on an STM32F4 board through its ST-LINK.

  st-flash:  writes <firmware>.bin at 0x08000000 and resets (Debian package stlink-tools)
  openocd:   programs <firmware>.elf, verifies and resets with the board's OpenOCD config (openocd)
  debug:     starts OpenOCD as GDB server and attaches gdb-multiarch to <firmware>.elf (openocd,
             gdb-multiarch)

Each tool is looked up first: a missing one is reported with the Debian package that provides it
(exit code 2) instead of a cryptic shell error. --dry-run prints the commands without running them.
Flash commands: st-flash's manual (st-flash write <bin> 0x8000000) and OpenOCD's board configs.
"""
import argparse
import os
import shutil
import socket
import subprocess
import sys
import time

FLASH_BASE = "0x08000000"
NO_STLINK = ("is the board's ST-LINK connected over USB (lsusb lists it as 0483:3748 or 0483:374b), "
             "the board powered, and no other debugger session running?")
PACKAGES = {"st-flash": "stlink-tools", "openocd": "openocd", "gdb-multiarch": "gdb-multiarch"}


def find_tool(name):
    path = shutil.which(name)
    if not path:
        print(f"stm32f4_flash: '{name}' not found. Install it with: "
              f"sudo apt-get install {PACKAGES[name]}  (Debian package {PACKAGES[name]})",
              file=sys.stderr)
        sys.exit(2)
    return path


def require_file(path, what):
    if not os.path.isfile(path):
        print(f"stm32f4_flash: {what} {path} does not exist (build the firmware first)",
              file=sys.stderr)
        sys.exit(2)


def commands(args):
    """The command lines to run, in order (the last one may be a foreground debugger)."""
    if args.tool == "st-flash":
        require_file(args.bin, "binary")
        return [[find_tool("st-flash"), "--reset", "write", args.bin, FLASH_BASE]]
    require_file(args.elf, "ELF")
    openocd = [find_tool("openocd"), "-f", args.openocd_config]
    if args.tool == "openocd":
        return [openocd + ["-c", f"program {args.elf} verify reset exit"]]
    gdb = [find_tool("gdb-multiarch"), args.elf, "-ex", f"target extended-remote :{args.gdb_port}",
           "-ex", "monitor reset halt"]
    return [openocd + ["-c", f"gdb_port {args.gdb_port}"], gdb]


def wait_for_server(server, port, seconds=10.0):
    """True once the GDB server listens on `port`; False when it exits first (no probe found)."""
    deadline = time.monotonic() + seconds
    while server.poll() is None and time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.2)
    return server.poll() is None


def run(cmds, tool, port):
    if tool != "debug":
        return subprocess.call(cmds[0])
    server = subprocess.Popen(cmds[0])
    try:
        if not wait_for_server(server, port):
            print(f"stm32f4_flash: OpenOCD stopped before its GDB server started: {NO_STLINK}",
                  file=sys.stderr)
            return server.wait() or 1
        return subprocess.call(cmds[1])
    finally:
        server.terminate()
        server.wait()


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--tool", required=True, choices=["st-flash", "openocd", "debug"])
    p.add_argument("--bin", help="raw binary for st-flash (written at 0x08000000)")
    p.add_argument("--elf", help="ELF for OpenOCD and the debugger")
    p.add_argument("--openocd-config", default="board/stm32f4discovery.cfg")
    p.add_argument("--gdb-port", type=int, default=3333)
    p.add_argument("--dry-run", action="store_true", help="print the commands only")
    args = p.parse_args()
    if args.tool == "st-flash" and not args.bin:
        p.error("--tool st-flash needs --bin")
    if args.tool != "st-flash" and not args.elf:
        p.error(f"--tool {args.tool} needs --elf")
    cmds = commands(args)
    for cmd in cmds:
        print("stm32f4_flash: " + " ".join(cmd))
    if args.dry_run:
        return 0
    code = run(cmds, args.tool, args.gdb_port)
    if code != 0 and args.tool != "debug":
        print(f"stm32f4_flash: {os.path.basename(cmds[0][0])} failed (exit code {code}); "
              f"{NO_STLINK}", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
