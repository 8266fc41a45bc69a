#!/bin/bash
# Runs a command in the Strata build image with this checkout mounted at /work, e.g.
#   docker/build.sh tools/test
#   docker/build.sh cmake --workflow --preset mps2-an500-mnist-int8-reference
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if ! command -v docker >/dev/null; then
  echo "docker/build.sh: docker not found (Debian package docker.io)" >&2
  exit 1
fi
docker build -q -f "$root/docker/Dockerfile" -t strata-build "$root" >/dev/null
exec docker run --rm -it -v "$root:/work" -w /work strata-build "$@"
