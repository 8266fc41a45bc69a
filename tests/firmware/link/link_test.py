#!/usr/bin/python3
"""End-to-end test of the host link: the real firmware on a virtual board, driven through the host
client (tools/strata and its stratalink package) over its console socket.

  1. `tools/strata --qemu <elf> run --image digit<k>.png --expect k` (the command line users type):
     the right class and a per-layer table;
  2. in one session, every digit through the library: right class, one count per operator, the
     layer counts add up to the total;
  3. hostile frames (wrong input size, bad CRC, unknown type, oversized length, a frame cut off):
     each answered with its error code and message, and afterwards both the link and the text
     shell still answer;
  4. one input sent once, then three invokes: the same outputs every time (Invoke may overwrite
     its input; the device writes the last input it was sent before every invoke);
  5. `strata bench --runs 3 --log` twice and `strata compare` of the two logs.
With --bad-input-manifest, only the link rows of the bad-input table (tests/bad_input, fw=yes) run:
each row's bytes are sent and its error code name and message must come back, after which the link
and the shell must still answer.
Fails with a message (exit code 1) on the first broken expectation."""
import argparse
import os
import re
import struct
import subprocess
import sys
import tempfile
import time
import zlib

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tools"))
from stratalink import connection, device, frames, images, tensors  # noqa: E402

CLIENT = os.path.join(ROOT, "tools", "strata")


def check(condition, message):
    if not condition:
        sys.exit(f"link_test: FAIL: {message}")


