#!/usr/bin/python3
"""Unit tests of tools/stratalink (the host client's library), no board needed."""
import io
import os
import struct
import sys
import tempfile
import unittest
import zlib

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tools"))
from stratalink import device, frames, images, logs, tensors, validate  # noqa: E402


class FakeStream:
    """A console: what the device 'sends' is queued in advance; reads return b'' when empty."""

    def __init__(self, incoming=b""):
        self.incoming = io.BytesIO(incoming)
        self.written = bytearray()

    def read(self, n):
        return self.incoming.read(n)

    def write(self, data):
        self.written += data


INFO_TEXT = (b"board=mps2-an500\nclock_hz=25000000\nunit=instructions\nmodel=mnist-int8\n"
             b"kernels=optimized\nops=2\nmacs=100\narena=256\nmax_payload=785\n"
             b"input0=int8 1x2x2x1 bytes=4 scale=0.003922 scale_bits=0x3b808081 zero_point=-128\n"
             b"output0=int8 1x3 bytes=3 scale=0.003906 scale_bits=0x3b800000 zero_point=-128\n")


def result_payload(layers, total, unit=b"instructions"):
    out = struct.pack("<I", len(layers))
    for i, (name, count) in enumerate(layers):
        out += struct.pack("<HB", i, len(name)) + name + struct.pack("<Q", count)
    return out + struct.pack("<Q", total) + unit


class FramesTest(unittest.TestCase):
    def test_encode_matches_the_documented_layout(self):
        data = frames.encode(frames.SET_INPUT, b"\x00\x01")
        self.assertEqual(data[:5], b"\xa5\x5a\x02\x02\x00")
        self.assertEqual(data[5:7], b"\x00\x01")
        self.assertEqual(struct.unpack("<I", data[7:])[0], zlib.crc32(data[2:7]))

    def test_reader_skips_shell_text_and_keeps_it(self):
        stream = FakeStream(b"Strata 0.1.0\r\n> " + frames.encode(frames.ACK))
        reader = frames.FrameReader(stream)
        self.assertEqual(reader.read(), (frames.ACK, b""))
        self.assertEqual(bytes(reader.text), b"Strata 0.1.0\r\n> ")

    def test_bad_crc_from_the_device_is_an_error(self):
        data = bytearray(frames.encode(frames.INFO, b"x"))
        data[-1] ^= 1
        with self.assertRaisesRegex(frames.LinkError, "bad CRC"):
            frames.FrameReader(FakeStream(bytes(data))).read()

    def test_silence_and_cut_frames_are_timeouts(self):
        with self.assertRaisesRegex(frames.LinkError, "timed out waiting"):
            frames.FrameReader(FakeStream(b"> ")).read()
        with self.assertRaisesRegex(frames.LinkError, "inside a frame"):
            frames.FrameReader(FakeStream(frames.encode(frames.INFO, b"abc")[:6])).read()

    def test_result_payload_decodes(self):
        layers, total, unit = frames.decode_result(
            result_payload([(b"CONV_2D", 1000), (b"SOFTMAX", 20)], 1020))
        self.assertEqual([l["op"] for l in layers], ["CONV_2D", "SOFTMAX"])
        self.assertEqual([l["count"] for l in layers], [1000, 20])
        self.assertEqual((total, unit), (1020, "instructions"))


class DeviceTest(unittest.TestCase):
    def test_info_parses_tensors_with_exact_scales(self):
        board = device.Device(FakeStream(frames.encode(frames.INFO, INFO_TEXT)))
        info = board.info()
        self.assertEqual(info["ops"], 2)
        self.assertEqual(info["inputs"][0]["shape"], [1, 2, 2, 1])
        self.assertEqual(info["inputs"][0]["scale"], struct.unpack("<f", b"\x81\x80\x80\x3b")[0])
        self.assertEqual(info["outputs"][0]["zero_point"], -128)
        self.assertEqual(bytes(board.stream.written[:3]), b"\r\xa5\x5a")  # a line start first

    def test_invoke_reads_result_then_outputs(self):
        replies = (frames.encode(frames.INFO, INFO_TEXT)
                   + frames.encode(frames.RESULT, result_payload([(b"FULLY_CONNECTED", 7)], 7))
                   + frames.encode(frames.OUTPUT, b"\x00\x01\x02\x03"))
        board = device.Device(FakeStream(replies))
        board.info()
        result = board.invoke()
        self.assertEqual(result["total"], 7)
        self.assertEqual(result["outputs"], [b"\x01\x02\x03"])

    def test_error_frame_raises_with_code_and_message(self):
        reply = frames.encode(frames.ERROR, b"\x05set input: input 0 takes 4 bytes, got 3")
        board = device.Device(FakeStream(reply))
        with self.assertRaises(frames.LinkError) as caught:
            board.set_input(0, b"abc")
        self.assertEqual(caught.exception.code, 5)
        self.assertIn("takes 4 bytes", str(caught.exception))


