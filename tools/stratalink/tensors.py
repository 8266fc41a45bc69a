"""Tensor bytes to and from numbers: real numbers or a raw file into the model's input, outputs back
into real numbers, with the tensor's type, scale and zero point from the device's info (pictures:
images.py)."""
import struct

FORMATS = {"float32": ("f", 4), "int8": ("b", 1), "uint8": ("B", 1), "int16": ("h", 2),
           "int32": ("i", 4)}
LIMITS = {"int8": (-128, 127), "uint8": (0, 255), "int16": (-32768, 32767)}


def element_count(shape):
    n = 1
    for d in shape:
        n *= d
    return n


def encode(tensor, reals):
    """Real numbers into the tensor's bytes (quantized for integer types)."""
    kind = tensor["type"]
    if kind not in FORMATS:
        raise SystemExit(f"strata: input type {kind} is not supported by the client")
    code, _ = FORMATS[kind]
    if kind == "float32":
        return struct.pack(f"<{len(reals)}{code}", *reals)
    if tensor["scale"] == 0:
        raise SystemExit(f"strata: input is {kind} without quantization: give --raw bytes")
    low, high = LIMITS[kind]
    values = [min(high, max(low, round(r / tensor["scale"]) + tensor["zero_point"])) for r in reals]
    return struct.pack(f"<{len(values)}{code}", *values)


def decode(tensor, data):
    """The tensor's bytes as real numbers (dequantized for integer types)."""
    kind = tensor["type"]
    if kind not in FORMATS:
        return list(data)
    code, size = FORMATS[kind]
    values = struct.unpack(f"<{len(data) // size}{code}", data)
    if kind == "float32" or tensor["scale"] == 0:
        return [float(v) for v in values]
    return [(v - tensor["zero_point"]) * tensor["scale"] for v in values]


def raw_input(path, tensor):
    with open(path, "rb") as f:
        data = f.read()
    if len(data) != tensor["bytes"]:
        raise SystemExit(f"strata: {path} has {len(data)} bytes, the model's input takes "
                         f"{tensor['bytes']}")
    return data
