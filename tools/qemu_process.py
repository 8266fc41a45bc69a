"""Starting QEMU for a virtual board so that it never outlives the program that started it.

Every tool that runs a firmware under QEMU (qemu_run.py, qemu_debug.py, the host client's
--qemu) starts it through popen_tied(): the kernel sends SIGKILL to QEMU as soon as its parent
dies, whatever ended the parent (exit, an exception, SIGKILL from a test timeout or a killed
build), so no qemu-system-arm is left behind holding a port or a terminal.
"""
import ctypes
import os
import shutil
import signal
import subprocess
import sys

PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process receives when its parent thread dies
_libc = ctypes.CDLL(None, use_errno=True)  # loaded before any fork: no imports in the child

# QEMU's instruction counting: one instruction per 2^6 ns of virtual time, the virtual clock
# never jumps ahead while the guest sleeps. The boards' cycle counters then count executed
# instructions exactly (the same inference gives the same count every run).
ICOUNT = ["-icount", "shift=6,sleep=off"]


def qemu_binary(program):
    qemu = shutil.which("qemu-system-arm")
    if not qemu:
        sys.exit(f"{program}: qemu-system-arm not found: install Debian package qemu-system-arm "
                 "(tools/setup does it)")
    return qemu


def board_command(program, machine, elf, serial, icount=True):
    """QEMU running `elf` on `machine` with its first UART on `serial` and semihosting (exit
    codes, files) on; no display and no monitor."""
    cmd = [qemu_binary(program), "-machine", machine, "-display", "none", "-monitor", "none",
           "-serial", serial, "-semihosting-config", "enable=on,target=native", "-kernel", elf]
    return cmd + ICOUNT if icount else cmd


def popen_tied(cmd, **kwargs):
    """subprocess.Popen(cmd) whose process gets SIGKILL when this process dies."""
    parent = os.getpid()

    def die_with_parent():
        if _libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            os._exit(126)
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(126)

    return subprocess.Popen(cmd, preexec_fn=die_with_parent, **kwargs)


def stop(proc, grace=5.0):
    """Ends `proc` (SIGTERM, then SIGKILL after `grace` seconds) and returns its exit code."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            proc.kill()
    return proc.wait()
