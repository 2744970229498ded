#!/usr/bin/env bash
# Builds both presets: native (build/native: core, CLI, tests) and wasm
# (build/wasm: estimator.{js,wasm} and the static site build/wasm/site/).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset native >/dev/null
cmake --build --preset native
cmake --preset wasm >/dev/null
cmake --build --preset wasm
