#!/bin/bash
# Builds a firmware from Strata plus the example out-of-tree layer (a board variant and a model), and
# runs its QEMU tests. Arguments: <strata root> <build dir> [host strata-run]
set -euo pipefail
root="$1"
build="$2"
extra=()
if [ $# -ge 3 ]; then extra+=("-DSTRATA_RUN=$3"); fi
model=none
if [ -f "$root/tests/external_layer/example-layer/models/example_sine.tflite" ]; then model=example-sine; fi
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_TOOLCHAIN_FILE="$root/toolchains/arm-none-eabi-gcc.cmake" \
  -DSTRATA_EXTRA_LAYERS="$root/tests/external_layer/example-layer" \
  -DSTRATA_BOARD=mps2-an500-bigstack -DSTRATA_MODEL="$model" "${extra[@]}" >/dev/null
cmake --build "$build" -j2
ctest --test-dir "$build" --output-on-failure -L shell
# The variant's one setting reached the image: a 64 KB stack.
arm-none-eabi-nm "$build"/app/strata-*.elf | grep -q "^00010000 A __stack_size$"
arm-none-eabi-nm "$build"/app/strata-*.elf | grep -q __stack_top
echo "external layer: board mps2-an500-bigstack, model $model: built and ran"
