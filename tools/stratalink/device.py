"""A Strata board seen through the host link: info, set input, invoke, get output."""
import struct

from . import frames


def parse_tensor(text):
    """'int8 1x28x28x1 bytes=784 scale=... scale_bits=0x3b808081 zero_point=-128' -> dict."""
    parts = text.split()
    tensor = {"type": parts[0], "shape": [int(d) for d in parts[1].split("x")]
              if parts[1] != "scalar" else []}
    for field in parts[2:]:
        key, _, value = field.partition("=")
        tensor[key] = value
    tensor["bytes"] = int(tensor["bytes"])
    tensor["zero_point"] = int(tensor["zero_point"])
    bits = int(tensor.pop("scale_bits"), 16)
    tensor["scale"] = struct.unpack("<f", struct.pack("<I", bits))[0]
    return tensor


def parse_info(text):
    info = {"inputs": [], "outputs": []}
    for line in text.splitlines():
        key, _, value = line.partition("=")
        if key.startswith("input") and key[5:].isdigit():
            info["inputs"].append(parse_tensor(value))
        elif key.startswith("output") and key[6:].isdigit():
            info["outputs"].append(parse_tensor(value))
        elif key:
            info[key] = int(value) if value.isdigit() else value
    return info


class Device:
    def __init__(self, stream):
        self.stream = stream
        self.reader = frames.FrameReader(stream)
        self._info = None

    def request(self, frame_type, payload=b"", expect=None):
        # A carriage return before every frame: stray bytes on the line (the tail of a frame the
        # device refused early, line noise) end there as a shell line, and the frame starts at a
        # line start. The shell's answer to it is text, which the reader skips.
        self.stream.write(b"\r" + frames.encode(frame_type, payload))
        return self.reply(expect)

    def reply(self, expect):
        frame_type, payload = self.reader.read()
        if frame_type == frames.ERROR:
            raise frames.decode_error(payload)
        if expect is not None and frame_type != expect:
            raise frames.LinkError(f"expected frame 0x{expect:02x}, got 0x{frame_type:02x}")
        return payload

    def info(self):
        if self._info is None:
            text = self.request(frames.INFO_REQUEST, expect=frames.INFO).decode("utf-8", "replace")
            self._info = parse_info(text)
        return self._info

    def set_input(self, index, data):
        self.request(frames.SET_INPUT, bytes([index]) + bytes(data), expect=frames.ACK)

    def invoke(self):
        """One inference: {'layers': [...], 'total': n, 'unit': str, 'outputs': [bytes...]}."""
        layers, total, unit = frames.decode_result(self.request(frames.INVOKE, expect=frames.RESULT))
        outputs = []
        for o in range(len(self.info()["outputs"])):
            payload = self.reply(frames.OUTPUT)
            if payload[0] != o:
                raise frames.LinkError(f"expected output {o}, got output {payload[0]}")
            outputs.append(payload[1:])
        return {"layers": layers, "total": total, "unit": unit, "outputs": outputs}

    def get_output(self, index):
        payload = self.request(frames.GET_OUTPUT, bytes([index]), expect=frames.OUTPUT)
        return payload[1:]
