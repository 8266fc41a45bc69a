"""Vectorized numpy layers (forward and backward) for training Strata's own models.

Everything is NHWC float32 so that the trained tensors map onto TensorFlow Lite's layouts without
reinterpretation: a 3x3 convolution is an im2col gather (patch order kh, kw, c, the same order as an
OHWI filter row) followed by one batched matmul, which is the only expensive step and runs in BLAS.
Each forward function returns its output and a cache; the matching backward takes the cache.
"""

import numpy as np


def im2col3x3(x):
    """x [B,H,W,C] -> patches [B*(H-2)*(W-2), 9*C] in (kh, kw, c) order (VALID, stride 1)."""
    b, h, w, c = x.shape
    windows = np.lib.stride_tricks.sliding_window_view(x, (3, 3), axis=(1, 2))  # [B,Ho,Wo,C,3,3]
    patches = windows.transpose(0, 1, 2, 4, 5, 3)  # [B,Ho,Wo,3,3,C]
    return np.ascontiguousarray(patches).reshape(b * (h - 2) * (w - 2), 9 * c)


def col2im3x3(dcols, shape):
    """Adjoint of im2col3x3: scatter-adds patch gradients back to an input of `shape`."""
    b, h, w, c = shape
    ho, wo = h - 2, w - 2
    d = dcols.reshape(b, ho, wo, 3, 3, c)
    dx = np.zeros(shape, dtype=dcols.dtype)
    for i in range(3):
        for j in range(3):
            dx[:, i:i + ho, j:j + wo, :] += d[:, :, :, i, j, :]
    return dx


def conv3x3_relu_forward(x, w, bias):
    """VALID 3x3 convolution + bias + ReLU. w is [3,3,Cin,Cout] (HWIO)."""
    b, h, wd, _ = x.shape
    cols = im2col3x3(x)
    y = cols @ w.reshape(-1, w.shape[-1]) + bias
    np.maximum(y, 0.0, out=y)
    return y.reshape(b, h - 2, wd - 2, -1), (x.shape, cols, w, y)


def conv3x3_relu_backward(dy, cache, need_dx=True):
    """Returns (dx or None, dw, dbias)."""
    x_shape, cols, w, y = cache
    g = dy.reshape(y.shape) * (y > 0)
    dw = (cols.T @ g).reshape(w.shape)
    dbias = g.sum(axis=0)
    dx = col2im3x3(g @ w.reshape(-1, w.shape[-1]).T, x_shape) if need_dx else None
    return dx, dw, dbias


def maxpool2x2_forward(x):
    """2x2 stride-2 VALID max pool (odd trailing rows/columns are dropped, as in TFLite)."""
    b, h, w, c = x.shape
    h2, w2 = h // 2, w // 2
    blocks = x[:, :2 * h2, :2 * w2, :].reshape(b, h2, 2, w2, 2, c)
    blocks = blocks.transpose(0, 1, 3, 5, 2, 4).reshape(b, h2, w2, c, 4)
    idx = blocks.argmax(axis=-1)
    out = np.take_along_axis(blocks, idx[..., np.newaxis], axis=-1)[..., 0]
    return out, (x.shape, idx)


def maxpool2x2_backward(dy, cache):
    """Routes each output gradient to the (first) maximum of its window."""
    (b, h, w, c), idx = cache
    h2, w2 = h // 2, w // 2
    d4 = np.zeros((b, h2, w2, c, 4), dtype=dy.dtype)
    np.put_along_axis(d4, idx[..., np.newaxis], dy[..., np.newaxis], axis=-1)
    d4 = d4.reshape(b, h2, w2, c, 2, 2).transpose(0, 1, 4, 2, 5, 3).reshape(b, 2 * h2, 2 * w2, c)
    dx = np.zeros((b, h, w, c), dtype=dy.dtype)
    dx[:, :2 * h2, :2 * w2, :] = d4
    return dx


def dense_forward(x, w, bias, relu):
    """x [B,In] @ w [In,Out] + bias, optionally ReLU."""
    y = x @ w + bias
    if relu:
        np.maximum(y, 0.0, out=y)
    return y, (x, w, y, relu)


def dense_backward(dy, cache):
    """Returns (dx, dw, dbias)."""
    x, w, y, relu = cache
    g = dy * (y > 0) if relu else dy
    return g @ w.T, x.T @ g, g.sum(axis=0)


def softmax(logits):
    """Row-wise softmax, stable."""
    z = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def softmax_cross_entropy(logits, labels):
    """Returns (mean loss, dlogits) for integer labels."""
    p = softmax(logits)
    n = logits.shape[0]
    loss = -np.log(p[np.arange(n), labels] + 1e-12).mean()
    d = p.copy()
    d[np.arange(n), labels] -= 1.0
    return float(loss), (d / n).astype(logits.dtype)
