"""The project's MNIST CNN in numpy: parameters, forward, backward.

Conv2D 32 3x3 ReLU -> MaxPool 2x2 -> Conv2D 64 3x3 ReLU -> MaxPool 2x2 -> Conv2D 64 3x3 ReLU ->
Flatten -> Dense 64 ReLU -> Dense 10 (softmax in the loss / at export). 93,322 parameters, 2,794,240
MACs, the architecture of the STM32F746 / Teensy 4.0 benchmark posts. Weights are kept in the shapes
training wants (conv HWIO, dense [in, out]); the exporter transposes them to TFLite's OHWI / [out,
in]. Flatten is NHWC order (h, w, c), exactly what TFLite's RESHAPE of an NHWC tensor does.
"""

import numpy as np

import nn_ops

SHAPES = {
    "conv1_w": (3, 3, 1, 32), "conv1_b": (32,),
    "conv2_w": (3, 3, 32, 64), "conv2_b": (64,),
    "conv3_w": (3, 3, 64, 64), "conv3_b": (64,),
    "fc1_w": (576, 64), "fc1_b": (64,),
    "fc2_w": (64, 10), "fc2_b": (10,),
}
PARAMETER_COUNT = 93322
MAC_COUNT = 2794240


def init_params(rng):
    """He-normal weights, zero biases, float32."""
    params = {}
    for name, shape in SHAPES.items():
        if name.endswith("_b"):
            params[name] = np.zeros(shape, dtype=np.float32)
        else:
            fan_in = int(np.prod(shape[:-1]))
            params[name] = (rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)).astype(np.float32)
    assert sum(p.size for p in params.values()) == PARAMETER_COUNT
    return params


def _dropout(x, rate, rng):
    """Inverted dropout (training only); returns (x * mask, mask)."""
    if rng is None or rate == 0.0:
        return x, None
    mask = (rng.random(x.shape, dtype=np.float32) >= rate).astype(np.float32) / np.float32(1 - rate)
    return x * mask, mask


def forward(params, x, dropout=0.0, rng=None):
    """x [B,28,28,1] float32 -> (logits [B,10], caches for backward). rng enables dropout."""
    c1, k1 = nn_ops.conv3x3_relu_forward(x, params["conv1_w"], params["conv1_b"])  # 26x26x32
    p1, q1 = nn_ops.maxpool2x2_forward(c1)  # 13x13x32
    c2, k2 = nn_ops.conv3x3_relu_forward(p1, params["conv2_w"], params["conv2_b"])  # 11x11x64
    p2, q2 = nn_ops.maxpool2x2_forward(c2)  # 5x5x64
    c3, k3 = nn_ops.conv3x3_relu_forward(p2, params["conv3_w"], params["conv3_b"])  # 3x3x64
    flat, m1 = _dropout(c3.reshape(x.shape[0], -1), dropout, rng)
    h, d1 = nn_ops.dense_forward(flat, params["fc1_w"], params["fc1_b"], relu=True)
    hd, m2 = _dropout(h, dropout, rng)
    logits, d2 = nn_ops.dense_forward(hd, params["fc2_w"], params["fc2_b"], relu=False)
    return logits, (k1, q1, k2, q2, k3, c3.shape, d1, d2, m1, m2)


def backward(caches, dlogits):
    """Gradients of every parameter given dLoss/dlogits."""
    k1, q1, k2, q2, k3, c3_shape, d1, d2, m1, m2 = caches
    g = {}
    dh, g["fc2_w"], g["fc2_b"] = nn_ops.dense_backward(dlogits, d2)
    dh = dh if m2 is None else dh * m2
    dflat, g["fc1_w"], g["fc1_b"] = nn_ops.dense_backward(dh, d1)
    dflat = dflat if m1 is None else dflat * m1
    dp2, g["conv3_w"], g["conv3_b"] = nn_ops.conv3x3_relu_backward(dflat.reshape(c3_shape), k3)
    dc2 = nn_ops.maxpool2x2_backward(dp2, q2)
    dp1, g["conv2_w"], g["conv2_b"] = nn_ops.conv3x3_relu_backward(dc2, k2)
    dc1 = nn_ops.maxpool2x2_backward(dp1, q1)
    _, g["conv1_w"], g["conv1_b"] = nn_ops.conv3x3_relu_backward(dc1, k1, need_dx=False)
    return g


def predict_logits(params, x, batch=500):
    """Inference in batches (no caches kept)."""
    out = [forward(params, x[i:i + batch])[0] for i in range(0, x.shape[0], batch)]
    return np.concatenate(out)


def accuracy(params, x, labels):
    return float((predict_logits(params, x).argmax(axis=1) == labels).mean())
