#!/usr/bin/python3
"""Exports the trained MNIST CNN to the four .tflite variants and everything that goes with them.

Usage: /usr/bin/python3 models/train/export_mnist.py [--weights NPZ] [--out DIR] [--cache DIR]

From models/mnist/mnist_weights.npz (no retraining) it writes mnist_{f32,f16,hybrid,int8}.tflite,
reads each file back and simulates it on the 2,000 held-out test digits (tflite_sim.py: the numbers
describe the committed bytes), picks one sample digit per class from the test split, and writes
samples/, conformance cases/ and README.md. Exits non-zero when an accuracy target is missed.
"""

import argparse
import json
import os
import sys

import numpy as np
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import conformance_cases  # noqa: E402
import mnist_cnn  # noqa: E402
import mnist_data  # noqa: E402
import mnist_graphs  # noqa: E402
import mnist_readme  # noqa: E402
import tflite_reader  # noqa: E402
import tflite_sim  # noqa: E402
import tflite_writer  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "mnist"))
CALIBRATION_DIGITS = 500
# Float outputs: f32/f16 differ from another engine only by float summation order; hybrid also by
# the last bit of a dynamically quantized input, hence the looser bound (top-1 must still match).
TOLERANCE = {"f32": (1e-4, 1e-3), "f16": (1e-4, 1e-3), "hybrid": (2e-3, 1e-2)}


def model_input(variant, pixels):
    """Test pixels (uint8 [N,28,28]) as the variant's input tensor values."""
    if variant == "int8":  # quantize(p / 255, scale 1/255, zero point -128) == p - 128 exactly
        return (pixels.astype(np.int16) - 128).astype(np.int8)[..., np.newaxis]
    return mnist_data.to_float(pixels)


def export(params, train_pixels, out_dir):
    """Writes the four files; returns {variant: (path, graph read back from the file)}."""
    calib = mnist_data.to_float(train_pixels[:CALIBRATION_DIGITS])
    ranges = mnist_graphs.float_activation_ranges(params, calib)
    models = {}
    for variant in mnist_graphs.VARIANTS:
        data = tflite_writer.write(mnist_graphs.build(variant, params, ranges))
        path = os.path.join(out_dir, f"mnist_{variant}.tflite")
        with open(path, "wb") as f:
            f.write(data)
        models[variant] = (path, tflite_reader.read(data))
    return models


def pick_samples(predictions, labels):
    """Index of the first test digit of each class that every variant classifies correctly.

    The samples drive firmware tests that assert the right class, so they are chosen among digits
    all variants get right; the README states this, and the full-test-set accuracy stands apart.
    """
    all_right = np.all([p == labels for p in predictions.values()], axis=0)
    return [int(np.flatnonzero(all_right & (labels == k))[0]) for k in range(10)]


def write_samples(out_dir, test_pixels, test_labels, picks, graphs):
    folder = os.path.join(out_dir, "samples")
    os.makedirs(folder, exist_ok=True)
    entries = []
    for k, index in enumerate(picks):
        # The picture too, for `tools/strata run --image` (it maps pixels to pixel / 255).
        pixels = np.asarray(test_pixels[index]).reshape(28, 28).astype(np.uint8)
        Image.fromarray(pixels, "L").save(os.path.join(folder, f"digit{k}.png"))
        for suffix, variant in (("f32", "f32"), ("int8", "int8")):
            t = graphs[variant].tensors[graphs[variant].inputs[0]]
            array = model_input(variant, test_pixels[index:index + 1])
            name = f"digit{k}_{suffix}.bin"
            array.astype(t.numpy_dtype).tofile(os.path.join(folder, name))
            entry = {"file": name, "label": int(test_labels[index]), "test_index": index,
                     "type": "INT8" if suffix == "int8" else "FLOAT32", "shape": [1, 28, 28, 1]}
            if t.quantized:
                entry.update(scale=float(t.scale[0]), zero_point=int(t.zero_point[0]))
            entries.append(entry)
    doc = {"description": "One MNIST test digit per class (test split of mnist_data.py); raw "
                          "little-endian NHWC tensors: *_f32.bin = pixel/255 (f32, f16, hybrid "
                          "models), *_int8.bin = pixel-128 (int8 model); digit<k>.png the "
                          "8-bit picture.",
           "samples": entries}
    with open(os.path.join(folder, "samples.json"), "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


def write_cases(out_dir, models, test_pixels, test_labels, picks):
    root = os.path.join(out_dir, "cases")
    for variant, (path, graph) in models.items():
        interp = tflite_sim.Interpreter(graph)
        for k, index in enumerate(picks):
            x = model_input(variant, test_pixels[index:index + 1])
            out = interp.run([x])[0]
            conformance_cases.write_case(
                os.path.join(root, f"mnist_{variant}_digit{k}"), os.path.basename(path), graph, [x],
                [out], expected_top1=test_labels[index], tolerance=TOLERANCE.get(variant))


def check_targets(acc):
    problems = []
    if acc["f32"] < 0.985:
        problems.append(f"f32 accuracy {acc['f32']:.4f} < 0.985")
    for variant, limit in (("int8", 0.005), ("hybrid", 0.005), ("f16", 0.001)):
        if abs(acc[variant] - acc["f32"]) > limit + 1e-12:
            problems.append(f"{variant} accuracy {acc[variant]:.4f} not within {limit} of f32")
    return problems


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--weights", default=os.path.join(OUT, "mnist_weights.npz"))
    parser.add_argument("--out", default=OUT, help="output folder (default models/mnist)")
    parser.add_argument("--cache", default=None, help="MNIST cache dir")
    args = parser.parse_args(argv)

    with np.load(args.weights) as npz:
        params = {k: npz[k].astype(np.float32) for k in mnist_cnn.SHAPES}
        train_info = {k: npz[k].item() for k in ("train_seconds", "epochs", "test_accuracy")
                      if k in npz}
    (train_pixels, _), (test_pixels, test_labels) = mnist_data.load_split(args.cache)
    os.makedirs(args.out, exist_ok=True)
    models = export(params, train_pixels, args.out)

    predictions, acc, outputs = {}, {}, {}
    for variant, (path, graph) in models.items():
        out = tflite_sim.Interpreter(graph).run_batched(model_input(variant, test_pixels))
        outputs[variant] = out
        predictions[variant] = out.argmax(axis=1)
        acc[variant] = float((predictions[variant] == test_labels).mean())
        print(f"{os.path.basename(path)}: {os.path.getsize(path)} bytes, test accuracy "
              f"{acc[variant] * 100:.2f}% ({int((predictions[variant] == test_labels).sum())}/"
              f"{test_labels.size})")
    picks = pick_samples(predictions, test_labels)
    graphs = {v: g for v, (_, g) in models.items()}
    write_samples(args.out, test_pixels, test_labels, picks, graphs)
    write_cases(args.out, models, test_pixels, test_labels, picks)
    agreement = {v: float((predictions[v] == predictions["f32"]).mean()) for v in predictions}
    sizes = {v: os.path.getsize(p) for v, (p, _) in models.items()}
    mnist_readme.write(os.path.join(args.out, "README.md"), sizes, acc, agreement, train_info,
                       picks, calibration=CALIBRATION_DIGITS, tolerance=TOLERANCE,
                       npz_bytes=os.path.getsize(args.weights))
    problems = check_targets(acc)
    for p in problems:
        print(f"error: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
