"""Random affine distortions of training digits (rotation, scale, shear, translation), vectorized.

With only 8,000 training digits the CNN overfits; small label-preserving distortions are the
classic remedy for MNIST. Each output pixel samples the source image bilinearly at the inverse-
transformed position (zero outside), all images of a batch at once.
"""

import numpy as np

MAX_ROTATION_DEG = 12.0
SCALE_RANGE = (0.9, 1.1)
MAX_SHEAR = 0.15
MAX_SHIFT = 2.0


def random_affine(batch, rng):
    """batch [B,28,28,1] float32 -> distorted copy."""
    b, h, w, _ = batch.shape
    angle = np.deg2rad(rng.uniform(-MAX_ROTATION_DEG, MAX_ROTATION_DEG, b))
    scale = rng.uniform(*SCALE_RANGE, b)
    shear = rng.uniform(-MAX_SHEAR, MAX_SHEAR, b)
    shift = rng.uniform(-MAX_SHIFT, MAX_SHIFT, (b, 2))
    cos, sin = np.cos(angle) / scale, np.sin(angle) / scale
    # Inverse map (output -> source) around the image centre: rotation/scale, then shear.
    a11, a12 = cos, -sin + shear * cos
    a21, a22 = sin, cos + shear * sin
    cy, cx = (h - 1) / 2.0, (w - 1) / 2.0
    ys, xs = np.meshgrid(np.arange(h, dtype=np.float64), np.arange(w, dtype=np.float64),
                         indexing="ij")
    dy = ys[None] - cy - shift[:, 0, None, None]
    dx = xs[None] - cx - shift[:, 1, None, None]
    src_y = a21[:, None, None] * dx + a22[:, None, None] * dy + cy
    src_x = a11[:, None, None] * dx + a12[:, None, None] * dy + cx
    return _bilinear(batch[..., 0], src_y, src_x)[..., np.newaxis]


def _bilinear(images, sy, sx):
    b, h, w = images.shape
    padded = np.zeros((b, h + 2, w + 2), dtype=np.float32)
    padded[:, 1:-1, 1:-1] = images
    # Positions outside [-1, size] only see the zero border.
    sy = np.clip(sy, -1.0, h) + 1.0
    sx = np.clip(sx, -1.0, w) + 1.0
    y0 = np.minimum(np.floor(sy).astype(np.int64), h)
    x0 = np.minimum(np.floor(sx).astype(np.int64), w)
    fy = (sy - y0).astype(np.float32)
    fx = (sx - x0).astype(np.float32)
    idx = np.arange(b)[:, None, None]
    top = padded[idx, y0, x0] * (1 - fx) + padded[idx, y0, x0 + 1] * fx
    bottom = padded[idx, y0 + 1, x0] * (1 - fx) + padded[idx, y0 + 1, x0 + 1] * fx
    return top * (1 - fy) + bottom * fy
