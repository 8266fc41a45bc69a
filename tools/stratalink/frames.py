"""Frames of the host link: 0xA5 0x5A | type | length (u16 LE) | payload | CRC-32 (LE) of type,
length and payload. The device's console also carries shell text, so the reader skips any bytes
outside frames (banner, prompt) and keeps them for whoever wants to see them."""
import struct
import zlib

SYNC = b"\xa5\x5a"

INFO_REQUEST, SET_INPUT, INVOKE, GET_OUTPUT = 0x01, 0x02, 0x03, 0x04
INFO, ACK, RESULT, OUTPUT, ERROR = 0x81, 0x82, 0x83, 0x84, 0xEE

ERROR_NAMES = {1: "bad CRC", 2: "too long", 3: "bad sync", 4: "unknown type", 5: "bad payload",
               6: "runtime", 7: "timeout"}


class LinkError(Exception):
    """The device answered with an error frame, or did not answer as the protocol says."""

    def __init__(self, message, code=None):
        super().__init__(message)
        self.code = code


def encode(frame_type, payload=b""):
    body = struct.pack("<BH", frame_type, len(payload)) + payload
    return SYNC + body + struct.pack("<I", zlib.crc32(body) & 0xFFFFFFFF)


class FrameReader:
    """Reads frames from a byte stream with a read(n) method that returns b"" on timeout."""

    def __init__(self, stream):
        self.stream = stream
        self.text = bytearray()  # shell text seen between frames

    def _read_exact(self, n):
        data = bytearray()
        while len(data) < n:
            chunk = self.stream.read(n - len(data))
            if not chunk:
                raise LinkError(f"timed out inside a frame ({len(data)} of {n} bytes)")
            data += chunk
        return bytes(data)

    def read(self):
        """The next frame as (type, payload); raises LinkError on timeout or a corrupt frame."""
        previous = b""
        while True:
            byte = self.stream.read(1)
            if not byte:
                raise LinkError("timed out waiting for a frame (is the firmware running and "
                                "built with a model?)")
            if previous == SYNC[:1] and byte == SYNC[1:]:
                del self.text[-1:]
                break
            self.text += byte
            previous = byte
        header = self._read_exact(3)
        frame_type, length = struct.unpack("<BH", header)
        payload = self._read_exact(length)
        (crc,) = struct.unpack("<I", self._read_exact(4))
        if crc != zlib.crc32(header + payload) & 0xFFFFFFFF:
            raise LinkError(f"frame 0x{frame_type:02x} from the device has a bad CRC")
        return frame_type, payload


def decode_error(payload):
    code = payload[0] if payload else 0
    message = payload[1:].decode("utf-8", "replace")
    return LinkError(f"device error {code} ({ERROR_NAMES.get(code, 'unknown')}): {message}", code)


def decode_result(payload):
    """(layers, total, unit): layers is a list of dicts index/op/count."""
    (count,) = struct.unpack_from("<I", payload, 0)
    at = 4
    layers = []
    for _ in range(count):
        index, name_length = struct.unpack_from("<HB", payload, at)
        at += 3
        op = payload[at:at + name_length].decode("ascii", "replace")
        at += name_length
        (value,) = struct.unpack_from("<Q", payload, at)
        at += 8
        layers.append({"index": index, "op": op, "count": value})
    (total,) = struct.unpack_from("<Q", payload, at)
    unit = payload[at + 8:].decode("ascii", "replace")
    return layers, total, unit
