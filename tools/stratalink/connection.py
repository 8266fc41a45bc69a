"""Where the board is: a real serial port, or a virtual board (QEMU) whose console is a Unix
socket in a private folder. Both give an object with read(n)/write(bytes)/close() (pyserial's)."""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import qemu_process  # noqa: E402


def _serial_module():
    try:
        import serial
    except ImportError:
        raise SystemExit("strata: Python's serial module is missing (Debian package python3-serial; "
                         "tools/setup installs it). Run tools/strata with /usr/bin/python3.")
    return serial


def open_port(url, baud, timeout):
    """A serial device (/dev/ttyACM0) or any pyserial URL (socket://host:port)."""
    serial = _serial_module()
    try:
        return serial.serial_for_url(url, baudrate=baud, timeout=timeout)
    except (serial.SerialException, ValueError) as e:
        raise SystemExit(f"strata: cannot open {url}: {e}")


class _SocketConsole:
    """A connected socket read like a serial port: read(n) waits until n bytes came or `timeout`
    seconds passed and returns what came."""

    def __init__(self, sock, timeout):
        self.sock = sock
        self.timeout = timeout

    def read(self, n):
        data = bytearray()
        deadline = time.monotonic() + self.timeout
        while len(data) < n:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            self.sock.settimeout(left)
            try:
                chunk = self.sock.recv(n - len(data))
            except socket.timeout:
                break
            if not chunk:  # QEMU closed the console
                break
            data += chunk
        return bytes(data)

    def write(self, data):
        self.sock.sendall(data)

    def close(self):
        self.sock.close()


def _connect_unix(path, timeout):
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.connect(path)
    except OSError:
        sock.close()
        raise
    return _SocketConsole(sock, timeout)


class VirtualBoard:
    """QEMU running a firmware ELF with its console on a Unix socket (instruction counting
    on, as for the tests), closed with the context manager; it dies with this process."""

    def __init__(self, elf, machine, timeout):
        if not os.path.isfile(elf):
            raise SystemExit(f"strata: no firmware at {elf}")
        # A socket path of this process's own, not a TCP port: a port found free can be taken by
        # another test's QEMU before this one binds it, and the client would then talk to that one.
        self.folder = tempfile.mkdtemp(prefix="strata-console-")
        self.path = os.path.join(self.folder, "console")
        self.cmd = qemu_process.board_command(
            "strata", machine, elf, f"unix:{self.path},server=on,wait=on")
        self.timeout = timeout
        self.proc = None
        self.stream = None

    def __enter__(self):
        self.proc = qemu_process.popen_tied(self.cmd, stdin=subprocess.DEVNULL,
                                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while True:
            try:
                self.stream = _connect_unix(self.path, self.timeout)
                break
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    error = self.proc.stderr.read().decode(errors="replace") if self.proc.poll() \
                        is not None else "no console socket after 10 s"
                    self.close()
                    raise SystemExit(f"strata: QEMU did not start: {error.strip()}")
                time.sleep(0.05)
        self._wait_for_prompt()
        return self.stream

    def _wait_for_prompt(self):
        """The guest starts when the console connects; bytes sent before its UART is on are lost
        on some machines (netduinoplus2's USART drops them). The shell prompt says it listens."""
        seen = bytearray()
        deadline = time.monotonic() + self.timeout
        while b"> " not in seen:
            if time.monotonic() > deadline or self.proc.poll() is not None:
                self.close()
                raise SystemExit(f"strata: the virtual board printed no shell prompt "
                                 f"(got {bytes(seen[-200:])!r})")
            seen += self.stream.read(1)

    def close(self):
        if self.stream is not None:
            self.stream.close()
        if self.proc is not None:
            qemu_process.stop(self.proc)
        shutil.rmtree(self.folder, ignore_errors=True)

    def __exit__(self, *exc):
        self.close()