def client(args, *command):
    cmd = [sys.executable, CLIENT, "--qemu", args.elf, "--machine", args.machine, *command]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout)
    check(result.returncode == 0, f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def check_cli_run(args):
    out = client(args, "run", "--image", os.path.join(args.samples, "digit7.png"), "--expect", "7")
    print(out)
    check("top class: 7" in out, "the client did not print top class 7")
    check(re.search(r"^\s+0\s+\w+\s+[\d,]+\s+[\d.]+%$", out, re.M), "no per-layer table")
    check(re.search(r"^total: [\d,]+ instructions", out, re.M), "no total line")


def check_digits(board, samples):
    info = board.info()
    tensor = info["inputs"][0]
    for digit in range(10):
        data = images.image_input(os.path.join(samples, f"digit{digit}.png"), tensor)
        board.set_input(0, data)
        result = board.invoke()
        values = tensors.decode(info["outputs"][0], result["outputs"][0])
        top = max(range(len(values)), key=lambda i: values[i])
        check(top == digit, f"digit {digit}: top class {top}")
        check(len(result["layers"]) == info["ops"], f"{len(result['layers'])} layer records for "
              f"{info['ops']} operators")
        check(sum(l["count"] for l in result["layers"]) == result["total"],
              "the layer counts do not add up to the total")
        check(result["unit"] == "instructions", f"unit {result['unit']} on a virtual board")
    print(f"link_test: 10 digits classified through the library ({info['model']}, "
          f"{info['kernels']})")


def check_repeated_invokes(board, samples):
    info = board.info()
    data = images.image_input(os.path.join(samples, "digit7.png"), info["inputs"][0])
    board.set_input(0, data)
    outputs = [board.invoke()["outputs"] for _ in range(3)]
    check(all(o == outputs[0] for o in outputs), f"one input, three invokes, different outputs: "
          f"{[[bytes(t).hex() for t in o] for o in outputs]}")
    values = tensors.decode(info["outputs"][0], outputs[0][0])
    top = max(range(len(values)), key=lambda i: values[i])
    check(top == 7, f"digit 7 repeated: top class {top}")
    print("link_test: one input, three invokes: the same outputs each time")


def raw_frame(frame_type, payload, crc_delta=0, length=None):
    body = struct.pack("<BH", frame_type, len(payload) if length is None else length) + payload
    return frames.SYNC + body + struct.pack("<I", (zlib.crc32(body) + crc_delta) & 0xFFFFFFFF)


def expect_error(board, data, code, text, label):
    """`text` is a plain substring, or a compiled regex."""
    board.stream.write(data)
    try:
        board.reply(None)
    except frames.LinkError as e:
        check(e.code == code, f"{label}: error code {e.code}, expected {code} ({e})")
        found = text.search(str(e)) if hasattr(text, "search") else text in str(e)
        check(found, f"{label}: message '{e}' lacks '{getattr(text, 'pattern', text)}'")
        print(f"link_test: {label}: {e}")
    else:
        check(False, f"{label}: no error frame")
    # The link and the shell both still work.
    check(board.request(frames.INFO_REQUEST, expect=frames.INFO).startswith(b"board="),
          f"{label}: no info after the error")
    board.stream.write(b"info\r")
    deadline = time.monotonic() + 20
    while b"@info board=" not in board.reader.text and time.monotonic() < deadline:
        board.reader.text += board.stream.read(64)
    check(b"@info board=" in board.reader.text, f"{label}: the shell does not answer afterwards")
    board.reader.text.clear()


def check_hostile_frames(board):
    info = board.info()
    size = info["inputs"][0]["bytes"]
    expect_error(board, raw_frame(frames.SET_INPUT, bytes(101)), 5,
                 f"input 0 takes {size} bytes, got 100", "wrong input size")
    expect_error(board, raw_frame(frames.SET_INPUT, bytes([9])), 5, "index must be 0..0",
                 "input index out of range")
    expect_error(board, raw_frame(frames.INFO_REQUEST, b"", crc_delta=1), 1, "bad CRC", "bad CRC")
    expect_error(board, raw_frame(0x42, b""), 4, "unknown frame type 0x42", "unknown type")
    expect_error(board, raw_frame(frames.SET_INPUT, b"", length=0xFFFF)[:5], 2,
                 f"receive buffer ({info['max_payload']} bytes)", "oversized length")
    expect_error(board, frames.SYNC[:1] + b"x", 3, "bad sync", "bad sync")
    expect_error(board, raw_frame(frames.SET_INPUT, bytes(size + 1))[:20], 7, "cut off",
                 "frame cut off")


def check_table_rows(board, manifest):
    """The link rows of the bad-input table (manifest.tsv written by tests/bad_input/make_inputs.py)."""
    codes = {name: code for code, name in frames.ERROR_NAMES.items()}
    keys = ("id", "kind", "file", "arena", "status", "message", "fw")
    with open(manifest, encoding="utf-8") as f:
        rows = [dict(zip(keys, line.rstrip("\n").split("\t"))) for line in f if line.strip()]
    rows = [r for r in rows if r["kind"] == "link" and r["fw"] == "yes"]
    check(rows, f"no link rows with fw=yes in {manifest}")
    for r in rows:
        with open(os.path.join(os.path.dirname(manifest), r["file"]), "rb") as f:
            data = f.read()
        check(r["status"] in codes, f"{r['id']}: unknown error name '{r['status']}'")
        pattern = re.compile(r"[0-9]+(?:,[0-9]+)*".join(re.escape(p) for p in r["message"].split("<n>")))
        expect_error(board, data, codes[r["status"]], pattern, f"bad_input.{r['id']}")
    print(f"link_test: {len(rows)} link rows of the bad-input table passed")


def check_bench_and_compare(args):
    with tempfile.TemporaryDirectory() as tmp:
        logs = [os.path.join(tmp, f"bench{k}.json") for k in range(2)]
        for log in logs:
            out = client(args, "bench", "--runs", "3", "--image",
                         os.path.join(args.samples, "digit3.png"), "--log", log)
            check(re.search(r"^\s+total\s+[\d,]+", out, re.M), f"bench printed no total:\n{out}")
        out = subprocess.run([sys.executable, CLIENT, "compare", *logs], capture_output=True,
                             text=True, timeout=60).stdout
        print(out)
        # Instruction counts are exact: the same firmware gives the same figures twice.
        check(re.search(r"^total\s+[\d,]+\s+[\d,]+\s+1\.000$", out, re.M),
              f"compare of two identical runs is not 1.000:\n{out}")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--elf", required=True)
    p.add_argument("--machine", required=True)
    p.add_argument("--samples", default=os.path.join(ROOT, "models", "mnist", "samples"))
    p.add_argument("--timeout", type=float, default=300)
    p.add_argument("--bad-input-manifest", help="run the bad-input table's link rows only")
    args = p.parse_args()
    if args.bad_input_manifest:
        with connection.VirtualBoard(args.elf, args.machine, args.timeout) as stream:
            check_table_rows(device.Device(stream), args.bad_input_manifest)
        print("link_test: PASS")
        return
    check_cli_run(args)
    with connection.VirtualBoard(args.elf, args.machine, args.timeout) as stream:
        board = device.Device(stream)
        check_digits(board, args.samples)
        check_repeated_invokes(board, args.samples)
        check_hostile_frames(board)
        check_digits(board, args.samples)
    check_bench_and_compare(args)
    print("link_test: PASS")


if __name__ == "__main__":
    main()
