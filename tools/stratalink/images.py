"""A picture into a model's input: resized to the input's height x width, converted to its channels
(1 grey, 3 RGB), normalized as the user chooses, then quantized with the input's scale and zero point.

Normalization (per channel, pixels 0..255):  real = (pixel - mean) / std
  --range 0,1     mean 0,     std 255    (pixel / 255: the default)
  --range -1,1    mean 127.5, std 127.5
  --range 0,255   mean 0,     std 1      (the pixel value itself)
  --mean M[,M,M] --std S[,S,S]           any other, e.g. ImageNet's per-channel figures
Whatever differs between the picture and the input (size, channels) is done and said in a warning;
so is a normalization whose range does not suit an int8/uint8 input's quantization (most of the
input's levels unused, or values clipped), with the --range that would suit it.
"""
import sys

from . import tensors

RANGES = {"0,1": (0.0, 1.0), "-1,1": (-1.0, 1.0), "0,255": (0.0, 255.0)}


class Normalization:
    def __init__(self, mean, std, text, chosen=True):
        if any(s == 0 for s in std):
            raise SystemExit("strata: --std must not be 0")
        self.mean, self.std, self.text = mean, std, text
        self.chosen = chosen  # False for the default: a float input then gets a reminder

    def per_channel(self, values, channels):
        if len(values) == 1:
            return values * channels
        if len(values) != channels:
            raise SystemExit(f"strata: {self.text} gives {len(values)} values, the input has "
                             f"{channels} channel(s)")
        return values

    def bounds(self):
        """The smallest and largest normalized value any pixel can give."""
        ends = [((0 - m) / s, (255 - m) / s) for m, s in zip(self.mean, self.std)]
        return min(min(e) for e in ends), max(max(e) for e in ends)


def normalization(range_text=None, mean_text=None, std_text=None):
    """The user's choice from the command line (default --range 0,1)."""
    if range_text is not None and (mean_text is not None or std_text is not None):
        raise SystemExit("strata: give --range or --mean/--std, not both")
    if mean_text is not None or std_text is not None:
        try:
            mean = [float(v) for v in (mean_text or "0").split(",")]
            std = [float(v) for v in (std_text or "1").split(",")]
        except ValueError:
            raise SystemExit("strata: --mean and --std take numbers separated by commas")
        return Normalization(mean, std, f"--mean {mean_text or 0} --std {std_text or 1}")
    chosen = range_text is not None
    range_text = range_text or "0,1"
    if range_text not in RANGES:
        raise SystemExit(f"strata: --range {range_text} is not one of {', '.join(RANGES)} "
                         "(use --mean/--std for another)")
    low, high = RANGES[range_text]
    std = 255.0 / (high - low)
    return Normalization([-low * std], [std], f"--range {range_text}", chosen)


def warn(message):
    print(f"strata: warning: {message}", file=sys.stderr)


def check_quantization(norm, tensor, say=warn):
    """Warns when the normalized pixel range does not suit the input's quantization."""
    limits = tensors.LIMITS.get(tensor["type"])
    if not limits or not tensor["scale"]:
        return
    scale, zero = tensor["scale"], tensor["zero_point"]
    q_low, q_high = (limits[0] - zero) * scale, (limits[1] - zero) * scale
    low, high = norm.bounds()
    used = (min(high, q_high) - max(low, q_low)) / (q_high - q_low)
    clipped = max(0.0, q_low - low) + max(0.0, high - q_high)
    if used >= 0.75 and clipped <= 0.02 * (q_high - q_low):
        return
    best = min(RANGES, key=lambda r: abs(RANGES[r][0] - q_low) + abs(RANGES[r][1] - q_high))
    hint = f"; try --range {best}" if f"--range {best}" != norm.text else ""
    say(f"the input's quantization (scale {scale:.6g}, zero point {zero}) covers "
        f"[{q_low:.4g}, {q_high:.4g}], {norm.text} gives [{low:.4g}, {high:.4g}]: "
        + ("values are clipped" if clipped > 0.02 * (q_high - q_low) else
           f"only {max(0.0, used) * 100:.0f} % of the input's levels are used") + hint)


def image_input(path, tensor, norm=None, invert=False, say=warn):
    """The picture as the input tensor's bytes (NHWC, 1 or 3 channels)."""
    try:
        from PIL import Image
    except ImportError:
        raise SystemExit("strata: --image needs Python's PIL (Debian package python3-pil; "
                         "tools/setup installs it)")
    norm = norm or normalization()
    shape = tensor["shape"]
    if len(shape) != 4 or shape[3] not in (1, 3):
        raise SystemExit(f"strata: --image needs an NHWC input with 1 or 3 channels, the model's "
                         f"input is {'x'.join(map(str, shape))}: use --raw")
    height, width, channels = shape[1], shape[2], shape[3]
    try:
        picture = Image.open(path)
        picture.load()
    except OSError as e:
        raise SystemExit(f"strata: cannot read image {path}: {e}")
    colour = picture.mode not in ("1", "L", "LA", "I", "I;16", "F")
    if colour and channels == 1:
        say(f"{path}: colour picture ({picture.mode}) converted to grey (the input has 1 channel)")
    elif not colour and channels == 3:
        say(f"{path}: grey picture given to a 3-channel input: the grey goes to R, G and B")
    picture = picture.convert("L" if channels == 1 else "RGB")
    if picture.size != (width, height):
        stretched = abs(picture.size[0] / picture.size[1] - width / height) > 0.01
        say(f"{path}: {picture.size[0]}x{picture.size[1]} resized to {width}x{height} (the "
            f"input's size)" + (", aspect ratio changed" if stretched else ""))
        picture = picture.resize((width, height))
    check_quantization(norm, tensor, say)
    if tensor["type"] == "float32" and not norm.chosen:
        say("the input is float32: pixels scaled to [0, 1] (the default --range 0,1); give the "
            "range the model was trained with (--range or --mean/--std) if it differs")
    pixels = list(picture.getdata())
    if channels == 1:
        pixels = [(p,) for p in pixels]
    mean, std = norm.per_channel(norm.mean, channels), norm.per_channel(norm.std, channels)
    reals = [((255 - v if invert else v) - mean[c]) / std[c]
             for p in pixels for c, v in enumerate(p)]
    return tensors.encode(tensor, reals * shape[0])
