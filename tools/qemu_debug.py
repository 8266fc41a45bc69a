#!/usr/bin/python3
"""Debugs a firmware on a virtual board: starts QEMU halted with a gdb stub on localhost and attaches
gdb-multiarch to it (symbols from the ELF, a breakpoint on main). Quit gdb to end both.
  tools/qemu_debug.py --machine mps2-an500 --elf build/<preset>/app/strata-<model>-<kernels>.elf
With --no-gdb it only starts QEMU and prints the command to attach from another terminal or an IDE.
"""
import argparse
import shutil
import subprocess
import sys


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--machine", required=True)
    p.add_argument("--elf", required=True)
    p.add_argument("--port", type=int, default=1234)
    p.add_argument("--no-gdb", action="store_true")
    args = p.parse_args()
    qemu = shutil.which("qemu-system-arm")
    gdb = shutil.which("gdb-multiarch")
    if not qemu:
        sys.exit("qemu_debug: qemu-system-arm not found (Debian package qemu-system-arm)")
    if not gdb and not args.no_gdb:
        sys.exit("qemu_debug: gdb-multiarch not found (Debian package gdb-multiarch)")
    qemu_cmd = [qemu, "-machine", args.machine, "-display", "none", "-monitor", "none",
                "-serial", "tcp:127.0.0.1:4444,server=on,wait=off", "-semihosting-config",
                "enable=on,target=native", "-kernel", args.elf, "-S", "-gdb", f"tcp:127.0.0.1:{args.port}"]
    print("console: connect a terminal to 127.0.0.1:4444 (e.g. `nc 127.0.0.1 4444`)")
    attach = f"{gdb or 'gdb-multiarch'} {args.elf} -ex 'target remote 127.0.0.1:{args.port}'"
    with subprocess.Popen(qemu_cmd) as qemu_proc:
        if args.no_gdb:
            print(f"QEMU waits for gdb: {attach}")
            return qemu_proc.wait()
        try:
            return subprocess.call([gdb, args.elf, "-ex", f"target remote 127.0.0.1:{args.port}",
                                    "-ex", "break main", "-ex", "continue"])
        finally:
            qemu_proc.terminate()


if __name__ == "__main__":
    sys.exit(main())
