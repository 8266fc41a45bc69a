#!/usr/bin/python3
"""Turns the bad-input table (cases.tsv) into input files and a manifest for the runners.

For every row it writes one file into --out: `<id>.tflite` (model rows: a named good model with the
row's edits applied), `<id>.txt` (shell rows: the console bytes) or `<id>.bin` (link rows: the frame
bytes), and one line of `manifest.tsv`: id, kind, file, arena bytes, status, message, fw (tab
separated, message empty when the table says `-`). The host runner and the firmware driver read only
the manifest, so the recipe language lives in this file alone. The recipe language is described in
the header of cases.tsv.

Model edits work on the flatbuffers object API (flatc --python --gen-object-api on the runtime's own
schema, generated into --work), so an edit names fields as the schema does and everything else in
the model stays as the converter wrote it. Any recipe that does not apply (unknown field, index out
of range) stops the build with the row id: a typo must not silently produce a different model.
"""
import argparse
import ast
import codecs
import glob
import importlib
import os
import re
import shlex
import subprocess
import sys
import zlib

DEFAULT_ARENA = 65536  # every good base model fits; rows that test the arena set their own
KINDS = ("model", "shell", "link")
REPEAT = re.compile(r"\{(.)\*([0-9]+)\}")  # {c*N}: N copies of c
HEX_REPEAT = re.compile(r"\{([0-9a-fA-F]{2})\*([0-9]+)\}")  # {xx*N}: N copies of byte xx


class RecipeError(Exception):
    pass


def read_table(path):
    """Rows of the table as dicts; `#` lines and blank lines are skipped, runs of tabs separate."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if ";" in line:  # CMake reads the table as a list (bad_input.cmake)
                raise SystemExit(f"{path}:{number}: no semicolons in the table, comments included")
            if not line.strip() or line.startswith("#"):
                continue
            fields = re.split(r"\t+", line.strip("\t"))
            if len(fields) != 6:
                raise SystemExit(f"{path}:{number}: {len(fields)} columns, expected 6 "
                                 "(id, kind, input, status, message, fw)")
            row = dict(zip(("id", "kind", "input", "status", "message", "fw"), fields))
            row["line"] = number
            if not re.fullmatch(r"[a-z0-9_]+", row["id"]):
                raise SystemExit(f"{path}:{number}: id '{row['id']}' must be [a-z0-9_]+")
            if row["kind"] not in KINDS or row["fw"] not in ("yes", "no"):
                raise SystemExit(f"{path}:{number}: kind must be one of {KINDS}, fw yes or no")
            if any(r["id"] == row["id"] for r in rows):
                raise SystemExit(f"{path}:{number}: duplicate id '{row['id']}'")
            rows.append(row)
    return rows


def console_bytes(text):
    """Shell and link text: {c*N} repeats, then backslash escapes (\\n, \\r, \\xNN) as Python's."""
    text = REPEAT.sub(lambda m: m.group(1) * int(m.group(2)), text)
    return codecs.decode(text, "unicode_escape").encode("latin-1")


# --- model rows -----------------------------------------------------------------------------------

class Schema:
    """The object-API Python modules of the schema, generated once into `work`."""

    def __init__(self, schema, flatc, work):
        stamp = os.path.join(work, "tflite", "Model.py")
        if not os.path.exists(stamp) or os.path.getmtime(stamp) < os.path.getmtime(schema):
            os.makedirs(work, exist_ok=True)
            subprocess.run([flatc, "--python", "--gen-object-api", "-o", work, schema], check=True)
        sys.path.insert(0, work)
        importlib.invalidate_caches()
        self.flatbuffers = importlib.import_module("flatbuffers")
        self.model = importlib.import_module("tflite.Model")
        buffer = importlib.import_module("tflite.Buffer")
        buffer.BufferT.Pack = _aligned_buffer_packer(buffer)
        # Enum names usable as values in edits, e.g. `builtin_code = L2_POOL_2D`, `type = STRING`.
        self.names = {}
        for enum in ("BuiltinOperator", "TensorType"):
            cls = getattr(importlib.import_module(f"tflite.{enum}"), enum)
            self.names.update({k: v for k, v in vars(cls).items() if not k.startswith("_")})

    def load(self, data):
        return self.model.ModelT.InitFromObj(self.model.Model.GetRootAsModel(data, 0))

    def save(self, model):
        builder = self.flatbuffers.Builder(1 << 16)
        builder.Finish(model.Pack(builder), file_identifier=b"TFL3")
        return bytes(builder.Output())


