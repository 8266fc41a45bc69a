#!/usr/bin/python3
"""Writes the CMake presets of every layer from its presets-spec.json (run after adding a board, a model
or a kernels backend; a test fails when the committed presets are stale).

Axes (hidden fragment presets in cmake/presets/axes.json): toolchain, build policy, kernels backend,
model. Each board layer's spec lists its boards and their variants (clock profiles, memory placement);
this writes <layer>/presets.json with a hidden fragment per board, the visible
`<board>[-<variant>]-<model>-<kernels>` presets (configure, build, test on virtual boards, workflow) and
one `ci-<board>[-<variant>]` tree per board variant that builds every model x kernels at once.
Models and backends are read from the layer.cmake files (strata_provide_model / strata_provide_kernels);
a model whose strata_provide_model names BOARDS gets presets and CI-tree entries on those boards only.
"""
import argparse
import glob
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VERSION = 6
HOST_PRESETS = ("host", "host-asan", "host-fuzz")


def provided(kind):
    ids = []
    for path in sorted(glob.glob(os.path.join(ROOT, "*", "layer.cmake"))
                       + glob.glob(os.path.join(ROOT, "bsp", "*", "layer.cmake"))):
        with open(path) as f:
            ids += re.findall(rf"strata_provide_{kind}\(\s*([\w.-]+)", f.read())
    return ids


def model_boards():
    """Model id -> the boards its strata_provide_model(... BOARDS ...) names (absent: every board)."""
    boards = {}
    for path in sorted(glob.glob(os.path.join(ROOT, "*", "layer.cmake"))):
        with open(path) as f:
            for m in re.finditer(r"strata_provide_model\(\s*([\w.-]+)([^)]*)\)", f.read()):
                named = re.search(r"\bBOARDS\s+([^)]*)", m.group(2))
                if named:
                    boards[m.group(1)] = named.group(1).split()
    return boards


def axes():
    models = [m for m in provided("model") if m != "none"]
    kernels = provided("kernels")
    configure = [
        {"name": "toolchain-arm", "hidden": True, "generator": "Ninja",
         "toolchainFile": "${sourceDir}/toolchains/arm-none-eabi-gcc.cmake"},
        {"name": "policy-release", "hidden": True, "cacheVariables": {"CMAKE_BUILD_TYPE": "Release"}},
        {"name": "policy-debug", "hidden": True, "cacheVariables": {"CMAKE_BUILD_TYPE": "Debug"}},
        {"name": "model-all", "hidden": True, "cacheVariables": {"STRATA_MODEL": "all"}},
        {"name": "kernels-all", "hidden": True, "cacheVariables": {"STRATA_KERNELS": "all"}},
        {"name": "host", "displayName": "Host: middleware, tools and tests (ctest)",
         "generator": "Ninja", "binaryDir": "${sourceDir}/build/host",
         "cacheVariables": {"CMAKE_BUILD_TYPE": "RelWithDebInfo"}},
        {"name": "host-asan", "displayName": "Host with AddressSanitizer + UBSan",
         "inherits": ["host"], "binaryDir": "${sourceDir}/build/host-asan",
         "cacheVariables": {"STRATA_SANITIZE": "ON", "CMAKE_BUILD_TYPE": "Debug"}},
        {"name": "host-fuzz", "displayName": "Host libFuzzer targets (clang-14, ASan + UBSan)",
         "generator": "Ninja", "binaryDir": "${sourceDir}/build/host-fuzz",
         "cacheVariables": {"STRATA_FUZZ": "ON", "CMAKE_BUILD_TYPE": "RelWithDebInfo",
                            "CMAKE_C_COMPILER": "clang-14", "CMAKE_CXX_COMPILER": "clang++-14"}},
    ]
    configure += [{"name": f"model-{m}", "hidden": True, "cacheVariables": {"STRATA_MODEL": m}}
                  for m in models]
    configure += [{"name": f"kernels-{k}", "hidden": True, "cacheVariables": {"STRATA_KERNELS": k}}
                  for k in kernels]
    build = [{"name": n, "configurePreset": n, "jobs": 2} for n in HOST_PRESETS]
    test = [{"name": n, "configurePreset": n, "output": {"outputOnFailure": True}} for n in HOST_PRESETS]
    workflow = [{"name": n, "steps": [{"type": "configure", "name": n}, {"type": "build", "name": n},
                                      {"type": "test", "name": n}]} for n in HOST_PRESETS]
    return {"version": VERSION, "configurePresets": configure, "buildPresets": build,
            "testPresets": test, "workflowPresets": workflow}


