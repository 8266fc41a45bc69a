#!/usr/bin/python3
"""Exports the sine regressor to sine_f32.tflite / sine_int8.tflite with samples, cases and README.

Usage: /usr/bin/python3 models/train/export_sine.py [--weights NPZ] [--out DIR]

Same writer, reader and simulation as the MNIST models. The int8 model takes x quantized with scale
2*pi/255 and zero point -128 (the calibrated range [0, 2*pi]); the ten sample points lie on that
grid so the float and int8 models see exactly the same x. Exits non-zero when a sample is off by
0.05+.
"""

import argparse
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import conformance_cases  # noqa: E402
import train_sine  # noqa: E402
import tflite_reader  # noqa: E402
import tflite_sim  # noqa: E402
import tflite_writer  # noqa: E402
from graph_builder import FLOAT32, INT32, INT8, GraphBuilder  # noqa: E402
from quant_math import activation_params, quantize_bias, quantize_weights_per_channel  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "sine"))
FULLY_CONNECTED = 9
TOLERANCE = 0.05  # the firmware test's bound on |model(x) - sin(x)|


def _ranges(params):
    x = np.linspace(0, 2 * np.pi, 1000, dtype=np.float32)[:, None]
    h1 = np.maximum(x @ params["fc1_w"] + params["fc1_b"], 0)
    h2 = np.maximum(h1 @ params["fc2_w"] + params["fc2_b"], 0)
    y = h2 @ params["fc3_w"] + params["fc3_b"]
    return {"in": (0.0, 2 * np.pi), "dense": (0.0, float(h1.max())),
            "dense_1": (0.0, float(h2.max())), "dense_2": (float(y.min()), float(y.max()))}


def build(variant, params):
    int8 = variant == "int8"
    ranges = _ranges(params)
    b = GraphBuilder(f"Strata sine regressor ({variant}); models/train/export_sine.py")
    qp = {}

    def act(name, shape, key):
        if not int8:
            return b.act(name, shape, FLOAT32)
        scale, zp = activation_params(*ranges[key])
        handle = b.act(name, shape, INT8, scale, zp)
        qp[handle] = scale
        return handle

    if int8:
        scale, zp = activation_params(*ranges["in"])
        x = b.input("serving_default_dense_input:0", (1, 1), INT8, scale, zp)
        qp[x] = scale
    else:
        x = b.input("serving_default_dense_input:0", (1, 1), FLOAT32)
    h = x
    layers = (("dense", "fc1", 1), ("dense_1", "fc2", 1), ("dense_2", "fc3", 0))
    for i, (layer, key, relu) in enumerate(layers):
        w = np.ascontiguousarray(params[f"{key}_w"].T)
        bias = params[f"{key}_b"]
        name = f"sequential/{layer}/MatMul"
        if int8:
            q, scales = quantize_weights_per_channel(w, 0)
            qb, bscales = quantize_bias(bias, qp[h], scales)
            wh = b.const(name, q, INT8, scales, qdim=0)
            bh = b.const(f"{name}_bias", qb, INT32, bscales)
        else:
            wh, bh = b.const(name, w, FLOAT32), b.const(f"{name}_bias", bias, FLOAT32)
        last = i == len(layers) - 1
        out_name = "StatefulPartitionedCall:0" if last else f"sequential/{layer}/Relu"
        y = act(out_name, (1, w.shape[0]), layer)
        opts = ("FullyConnectedOptions", {"FusedActivationFunction": relu})
        b.op(FULLY_CONNECTED, 4 if int8 else 1, [h, wh, bh], [y], opts)
        h = y
    return b.finish([x], [h], ("dense_input", "dense_2"))


def sample_points(graph_int8):
    """Ten x values on the int8 input grid, spread over (0, 2*pi): (x float32, q int8)."""
    q = np.array([round(255 * (k + 0.5) / 10) - 128 for k in range(10)], dtype=np.int8)
    return dequantize_input(graph_int8, q), q


