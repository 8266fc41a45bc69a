#!/usr/bin/python3
"""Trains the hello-world sine regressor in numpy and exports sine_f32 / sine_int8.

Usage: /usr/bin/python3 models/train/train_sine.py [--no-export]

Dense 16 ReLU -> Dense 16 ReLU -> Dense 1 on x in [0, 2*pi], fitted to sin(x) (no noise: the model
is a runtime check, so we want it accurate). Full-batch Adam with a fixed seed; takes seconds.
Saves models/sine/sine_weights.npz, then runs export_sine.py.
"""

import argparse
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import adam  # noqa: E402
import nn_ops  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
WEIGHTS = os.path.normpath(os.path.join(HERE, "..", "sine", "sine_weights.npz"))
SEED = 7
SHAPES = {"fc1_w": (1, 16), "fc1_b": (16,), "fc2_w": (16, 16), "fc2_b": (16,), "fc3_w": (16, 1),
          "fc3_b": (1,)}


def forward(params, x):
    h1, c1 = nn_ops.dense_forward(x, params["fc1_w"], params["fc1_b"], relu=True)
    h2, c2 = nn_ops.dense_forward(h1, params["fc2_w"], params["fc2_b"], relu=True)
    y, c3 = nn_ops.dense_forward(h2, params["fc3_w"], params["fc3_b"], relu=False)
    return y, (c1, c2, c3)


def train(steps=6000, samples=2000):
    rng = np.random.default_rng(SEED)
    params = {k: (rng.standard_normal(s) * np.sqrt(2.0 / s[0])).astype(np.float32)
              if k.endswith("_w") else np.zeros(s, np.float32) for k, s in SHAPES.items()}
    # Spread the first layer's ReLU kinks over [0, 2pi] so that no unit starts dead or redundant.
    sign = rng.choice([-1.0, 1.0], 16)
    params["fc1_w"] = (sign * rng.uniform(0.5, 1.5, 16)).astype(np.float32)[None, :]
    params["fc1_b"] = (-params["fc1_w"][0] * rng.uniform(0.0, 2 * np.pi, 16)).astype(np.float32)
    params["fc2_b"] = np.full(16, 0.1, np.float32)
    x = rng.uniform(0.0, 2 * np.pi, (samples, 1)).astype(np.float32)
    y = np.sin(x).astype(np.float32)
    opt = adam.Adam(params)
    for step in range(steps):
        pred, (c1, c2, c3) = forward(params, x)
        d = (2.0 / samples) * (pred - y)
        g = {}
        dh2, g["fc3_w"], g["fc3_b"] = nn_ops.dense_backward(d, c3)
        dh1, g["fc2_w"], g["fc2_b"] = nn_ops.dense_backward(dh2, c2)
        _, g["fc1_w"], g["fc1_b"] = nn_ops.dense_backward(dh1, c1)
        lr = 1e-4 + 0.5 * (1e-2 - 1e-4) * (1 + np.cos(np.pi * step / steps))
        opt.step(params, g, lr)
    return params


def max_error(params):
    grid = np.linspace(0, 2 * np.pi, 1001, dtype=np.float32)[:, None]
    return float(np.abs(forward(params, grid)[0] - np.sin(grid)).max())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--no-export", action="store_true")
    args = parser.parse_args()
    t0 = time.time()
    params = train()
    seconds = time.time() - t0
    err = max_error(params)
    print(f"trained in {seconds:.1f} s; max |model(x) - sin(x)| on [0, 2pi]: {err:.4f}")
    os.makedirs(os.path.dirname(WEIGHTS), exist_ok=True)
    np.savez(WEIGHTS, **params, train_seconds=np.float64(seconds), max_error=np.float64(err))
    if not args.no_export:
        import export_sine  # noqa: E402
        sys.exit(export_sine.main([]))


if __name__ == "__main__":
    main()
