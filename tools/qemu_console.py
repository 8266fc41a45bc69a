"""The terminal side of an interactive virtual board: this terminal <-> QEMU's console pipes.

The firmware's shell does not echo what it receives, so on a terminal the bridge echoes typed
characters itself and erases on backspace; the bytes go to the firmware as typed (its line reader
handles backspace too). Ctrl-A X, Ctrl-C and Ctrl-D (on an empty line) end the session, and so do
the firmware's `exit` (QEMU ends) and the terminal going away (hangup). The terminal's settings are
restored on the way out, whatever ends the session (a signal included). Without a terminal (input from a pipe or file)
the bytes are passed through unchanged and the run ends when the firmware exits.
"""
import os
import select
import signal
import sys
import termios

CTRL_A, CTRL_C, CTRL_D = b"\x01", b"\x03", b"\x04"
BACKSPACES = (b"\x7f", b"\x08")
ENTER = (b"\r", b"\n")


class Quit(Exception):
    """The user ended the session from the keyboard."""


class LineEcho:
    """What the user sees of their typing: printable bytes echoed, backspace erases one, Enter
    starts a new line. Returns the bytes to send to the firmware; raises Quit on a quit key."""

    def __init__(self):
        self.typed = 0  # characters on the current line, so backspace stops at its start
        self.escape = False  # the previous key was Ctrl-A

    def key(self, byte, echo):
        if self.escape:
            self.escape = False
            if byte in (b"x", b"X"):
                raise Quit()
            if byte != CTRL_A:  # Ctrl-A Ctrl-A types one Ctrl-A, as in QEMU
                return b""
        elif byte == CTRL_A:
            self.escape = True
            return b""
        if byte == CTRL_C or (byte == CTRL_D and self.typed == 0):
            raise Quit()
        if byte in ENTER:
            self.typed = 0
            echo(b"\r\n")
            return b"\r"
        if byte in BACKSPACES:
            if self.typed:
                self.typed -= 1
                echo(b"\b \b")
            return b"\x7f"
        if byte >= b" ":
            self.typed += 1
            echo(byte)
        return byte


def _key_mode(fd):
    """The terminal without line buffering, echo or signal keys (the bridge handles them), with
    output processing kept so the firmware's text prints as it is."""
    mode = termios.tcgetattr(fd)
    mode[0] &= ~(termios.ICRNL | termios.IXON)
    mode[3] &= ~(termios.ICANON | termios.ECHO | termios.ISIG | termios.IEXTEN)
    mode[6][termios.VMIN] = 1
    mode[6][termios.VTIME] = 0
    termios.tcsetattr(fd, termios.TCSANOW, mode)


def bridge(qemu_stdin, qemu_stdout):
    """Moves bytes between this process's stdin/stdout and QEMU's console until QEMU closes its
    output (the firmware exited) or the user quits. Returns True when the user quit."""
    fd_in = sys.stdin.fileno()
    terminal = os.isatty(fd_in)
    saved = termios.tcgetattr(fd_in) if terminal else None
    out = sys.stdout.buffer

    def echo(data):
        out.write(data)
        out.flush()

    def restore_and_exit(signum, _frame):
        raise SystemExit(128 + signum)

    for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(signum, restore_and_exit)
    line = LineEcho()
    watching = [qemu_stdout, fd_in]
    try:
        if terminal:
            _key_mode(fd_in)
        while True:
            ready, _, _ = select.select(watching, [], [])
            if qemu_stdout in ready:
                data = os.read(qemu_stdout, 4096)
                if not data:
                    return False
                echo(data)
            if fd_in in ready:
                try:
                    data = os.read(fd_in, 1024)
                except OSError:  # the terminal went away (EIO after a hangup)
                    data = b""
                if not data:
                    if terminal:  # the terminal closed: nobody is left to type `exit`
                        raise Quit()
                    watching.remove(fd_in)  # piped input ended: run until the firmware exits
                    continue
                if terminal:
                    data = b"".join(line.key(data[i:i + 1], echo) for i in range(len(data)))
                try:
                    os.write(qemu_stdin, data)
                except BrokenPipeError:
                    return False
    except Quit:
        try:
            echo(b"\r\n")
        except OSError:
            pass
        return True
    finally:
        if terminal:
            try:
                termios.tcsetattr(fd_in, termios.TCSADRAIN, saved)
            except termios.error:  # a terminal that went away has no settings to restore
                pass
