#!/usr/bin/python3
"""Tests bsp/stm32f7/tools/stlink_tool.py without a board: with an empty PATH every action must stop
with a message naming the Debian package (exit 2, nothing run); with stand-in tools on PATH, --dry-run
must print the documented command lines (st-flash at 0x08000000, OpenOCD's DISCO config, st-util on
port 4242, gdb-multiarch attaching to it); an image larger than the flash and a missing file are
refused; `debug` with no GDB server listening stops at once saying to start `gdbserver`, and a GDB
server that finds no ST-LINK is followed by what to connect.
Usage: stlink_tool_test.py <path to stlink_tool.py>
"""
import os
import socket
import subprocess
import sys
import tempfile
import time


def run(tool, args, path):
    env = dict(os.environ, PATH=path)
    return subprocess.run([sys.executable, tool] + args, capture_output=True, text=True, env=env)


def main():
    tool = sys.argv[1]
    failures = []

    def expect(condition, what):
        if not condition:
            failures.append(what)

    with tempfile.TemporaryDirectory() as tmp:
        elf, image, big = (os.path.join(tmp, n) for n in ("fw.elf", "fw.bin", "big.bin"))
        for path, size in ((elf, 64), (image, 1024), (big, 1024 * 1024 + 1)):
            with open(path, "wb") as f:
                f.write(bytes(size))
        empty = os.path.join(tmp, "empty")
        os.mkdir(empty)
        cases = [(["flash", "--bin", image], "stlink-tools"),
                 (["flash-openocd", "--elf", elf], "openocd"),
                 (["gdbserver"], "stlink-tools"),
                 (["debug", "--elf", elf], "gdb-multiarch")]
        for args, package in cases:
            result = run(tool, args, empty)
            expect(result.returncode == 2, f"{args[0]} without tools: exit {result.returncode}")
            expect(f"apt install {package}" in result.stderr, f"{args[0]}: no package in {result.stderr!r}")

        fake = os.path.join(tmp, "bin")
        os.mkdir(fake)
        for name in ("st-flash", "st-util", "openocd", "gdb-multiarch"):
            with open(os.path.join(fake, name), "w") as f:
                f.write("#!/bin/sh\nexit 0\n")
            os.chmod(os.path.join(fake, name), 0o755)
        out = run(tool, ["flash", "--bin", image, "--dry-run"], fake).stdout
        expect(f"st-flash --reset write {image} 0x08000000" in out, f"flash command: {out!r}")
        out = run(tool, ["flash-openocd", "--elf", elf, "--dry-run"], fake).stdout
        expect("board/stm32f7" in out and f"program {elf} verify reset exit" in out, f"openocd: {out!r}")
        out = run(tool, ["gdbserver", "--dry-run"], fake).stdout
        expect("st-util --multi --listen_port 4242" in out, f"gdbserver: {out!r}")
        out = run(tool, ["debug", "--elf", elf, "--dry-run"], fake).stdout
        expect("target extended-remote localhost:4242" in out, f"debug: {out!r}")
        result = run(tool, ["flash", "--bin", big, "--dry-run"], fake)
        expect(result.returncode == 2 and "more than" in result.stderr, "oversized image accepted")
        result = run(tool, ["flash", "--bin", os.path.join(tmp, "none.bin")], fake)
        expect(result.returncode == 2 and "build the firmware" in result.stderr, "missing image accepted")

        with socket.socket() as s:  # a port nothing listens on
            s.bind(("127.0.0.1", 0))
            port = str(s.getsockname()[1])
        start = time.monotonic()
        result = run(tool, ["debug", "--elf", elf, "--gdb-port", port, "--tree", "build/x"], fake)
        expect(result.returncode == 2 and "no GDB server listens on localhost:" + port in result.stderr
               and "cmake --build build/x --target gdbserver" in result.stderr,
               f"debug without a server: {result.returncode} {result.stderr!r}")
        expect(time.monotonic() - start < 5, "debug without a server did not stop at once")
        with open(os.path.join(fake, "st-util"), "w") as f:  # as st-util without a board: exit 1
            f.write("#!/bin/sh\necho 'WARN usb.c: no ST-Link devices' >&2\nexit 1\n")
        result = run(tool, ["gdbserver"], fake)
        expect(result.returncode == 1 and "ST-LINK connected by USB" in result.stderr,
               f"gdbserver without an ST-LINK: {result.returncode} {result.stderr!r}")

    for failure in failures:
        print(f"FAIL {failure}")
    print(f"stlink_tool_test: {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