def run(graph, values):
    """Model output as float for a batch of inputs [N] (dequantized for int8)."""
    out = tflite_sim.Interpreter(graph).run([values.reshape(-1, 1)])[0]
    t = graph.tensors[graph.outputs[0]]
    if t.quantized:
        return (out.astype(np.float64) - float(t.zero_point[0])) * float(t.scale[0]), out
    return out.astype(np.float64), out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--weights", default=os.path.join(OUT, "sine_weights.npz"))
    parser.add_argument("--out", default=OUT)
    args = parser.parse_args(argv)
    with np.load(args.weights) as npz:
        params = {k: npz[k].astype(np.float32) for k in train_sine.SHAPES}
        train_seconds = float(npz["train_seconds"])
    os.makedirs(os.path.join(args.out, "samples"), exist_ok=True)
    graphs, sizes = {}, {}
    for variant in ("f32", "int8"):
        data = tflite_writer.write(build(variant, params))
        path = os.path.join(args.out, f"sine_{variant}.tflite")
        with open(path, "wb") as f:
            f.write(data)
        graphs[variant], sizes[variant] = tflite_reader.read(data), len(data)
    x, q = sample_points(graphs["int8"])
    expected = np.sin(x.astype(np.float64))
    errors, grid_errors, entries = {}, {}, []
    for variant, inputs in (("f32", x), ("int8", q)):
        y, raw = run(graphs[variant], inputs)
        errors[variant] = np.abs(y[:, 0] - expected)
        # Whole input range: 1001 floats, or every one of the 256 int8 inputs.
        grid = (np.linspace(0, 2 * np.pi, 1001, dtype=np.float32) if variant == "f32"
                else np.arange(-128, 128).astype(np.int8))
        grid_x = grid if variant == "f32" else dequantize_input(graphs["int8"], grid)
        grid_y, _ = run(graphs[variant], grid)
        grid_errors[variant] = float(np.abs(grid_y[:, 0] - np.sin(grid_x.astype(np.float64))).max())
        for k in range(10):
            name = f"x{k}_{variant}.bin"
            inputs[k:k + 1].tofile(os.path.join(args.out, "samples", name))
            entry = {"file": name, "type": "FLOAT32" if variant == "f32" else "INT8",
                     "shape": [1, 1], "x": float(x[k]), "expected": [float(expected[k])]}
            t_in = graphs[variant].tensors[graphs[variant].inputs[0]]
            if t_in.quantized:
                entry.update(scale=float(t_in.scale[0]), zero_point=int(t_in.zero_point[0]))
            entries.append(entry)
            conformance_cases.write_case(
                os.path.join(args.out, "cases", f"sine_{variant}_x{k}"), f"sine_{variant}.tflite",
                graphs[variant], [inputs[k:k + 1]], [raw[k:k + 1]], tolerance=(1e-5, 1e-4))
    _write_samples_json(args.out, entries)
    _write_readme(args.out, sizes, errors, grid_errors, train_seconds, x, expected)
    for variant in errors:
        print(f"sine_{variant}.tflite: {sizes[variant]} bytes, max |y - sin(x)| at the 10 samples "
              f"{errors[variant].max():.4f}, over the input range {grid_errors[variant]:.4f}")
    bad = [v for v in errors if errors[v].max() >= TOLERANCE]
    for v in bad:
        print(f"error: sine_{v} is {errors[v].max():.4f} off at a sample point", file=sys.stderr)
    return 1 if bad else 0


def dequantize_input(graph_int8, q):
    t = graph_int8.tensors[graph_int8.inputs[0]]
    return np.float32(t.scale[0]) * (q.astype(np.float32) - np.float32(t.zero_point[0]))


def _write_samples_json(out, entries):
    doc = {"description": "Ten x points on the int8 input grid; x<k>_f32.bin = float32 x, "
                          "x<k>_int8.bin = round(x / scale) + zero_point; expected = [sin(x)], "
                          "which the models must meet within `tolerance`.",
           "tolerance": TOLERANCE, "samples": entries}
    with open(os.path.join(out, "samples", "samples.json"), "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


def _write_readme(out, sizes, errors, grid_errors, seconds, x, expected):
    rows = "\n".join(f"| {k} | {x[k]:.4f} | {expected[k]:+.4f} | {errors['f32'][k]:.4f} | "
                     f"{errors['int8'][k]:.4f} |" for k in range(10))
    text = f"""# sine: the hello-world sine regressor

Dense 16 ReLU -> Dense 16 ReLU -> Dense 1 on x in [0, 2*pi], fitted to sin(x). This file is
generated by `models/train/export_sine.py`.

| file | bytes | max abs error at the 10 samples | max abs error over the input range |
|---|---:|---:|---:|
| sine_f32.tflite | {sizes['f32']} | {errors['f32'].max():.4f} | {grid_errors['f32']:.4f} \
(1001 points) |
| sine_int8.tflite | {sizes['int8']} | {errors['int8'].max():.4f} | {grid_errors['int8']:.4f} \
(all 256 inputs) |

## How it was made

```
/usr/bin/python3 models/train/train_sine.py    # train ({seconds:.1f} s), save weights, export
/usr/bin/python3 models/train/export_sine.py   # export only
```

numpy, full-batch Adam on 2,000 uniform x with a cosine learning rate, first-layer ReLU kinks
spread over [0, 2*pi] at initialization, fixed seed. The int8 model: input scale 2*pi/255, zero
point -128; per-channel int8 weights, int32 biases; activation ranges calibrated on 1,000 points.
Errors are from the numpy TFLite simulation of the written files (`models/train/tflite_sim.py`).

## Sample inputs

`samples/x<k>_f32.bin` (float32) and `samples/x<k>_int8.bin` (int8), listed with x and sin(x) in
`samples/samples.json`; the firmware test bound is |model(x) - sin(x)| < {TOLERANCE}.
`cases/sine_<variant>_x<k>/` holds the same points as conformance cases (int8 exact, f32 close).

| k | x | sin(x) | f32 error | int8 error |
|---:|---:|---:|---:|---:|
{rows}
"""
    with open(os.path.join(out, "README.md"), "w") as f:
        f.write(text)


if __name__ == "__main__":
    sys.exit(main())