def board_presets(layer_dir, spec):
    rel_axes = os.path.relpath(os.path.join(ROOT, "cmake", "presets", "axes.json"), layer_dir)
    models = [m for m in provided("model") if m != "none"]
    restricted = model_boards()
    kernels = provided("kernels")
    out = {"version": VERSION, "include": [rel_axes], "configurePresets": [], "buildPresets": [],
           "testPresets": [], "workflowPresets": []}
    for board in spec["boards"]:
        bid = board["id"]
        out["configurePresets"].append(
            {"name": f"board-{bid}", "hidden": True, "inherits": ["toolchain-arm", "policy-release"],
             "cacheVariables": {"STRATA_BOARD": bid}})
        variants = [{"suffix": "", "display": "", "cache": {}}] + board.get("variants", [])
        for variant in variants:
            tag = bid + (f"-{variant['suffix']}" if variant["suffix"] else "")
            extra = f" {variant['display']}" if variant["display"] else ""
            # A board (or variant) lists the models whose arena or weights do not fit its memory.
            excluded = variant.get("exclude_models", board.get("exclude_models", []))
            fitting = [m for m in models if m not in excluded and bid in restricted.get(m, [bid])]
            names = [(f"{tag}-{m}-{k}", f"{board['display']}{extra}: {m}, {k} kernels",
                      [f"board-{bid}", f"model-{m}", f"kernels-{k}"]) for m in fitting for k in kernels]
            # The default variant's CI tree builds every model that fits; other variants change only
            # board code, so their CI tree builds one model (all kernels) to keep CI short.
            cache = dict(variant["cache"])
            if variant["suffix"] and fitting:
                ci_models, what = fitting[:1], fitting[0]
            else:
                ci_models = ["none"] + fitting
                what = "every model" if not excluded else "every model that fits"
            cache["STRATA_MODEL"] = ";".join(ci_models)
            names.append((f"ci-{tag}", f"CI: {board['display']}{extra}, {what} x every kernels",
                          [f"board-{bid}", "kernels-all"], cache))
            for entry in names:
                name, display, inherits = entry[:3]
                cache = entry[3] if len(entry) > 3 else variant["cache"]
                add_visible(out, name, display, inherits, cache, board.get("virtual", False))
    return out


def add_visible(out, name, display, inherits, cache, virtual):
    preset = {"name": name, "displayName": display, "inherits": inherits,
              "binaryDir": "${sourceDir}/build/" + name}
    if cache:
        preset["cacheVariables"] = dict(cache)
    out["configurePresets"].append(preset)
    out["buildPresets"].append({"name": name, "configurePreset": name, "jobs": 2})
    steps = [{"type": "configure", "name": name}, {"type": "build", "name": name}]
    if virtual:
        out["testPresets"].append({"name": name, "configurePreset": name,
                                   "output": {"outputOnFailure": True}})
        steps.append({"type": "test", "name": name})
    out["workflowPresets"].append({"name": name, "steps": steps})


def rendered():
    files = {os.path.join(ROOT, "cmake", "presets", "axes.json"): axes()}
    includes = ["cmake/presets/axes.json"]
    for spec_path in sorted(glob.glob(os.path.join(ROOT, "bsp", "*", "presets-spec.json"))
                            + glob.glob(os.path.join(ROOT, "*", "presets-spec.json"))):
        layer_dir = os.path.dirname(spec_path)
        with open(spec_path) as f:
            spec = json.load(f)
        files[os.path.join(layer_dir, "presets.json")] = board_presets(layer_dir, spec)
        includes.append(os.path.relpath(os.path.join(layer_dir, "presets.json"), ROOT))
    files[os.path.join(ROOT, "CMakePresets.json")] = {"version": VERSION, "include": includes}
    return {path: json.dumps(data, indent=2) + "\n" for path, data in files.items()}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--check", action="store_true", help="fail when committed presets differ")
    args = p.parse_args()
    stale = []
    for path, text in rendered().items():
        current = open(path).read() if os.path.exists(path) else None
        if current != text:
            stale.append(os.path.relpath(path, ROOT))
            if not args.check:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w") as f:
                    f.write(text)
    if args.check and stale:
        print("stale presets (run tools/gen_presets.py): " + ", ".join(stale))
        return 1
    print(("wrote " if stale and not args.check else "up to date: ") + (", ".join(stale) or "all"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