class TensorsTest(unittest.TestCase):
    INT8 = {"type": "int8", "shape": [1, 2, 2, 1], "bytes": 4, "scale": 1 / 255.0,
            "zero_point": -128}

    def test_quantizes_with_scale_zero_point_and_clamps(self):
        self.assertEqual(tensors.encode(self.INT8, [0.0, 1.0, 0.5, 2.0]),
                         struct.pack("<4b", -128, 127, 0, 127))

    def test_float32_is_packed_as_is(self):
        t = {"type": "float32", "shape": [2], "bytes": 8, "scale": 0.0, "zero_point": 0}
        self.assertEqual(tensors.decode(t, tensors.encode(t, [0.25, -1.5])), [0.25, -1.5])

    def test_dequantizes(self):
        t = {"type": "int8", "scale": 0.5, "zero_point": 10}
        self.assertEqual(tensors.decode(t, struct.pack("<2b", 10, 12)), [0.0, 1.0])

    def test_raw_input_of_the_wrong_size_is_refused(self):
        with tempfile.NamedTemporaryFile() as f:
            f.write(b"abc")
            f.flush()
            with self.assertRaisesRegex(SystemExit, "has 3 bytes, the model's input takes 4"):
                tensors.raw_input(f.name, self.INT8)


class ImagesTest(unittest.TestCase):
    INT8 = TensorsTest.INT8
    # person_detect's input: int8, scale 2/255, zero point -1, i.e. about [-1, 1].
    SIGNED = {"type": "int8", "shape": [1, 2, 2, 1], "bytes": 4, "scale": 2 / 255.0,
              "zero_point": -1}
    RGB = {"type": "float32", "shape": [1, 2, 2, 3], "bytes": 48, "scale": 0.0, "zero_point": 0}

    def picture(self, tmp, mode, size, colour):
        from PIL import Image
        path = os.path.join(tmp, f"{mode}.png")
        Image.new(mode, size, colour).save(path)
        return path

    def convert(self, path, tensor, norm=None, invert=False):
        said = []
        data = images.image_input(path, tensor, norm, invert, say=said.append)
        return data, said

    def test_default_range_is_pixel_over_255_then_the_input_quantization(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = self.picture(tmp, "L", (2, 2), 255)
            self.assertEqual(self.convert(path, self.INT8), (struct.pack("<4b", *[127] * 4), []))
            data, _ = self.convert(path, self.INT8, invert=True)
            self.assertEqual(data, struct.pack("<4b", *[-128] * 4))

    def test_ranges_and_mean_std(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = self.picture(tmp, "RGB", (2, 2), (0, 51, 255))
            for norm, expected in ((images.normalization("0,1"), [0.0, 0.2, 1.0]),
                                   (images.normalization("-1,1"), [-1.0, -0.6, 1.0]),
                                   (images.normalization("0,255"), [0.0, 51.0, 255.0]),
                                   (images.normalization(None, "0,51,255", "1,51,255"),
                                    [0.0, 0.0, 0.0])):
                data, _ = self.convert(path, self.RGB, norm)
                self.assertEqual([round(v, 5) for v in tensors.decode(self.RGB, data)[:3]],
                                 expected, norm.text)

    def test_size_and_channel_changes_are_said(self):
        with tempfile.TemporaryDirectory() as tmp:
            _, said = self.convert(self.picture(tmp, "RGB", (8, 4), (9, 9, 9)), self.INT8)
            self.assertTrue(any("colour picture (RGB) converted to grey" in m for m in said), said)
            self.assertTrue(any("8x4 resized to 2x2" in m and "aspect ratio changed" in m
                                for m in said), said)
            _, said = self.convert(self.picture(tmp, "L", (2, 2), 9), self.RGB,
                                   images.normalization("-1,1"))
            self.assertTrue(any("grey picture given to a 3-channel input" in m for m in said), said)

    def test_a_range_that_misses_the_quantization_is_said_with_the_fitting_one(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = self.picture(tmp, "L", (2, 2), 255)
            _, said = self.convert(path, self.SIGNED)
            self.assertTrue(any("only 50 % of the input's levels are used; try --range -1,1" in m
                                for m in said), said)
            _, said = self.convert(path, self.SIGNED, images.normalization("-1,1"))
            self.assertEqual(said, [])
            _, said = self.convert(path, self.INT8, images.normalization("0,255"))
            self.assertTrue(any("values are clipped; try --range 0,1" in m for m in said), said)

    def test_a_float_input_with_the_default_range_gets_a_reminder(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = self.picture(tmp, "RGB", (2, 2), (1, 2, 3))
            _, said = self.convert(path, self.RGB)
            self.assertTrue(any("the input is float32" in m for m in said), said)
            _, said = self.convert(path, self.RGB, images.normalization("0,1"))
            self.assertEqual(said, [])

    def test_bad_normalizations_are_refused(self):
        with self.assertRaisesRegex(SystemExit, "not both"):
            images.normalization("0,1", "0", "1")
        with self.assertRaisesRegex(SystemExit, "not one of"):
            images.normalization("0,2")
        with self.assertRaisesRegex(SystemExit, "must not be 0"):
            images.normalization(None, "0", "0")


class ValidateTest(unittest.TestCase):
    OUT = {"type": "int8", "shape": [1, 3], "bytes": 3, "scale": 0.5, "zero_point": 0}
    FLOAT = {"type": "float32", "shape": [1, 2], "bytes": 8, "scale": 0.0, "zero_point": 0}

    def test_int8_outputs_must_be_identical(self):
        c = validate.Comparison(self.OUT)
        self.assertTrue(c.add(struct.pack("<3b", 1, 5, 2), struct.pack("<3b", 1, 5, 2)))
        self.assertTrue(c.passed(1e-4))
        self.assertTrue(c.add(struct.pack("<3b", 1, 5, 3), struct.pack("<3b", 1, 5, 2)))
        self.assertFalse(c.passed(1e-4))
        self.assertEqual((c.max_steps, c.max_abs_error, c.top1_agree), (1, 0.5, 2))
        self.assertFalse(c.add(struct.pack("<3b", 9, 5, 3), struct.pack("<3b", 1, 5, 2)))
        self.assertEqual(c.top1_agree, 2)

    def test_float_outputs_within_the_tolerance(self):
        c = validate.Comparison(self.FLOAT)
        c.add(struct.pack("<2f", 0.25, 0.75), struct.pack("<2f", 0.25, 0.7500305))
        self.assertTrue(c.passed(1e-4))
        self.assertFalse(c.passed(1e-5))

    def test_nan_on_one_side_is_an_infinite_error(self):
        c = validate.Comparison(self.FLOAT)
        c.add(struct.pack("<2f", float("nan"), 0.5), struct.pack("<2f", 0.25, 0.5))
        self.assertEqual(c.max_abs_error, float("inf"))
        self.assertFalse(c.passed(1e-4))
        c = validate.Comparison(self.FLOAT)
        c.add(struct.pack("<2f", float("nan"), 0.5), struct.pack("<2f", float("nan"), 0.5))
        self.assertTrue(c.passed(1e-4))

    def test_another_interface_is_refused(self):
        info = {"model": "m", "inputs": [TensorsTest.INT8], "outputs": [self.OUT]}
        plan = {"inputs": [dict(TensorsTest.INT8)], "outputs": [dict(self.OUT, zero_point=3)]}
        validate.check_same_interface(info, {"inputs": info["inputs"], "outputs": [self.OUT]}, "f")
        with self.assertRaisesRegex(SystemExit, "output 0: device int8 1x3 scale 0.5 zp 0, file "
                                                "int8 1x3 scale 0.5 zp 3"):
            validate.check_same_interface(info, plan, "f")

    def test_random_inputs_cover_the_type_and_repeat_with_the_seed(self):
        sets = validate.random_inputs([TensorsTest.INT8, self.FLOAT], 3, seed=7)
        self.assertEqual([len(d) for d in sets[0][1]], [4, 8])
        self.assertEqual(sets, validate.random_inputs([TensorsTest.INT8, self.FLOAT], 3, seed=7))
        self.assertNotEqual(sets[0], sets[1])

    def test_folder_inputs_take_the_samples_of_the_input_type(self):
        folder = os.path.join(ROOT, "models", "mnist", "samples")
        tensor = {"type": "int8", "shape": [1, 28, 28, 1], "bytes": 784, "scale": 1 / 255.0,
                  "zero_point": -128}
        found = validate.folder_inputs(folder, [tensor], images.normalization(), False)
        self.assertEqual([name for name, _ in found][:2], ["digit0_int8.bin", "digit1_int8.bin"])
        self.assertEqual(len(found), 10)


class LogsTest(unittest.TestCase):
    INFO = {"model": "m", "kernels": "k", "board": "b"}

    def run_of(self, counts):
        return {"layers": [{"index": i, "op": f"OP{i}", "count": c} for i, c in enumerate(counts)],
                "total": sum(counts), "unit": "cycles"}

    def test_summary_and_compare(self):
        a = logs.summarize(self.INFO, [self.run_of([10, 30]), self.run_of([20, 30])])
        b = logs.summarize(self.INFO, [self.run_of([5, 15])])
        self.assertEqual(a["layers"][0]["avg"], 15)
        self.assertEqual(a["total"], {"min": 40, "avg": 45, "max": 50})
        lines = logs.compare(a, b)
        self.assertTrue(any(l.startswith("  0 OP0") and l.endswith("0.333") for l in lines), lines)
        self.assertTrue(lines[-1].startswith("total") and lines[-1].endswith("0.444"), lines)

    def test_round_trip_through_a_file_and_refuses_other_json(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "a.json")
            logs.write(path, logs.summarize(self.INFO, [self.run_of([1])]))
            self.assertEqual(logs.read(path)["runs"], 1)
            with open(path, "w") as f:
                f.write("{}")
            with self.assertRaisesRegex(SystemExit, "not a strata run log"):
                logs.read(path)


if __name__ == "__main__":
    unittest.main()
