#!/usr/bin/python3
"""The `run-<firmware>` build target as a user drives it from a terminal (a pseudo-terminal here):

  1. the shell answers what is typed, and shows it (local echo): `info` then `exit 0` end the run
     with exit status 0;
  2. Ctrl-A X ends the run;
  3. killing the run script (SIGKILL, nothing to clean up with) takes QEMU with it.
After each, no qemu-system-arm running this firmware may be left. Exit status 0 when all hold.
  run_target_test.py --build-dir DIR --firmware strata-<model>-<kernels> --elf ELF
"""
import argparse
import atexit
import os
import pty
import select
import signal
import subprocess
import sys
import time


def fail(message):
    sys.exit(f"run_target_test: FAIL: {message}")


def processes(program, *words):
    """PIDs of `program` (the name of its executable or script) with every word among its
    arguments."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                argv = f.read().decode(errors="replace").split("\0")
        except OSError:
            continue
        names = [os.path.basename(a) for a in argv[:2]]
        if program in names and all(w in argv for w in words):
            found.append(int(pid))
    return found


class Session:
    """`cmake --build DIR --target run-<firmware>` on a pseudo-terminal."""

    def __init__(self, args):
        self.master, slave = pty.openpty()
        self.proc = subprocess.Popen([args.cmake, "--build", args.build_dir, "--target",
                                      f"run-{args.firmware}"],
                                     stdin=slave, stdout=slave, stderr=slave, start_new_session=True)
        os.close(slave)
        self.seen = b""
        atexit.register(self.kill)  # a failed check must not leave the session running

    def kill(self):
        try:  # the whole group: QEMU may outlive the build command that started it
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    def expect(self, text, timeout=60):
        deadline = time.monotonic() + timeout
        while text.encode() not in self.seen:
            if time.monotonic() > deadline:
                fail(f"no {text!r} after {timeout} s; the terminal showed:\n"
                     f"{self.seen.decode(errors='replace')}")
            ready, _, _ = select.select([self.master], [], [], 0.2)
            if ready:
                try:
                    self.seen += os.read(self.master, 4096)
                except OSError:  # the other side closed
                    time.sleep(0.2)

    def type(self, data):
        os.write(self.master, data)

    def wait(self, timeout=30):
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            fail(f"the run did not end within {timeout} s; the terminal showed:\n"
                 f"{self.seen.decode(errors='replace')}")

    def close(self):
        os.close(self.master)


def no_qemu_left(elf, what, timeout=10):
    deadline = time.monotonic() + timeout
    while processes("qemu-system-arm", elf):
        if time.monotonic() > deadline:
            fail(f"{what}: qemu-system-arm still runs {elf} (pids {processes('qemu-system-arm', elf)})")
        time.sleep(0.2)


def ended_by(args, what, keys, shown=()):
    """Starts the target and types `keys` at its prompt: each of `shown` must appear, the target
    must end with status 0 and no QEMU of it may be left."""
    s = Session(args)
    s.expect("> ")
    s.type(keys)
    for text in shown:
        s.expect(text)
    if s.wait() != 0:
        fail(f"{what} did not end the target with status 0")
    s.close()
    no_qemu_left(args.elf, f"after {what}")
    print(f"run_target_test: {what} ended the run, QEMU with it")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--build-dir", required=True)
    p.add_argument("--firmware", required=True)
    p.add_argument("--elf", required=True)
    p.add_argument("--cmake", default="cmake")
    args = p.parse_args()
    if processes("qemu-system-arm", args.elf):
        fail(f"a QEMU already runs {args.elf}: the test could not tell whose it is")

    # The firmware does not echo: "> info" on the terminal is the bridge's echo after the prompt.
    ended_by(args, "`info` and `exit 0`", b"info\rexit 0\r",
             ("> info\r", "@info board=", "bye (exit code 0)"))
    ended_by(args, "Ctrl-A X", b"\x01x")

    s = Session(args)
    s.expect("> ")
    scripts = processes("qemu_run.py", args.elf)
    if len(scripts) != 1 or not processes("qemu-system-arm", args.elf):
        fail(f"expected one qemu_run.py and its QEMU, found scripts {scripts}")
    os.kill(scripts[0], signal.SIGKILL)
    no_qemu_left(args.elf, "after SIGKILL of qemu_run.py", timeout=5)
    s.wait()
    s.close()
    print("run_target_test: SIGKILL of the run script took QEMU with it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
