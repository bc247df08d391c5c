#!/usr/bin/env bash
# Builds the absl probe and writes its output (the bit-exact test data of the reference's
# random numbers and tasks) to src/test/resources/reference-rng/.
#
# Needs g++ and the Debian packages libabsl-dev and libeigen3-dev. Built as the reference
# builds (bazel -c opt: -O2, NDEBUG, the x86-64 default of SSE2). Not part of the Maven build.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/../../src/test/resources/reference-rng}"
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
g++ -std=c++17 -O2 -DNDEBUG -I/usr/include/eigen3 "$here/probe.cc" -o "$build/probe" \
  -labsl_random_distributions -labsl_random_internal_platform
mkdir -p "$out"
"$build/probe" "$out"
echo "absl $(dpkg-query -W -f='${Version}' libabsl-dev 2>/dev/null || echo '?')," \
  "eigen $(dpkg-query -W -f='${Version}' libeigen3-dev 2>/dev/null || echo '?')," \
  "$(g++ --version | head -1)" > "$out/VERSIONS"
ls -l "$out"