def _aligned_buffer_packer(module):
    """BufferT.Pack with the schema's force_align: 16 on `data`, which the generated Python code
    ignores: the runtime rejects constants that are not aligned to their element size."""

    def pack(self, builder):
        data = None
        if self.data is not None and len(self.data) > 0:
            raw = bytes(bytearray(self.data))
            builder.StartVector(1, len(raw), 16)
            builder.head -= len(raw)
            builder.Bytes[builder.head:builder.head + len(raw)] = raw
            data = builder.EndVector()
        module.BufferStart(builder)
        if data is not None:
            module.BufferAddData(builder, data)
        module.BufferAddOffset(builder, self.offset)
        module.BufferAddSize(builder, self.size)
        return module.BufferEnd(builder)

    return pack


def camel(name):
    """Schema field name (snake_case) to the object API's attribute name (camelCase)."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


PATH_STEP = re.compile(r"\.?([a-z_][a-z0-9_]*)|\[(-?[0-9]+)\]")


def resolve(model, path):
    """(container, key) for a field path such as `tensors[3].quantization.scale`. Paths start at the
    Model table; fields of subgraph 0 (tensors, operators, inputs, outputs) may be named directly."""
    steps = []
    pos = 0
    while pos < len(path):
        m = PATH_STEP.match(path, pos)
        if not m or m.end() == pos:
            raise RecipeError(f"cannot parse field path '{path}' at '{path[pos:]}'")
        steps.append(camel(m.group(1)) if m.group(1) else int(m.group(2)))
        pos = m.end()
    node = model
    if isinstance(steps[0], str) and not hasattr(model, steps[0]):
        node = model.subgraphs[0]
    for step in steps[:-1]:
        child = _step(node, step, path)
        if hasattr(child, "flags") and not child.flags.writeable:  # numpy view of the file
            child = child.copy()
            assign(node, step, child)
        node = child
    _step(node, steps[-1], path)  # the last step must exist too
    return node, steps[-1]


def _step(node, step, path):
    try:
        if isinstance(step, int):
            return node[step]
        if not hasattr(node, step):
            raise AttributeError(step)
        return getattr(node, step)
    except (AttributeError, IndexError, TypeError, KeyError):
        raise RecipeError(f"'{path}': no field or element {step!r}") from None


def value(text, schema):
    if text in schema.names:
        return schema.names[text]
    try:
        v = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        raise RecipeError(f"'{text}' is neither a Python literal nor a schema enum name") from None
    return v.encode() if isinstance(v, str) else v


def assign(container, key, v):
    if isinstance(key, int):
        container[key] = v
    else:
        setattr(container, key, v)


def apply_edit(model, edit, schema):
    """One structural edit: `<path> = <value>` or `resize <path> <n>` (cut a vector to n elements, or
    pad it with zeros, keeping its element type)."""
    words = edit.split()
    if words[0] == "resize":
        if len(words) != 3:
            raise RecipeError(f"'{edit}': expected resize <path> <n>")
        container, key = resolve(model, words[1])
        old = list(_step(container, key, words[1]))
        n = int(words[2])
        padding = [type(old[0])(0) if old else 0] * (n - len(old)) if n > len(old) else []
        assign(container, key, old[:n] + padding)
        return
    if "=" not in edit:
        raise RecipeError(f"unknown edit '{edit}'")
    path, text = (part.strip() for part in edit.split("=", 1))
    container, key = resolve(model, path)
    assign(container, key, value(text, schema))


def base_model(name, root):
    """A base model by name: `empty` (zero bytes), a path relative to the repository root, or the
    name of a .tflite file in models/<folder>/."""
    if name == "empty":
        return b""
    if "/" in name:
        path = os.path.join(root, name)
    else:
        found = glob.glob(os.path.join(root, "models", "*", name + ".tflite"))
        if len(found) != 1:
            raise RecipeError(f"base model '{name}': {len(found)} files models/*/{name}.tflite")
        path = found[0]
    with open(path, "rb") as f:
        return f.read()


def make_model(recipe, schema, root):
    """Bytes and arena size of a model recipe: `<base> | <edit> | ...`. Structural edits apply to
    the object tree; byte edits (`truncate <n>`, `bytes <offset> "<text>"`) to the file after it is
    written again; `arena <n>` only sets the arena the runners give the interpreter."""
    base, *edits = (part.strip() for part in recipe.split("|"))
    data = base_model(base, root)
    arena = DEFAULT_ARENA
    structural = [e for e in edits if e.split()[0] not in ("truncate", "bytes", "arena")]
    if structural:
        model = schema.load(data)
        for edit in structural:
            apply_edit(model, edit, schema)
        data = schema.save(model)
    for edit in edits:
        words = shlex.split(edit)
        if words[0] == "truncate":
            data = data[:int(words[1])]
        elif words[0] == "bytes":
            offset, text = int(words[1], 0), console_bytes(words[2])
            data = data[:offset] + text + data[offset + len(text):]
        elif words[0] == "arena":
            arena = int(words[1])
    return data, arena


# --- link rows ------------------------------------------------------------------------------------

def make_frame(recipe):
    """Frame bytes (docs/protocol.md) from `frame <type> [<payload hex>...] [length=<n>] [crc=bad]`
    or raw bytes from `raw <hex>...`. Hex words may use {xx*N} to repeat a byte."""
    words = HEX_REPEAT.sub(lambda m: " ".join([m.group(1)] * int(m.group(2))), recipe).split()
    if words[0] == "raw":
        return bytes(int(w, 16) for w in words[1:])
    if words[0] != "frame" or len(words) < 2:
        raise RecipeError(f"link input must start with 'frame <type>' or 'raw': '{recipe}'")
    options = dict(w.split("=", 1) for w in words[2:] if "=" in w)
    payload = bytes(int(w, 16) for w in words[2:] if "=" not in w)
    length = int(options.get("length", str(len(payload))), 0)
    body = bytes([int(words[1], 0)]) + length.to_bytes(2, "little") + payload
    crc = zlib.crc32(body)
    if options.get("crc") == "bad":
        crc ^= 0xFFFFFFFF
    return b"\xa5\x5a" + body + crc.to_bytes(4, "little")


# --- main -----------------------------------------------------------------------------------------

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--table", required=True)
    p.add_argument("--out", required=True, help="folder for the input files and manifest.tsv")
    p.add_argument("--root", required=True, help="repository root (base models)")
    p.add_argument("--schema", required=True, help="middleware/schema/tflite.fbs")
    p.add_argument("--flatc", default="flatc")
    p.add_argument("--work", required=True, help="folder for the generated schema modules")
    args = p.parse_args()
    rows = read_table(args.table)
    schema = Schema(args.schema, args.flatc, args.work)
    os.makedirs(args.out, exist_ok=True)
    manifest = []
    for row in rows:
        arena = 0
        try:
            if row["kind"] == "model":
                data, arena = make_model(row["input"], schema, args.root)
                name = row["id"] + ".tflite"
            elif row["kind"] == "shell":
                data, name = console_bytes(row["input"]), row["id"] + ".txt"
            else:
                data, name = make_frame(row["input"]), row["id"] + ".bin"
        except (RecipeError, ValueError, IndexError, OSError) as e:
            raise SystemExit(f"{args.table}:{row['line']}: row {row['id']}: {e}")
        with open(os.path.join(args.out, name), "wb") as f:
            f.write(data)
        message = "" if row["message"] == "-" else row["message"]
        manifest.append("\t".join([row["id"], row["kind"], name, str(arena), row["status"], message,
                                   row["fw"]]))
    with open(os.path.join(args.out, "manifest.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(manifest) + "\n")


if __name__ == "__main__":
    main()
