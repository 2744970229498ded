#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test:
#   1. native: Catch2 unit tests, scenario vectors, contract examples, properties,
#      CLI and the hostile-input corpus (ctest --preset native);
#   2. the same suite under AddressSanitizer + UndefinedBehaviorSanitizer (asan);
#   3. the libFuzzer harnesses, each for FUZZ_SECONDS (default 60);
#   4. the WebAssembly build, the page in headless Chromium and the WeChat
#      mini-program, with Node's test runner (its summary is the last output).
# QUICK=1 skips 2 and 3 for a fast local loop.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
bash scripts/build.sh

echo "== native tests"
ctest --preset native
echo "== contract examples against the native CLI"
python3 ../shared/tools/check-examples build/native/estimate

if [[ "${QUICK:-0}" != 1 ]]; then
  echo "== sanitizers (asan preset)"
  cmake --preset asan >/dev/null
  cmake --build --preset asan
  ctest --preset asan
  echo "== fuzzing (${FUZZ_SECONDS:-60} s per harness)"
  bash scripts/fuzz.sh
fi

echo "== WebAssembly, browser and mini-program tests"
node --test tests/js/ tests/e2e/ tests/miniprogram/
