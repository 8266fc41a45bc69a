#!/usr/bin/python3
"""Runs a Strata firmware on a QEMU virtual board: a test run it judges, or an interactive shell.

The console (first UART) is this program's stdin/stdout; semihosting carries the exit code back.
Instruction counting is on (-icount shift=6,sleep=off), so the board's cycle counter counts executed
instructions and every run is deterministic. QEMU dies with this program (tools/qemu_process.py).

--interactive (the `run-<firmware>` build targets): what you type goes to the firmware's shell as
you type it, echoed here (the firmware does not echo; tools/qemu_console.py); `exit [code]` in the
shell, Ctrl-A X, Ctrl-C or Ctrl-D ends the run. The exit code is the firmware's (0 when you quit).

Test runs, pass/fail: the QEMU exit code must equal --expect-exit, every --require regex must appear
in the output, no --forbid regex may appear, and with --markers the output must contain
STRATA-TEST-START and STRATA-TEST-DONE (a run cut short is a failure). A run past --timeout seconds
is killed and fails.
"""
import argparse
import os
import re
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qemu_console  # noqa: E402
import qemu_process  # noqa: E402

START_MARKER = "STRATA-TEST-START"
DONE_MARKER = "STRATA-TEST-DONE"


def qemu_command(args):
    cmd = qemu_process.board_command("qemu_run", args.machine, args.elf, args.serial,
                                     icount=not args.no_icount)
    if args.gdb:
        cmd += ["-S", "-gdb", f"tcp::{args.gdb}"]
    if args.plugin:
        cmd += ["-plugin", args.plugin]
    return cmd


READY_MARKERS = (b"> ", START_MARKER.encode())


def feed_input(proc, data, chunks, max_wait):
    """Types the input once the firmware shows it listens (its first prompt or test start marker; a
    UART drops bytes sent before it is enabled), or after max_wait seconds; keeps stdin open."""
    deadline = time.monotonic() + max_wait
    while time.monotonic() < deadline and proc.poll() is None:
        seen = b"".join(chunks)
        if any(marker in seen for marker in READY_MARKERS):
            break
        time.sleep(0.02)
    try:
        if data:
            proc.stdin.write(data)
            proc.stdin.flush()
    except (BrokenPipeError, ValueError):
        pass


def run(args):
    data = args.input.encode().decode("unicode_escape").encode("latin-1") if args.input else b""
    if args.input_file:
        with open(args.input_file, "rb") as f:
            data += f.read()
    proc = qemu_process.popen_tied(qemu_command(args), stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=args.cwd)
    chunks = []
    threading.Thread(target=feed_input, args=(proc, data, chunks, 10.0), daemon=True).start()

    def pump():
        for chunk in iter(lambda: proc.stdout.read1(4096), b""):
            chunks.append(chunk)
            if not args.quiet:
                sys.stdout.buffer.write(chunk)
                sys.stdout.flush()

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    try:
        code = proc.wait(timeout=args.timeout)
        timed_out = False
    except subprocess.TimeoutExpired:
        proc.kill()
        code = proc.wait()
        timed_out = True
    reader.join(timeout=5)
    return code, timed_out, b"".join(chunks).decode("utf-8", errors="replace")


def run_interactive(args):
    """The firmware's shell on this terminal; returns the firmware's exit code (0 on quit)."""
    print(f"qemu_run: {os.path.basename(args.elf)} on the virtual board {args.machine}; type "
          "`help`. `exit`, Ctrl-A X or Ctrl-C ends it.", file=sys.stderr, flush=True)
    proc = qemu_process.popen_tied(qemu_command(args), stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=args.cwd)
    try:
        quit_by_user = qemu_console.bridge(proc.stdin.fileno(), proc.stdout.fileno())
    finally:
        code = qemu_process.stop(proc)
    return 0 if quit_by_user else code


def judge(args, code, timed_out, output):
    problems = []
    if timed_out:
        problems.append(f"timed out after {args.timeout} s")
    elif code != args.expect_exit:
        problems.append(f"exit code {code}, expected {args.expect_exit}")
    if args.markers:
        for marker in (START_MARKER, DONE_MARKER):
            if marker not in output:
                problems.append(f"marker {marker} missing (run cut short?)")
    for pattern in args.require or []:
        if not re.search(pattern, output, re.MULTILINE):
            problems.append(f"required output not found: {pattern!r}")
    for pattern in args.forbid or []:
        if re.search(pattern, output, re.MULTILINE):
            problems.append(f"forbidden output found: {pattern!r}")
    return problems


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--machine", required=True, help="QEMU machine, e.g. mps2-an500")
    p.add_argument("--elf", required=True)
    p.add_argument("--timeout", type=float, default=60.0)
    p.add_argument("--input", help="console input; \\n escapes allowed")
    p.add_argument("--input-file", help="bytes to send to the console after --input")
    p.add_argument("--expect-exit", type=int, default=0)
    p.add_argument("--require", action="append", help="regex the output must contain")
    p.add_argument("--forbid", action="append", help="regex the output must not contain")
    p.add_argument("--markers", action="store_true", help="require start/done test markers")
    p.add_argument("--serial", default="stdio", help="QEMU -serial backend (default: this console)")
    p.add_argument("--no-icount", action="store_true")
    p.add_argument("--gdb", type=int, help="wait for gdb on this TCP port")
    p.add_argument("--plugin", help="QEMU TCG plugin and its arguments (-plugin), e.g. the cycle model")
    p.add_argument("--quiet", action="store_true")
    p.add_argument("--interactive", action="store_true",
                   help="the shell on this terminal until `exit` or Ctrl-A X (no judging)")
    p.add_argument("--cwd", default=os.getcwd(), help="semihosting file paths are relative to this")
    args = p.parse_args()
    if not os.path.isfile(args.elf):
        sys.exit(f"qemu_run: firmware {args.elf} does not exist (build it first)")
    if args.interactive:
        return run_interactive(args)
    code, timed_out, output = run(args)
    problems = judge(args, code, timed_out, output)
    for problem in problems:
        print(f"qemu_run: FAIL: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
