"""Tensor bytes to and from numbers: an image or raw file into the model's input, outputs back
into real numbers, with the tensor's type, scale and zero point from the device's info."""
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


def image_input(path, tensor, invert=False):
    """A picture into an NHWC input: resized to the input's height x width, grey (1 channel) or
    RGB (3), pixels scaled to [0, 1] as the project's models expect (pixel / 255)."""
    try:
        from PIL import Image
    except ImportError:
        raise SystemExit("strata: --image needs Python's PIL (Debian package python3-pil; "
                         "tools/setup installs it)")
    shape = tensor["shape"]
    if len(shape) != 4 or shape[3] not in (1, 3):
        raise SystemExit(f"strata: --image needs an NHWC input with 1 or 3 channels, the model's "
                         f"input is {'x'.join(map(str, shape))}: use --raw")
    height, width, channels = shape[1], shape[2], shape[3]
    try:
        picture = Image.open(path)
        picture = picture.convert("L" if channels == 1 else "RGB").resize((width, height))
    except OSError as e:
        raise SystemExit(f"strata: cannot read image {path}: {e}")
    pixels = list(picture.getdata())
    if channels == 3:
        pixels = [c for p in pixels for c in p]
    reals = [(255 - p if invert else p) / 255.0 for p in pixels]
    return encode(tensor, reals * shape[0])


def raw_input(path, tensor):
    with open(path, "rb") as f:
        data = f.read()
    if len(data) != tensor["bytes"]:
        raise SystemExit(f"strata: {path} has {len(data)} bytes, the model's input takes "
                         f"{tensor['bytes']}")
    return data
