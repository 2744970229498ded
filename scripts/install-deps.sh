#!/usr/bin/env bash
# Installs what the build, the page and the tests need and is not there yet:
# Debian packages (only the missing ones; apt-get update only if needed) and
# the pinned npm packages (npm ci, when node_modules does not match the lock).
# Safe to run again: it does nothing when everything is in place.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  cmake ninja-build g++ nlohmann-json3-dev catch2      # native build and tests
  clang-14 libclang-rt-14-dev                          # sanitizers, fuzzing
  emscripten binaryen                                  # the wasm build; wasm-opt for the MVP check
  chromium brotli fonts-wqy-microhei                   # browser tests, precompressed site, CJK text in screenshots
  node-terser                                          # the site's scripts minified (scripts/minify-site.mjs)
  python3                                              # shared/tools/check-examples
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm ci only when node_modules is absent or older than the lock file. A
# node_modules that is a symlink is another checkout's install, shared (git
# worktrees): npm ci would empty it for everyone, so it is left alone.
if [[ -L node_modules ]]; then
  echo "install-deps: node_modules links to $(readlink node_modules): shared, not reinstalled here"
elif [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "install-deps: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
