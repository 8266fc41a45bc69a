"""Window geometry shared by the simulated convolution and pooling kernels (NHWC, batched).

TFLite pads SAME convolutions with the smaller half first (ComputePaddingHeightWidth); VALID uses no
padding. Padding values are chosen by the caller: 0 for float, the input zero point for int8 (so
that padded taps contribute (zp - zp) * w = 0, exactly like the reference kernels skipping them).
"""

import numpy as np

SAME, VALID = 0, 1


def out_size(in_size, k, stride, padding):
    if padding == SAME:
        return (in_size + stride - 1) // stride
    return (in_size - k) // stride + 1


def pad_before(in_size, k, stride, padding):
    if padding == VALID:
        return 0
    out = out_size(in_size, k, stride, padding)
    return max((out - 1) * stride + k - in_size, 0) // 2


def padded(x, kh, kw, sh, sw, padding, value):
    """Pads x [B,H,W,C] so that VALID windows of the result are the op's windows."""
    b, h, w, c = x.shape
    oh, ow = out_size(h, kh, sh, padding), out_size(w, kw, sw, padding)
    top, left = pad_before(h, kh, sh, padding), pad_before(w, kw, sw, padding)
    bottom = max((oh - 1) * sh + kh - h - top, 0)
    right = max((ow - 1) * sw + kw - w - left, 0)
    if top or bottom or left or right:
        x = np.pad(x, ((0, 0), (top, bottom), (left, right), (0, 0)), constant_values=value)
    return x, oh, ow


def taps(xp, kh, kw, sh, sw, oh, ow):
    """Yields (ky, kx, view [B,oh,ow,C]) for each filter tap of a padded input."""
    for ky in range(kh):
        for kx in range(kw):
            yield ky, kx, xp[:, ky:ky + (oh - 1) * sh + 1:sh, kx:kx + (ow - 1) * sw + 1:sw, :]


def im2col(xp, kh, kw, sh, sw, oh, ow):
    """Patches [B*oh*ow, kh*kw*C] in (ky, kx, c) order, matching an OHWI filter row."""
    b, c = xp.shape[0], xp.shape[3]
    cols = np.empty((b, oh, ow, kh, kw, c), dtype=xp.dtype)
    for ky, kx, view in taps(xp, kh, kw, sh, sw, oh, ow):
        cols[:, :, :, ky, kx, :] = view
    return cols.reshape(b * oh * ow, kh * kw * c)


def valid_count(h, w, kh, kw, sh, sw, padding):
    """Number of in-bounds taps per output position [oh, ow] (average pool divisor)."""
    ones = np.ones((1, h, w, 1), dtype=np.int64)
    xp, oh, ow = padded(ones, kh, kw, sh, sw, padding, 0)
    total = np.zeros((1, oh, ow, 1), dtype=np.int64)
    for _, _, view in taps(xp, kh, kw, sh, sw, oh, ow):
        total += view
    return total
