#!/usr/bin/python3
"""Debugs a firmware on a virtual board: starts QEMU halted with a gdb stub on localhost and attaches
gdb-multiarch to it (symbols from the ELF, a breakpoint on main). Quit gdb to end both.
  tools/qemu_debug.py --machine mps2-an500 --elf build/<preset>/app/strata-<model>-<kernels>.elf
With --no-gdb it only starts QEMU and prints the command to attach from another terminal or an IDE.

Instruction counting is on as in the tests (-icount shift=6,sleep=off), so the counts the shell prints
are executed instructions, the figures of the tests and BENCHMARKS.md. The console is a TCP port on
localhost (gdb has this terminal); QEMU never outlives this program (tools/qemu_process.py).
"""
import argparse
import os
import shutil
import signal
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qemu_process  # noqa: E402


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--machine", required=True)
    p.add_argument("--elf", required=True)
    p.add_argument("--port", type=int, default=1234, help="gdb stub port")
    p.add_argument("--console-port", type=int, default=4444, help="console TCP port")
    p.add_argument("--no-gdb", action="store_true")
    args = p.parse_args()
    if not os.path.isfile(args.elf):
        sys.exit(f"qemu_debug: firmware {args.elf} does not exist (build it first)")
    gdb = shutil.which("gdb-multiarch")
    if not gdb and not args.no_gdb:
        sys.exit("qemu_debug: gdb-multiarch not found: install Debian package gdb-multiarch")
    console = f"tcp:127.0.0.1:{args.console_port},server=on,wait=off"
    qemu_cmd = qemu_process.board_command("qemu_debug", args.machine, args.elf, console)
    qemu_cmd += ["-S", "-gdb", f"tcp:127.0.0.1:{args.port}"]
    print(f"qemu_debug: counting instructions (-icount shift=6,sleep=off). Console: from another "
          f"terminal, /usr/bin/python3 -m serial.tools.miniterm --echo --eol CR "
          f"socket://127.0.0.1:{args.console_port} (Ctrl-] quits; Debian package python3-serial)",
          flush=True)
    attach = f"{gdb or 'gdb-multiarch'} {args.elf} -ex 'target remote 127.0.0.1:{args.port}'"
    # A session of its own: Ctrl-C in gdb interrupts the target instead of killing QEMU.
    qemu = qemu_process.popen_tied(qemu_cmd, start_new_session=True)
    try:
        if args.no_gdb:
            print(f"qemu_debug: QEMU waits for gdb: {attach} (Ctrl-C ends it)", flush=True)
            try:
                return qemu.wait()
            except KeyboardInterrupt:
                return 0
        # Ctrl-C belongs to gdb while it runs (a handler, not SIG_IGN: gdb must not inherit it).
        signal.signal(signal.SIGINT, lambda *_: None)
        return subprocess.call([gdb, args.elf, "-ex", f"target remote 127.0.0.1:{args.port}",
                                "-ex", "break main", "-ex", "continue"])
    finally:
        qemu_process.stop(qemu)


if __name__ == "__main__":
    sys.exit(main())
