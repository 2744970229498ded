#!/usr/bin/env bash
# The main job: install what is missing, build both presets, then serve the
# page on 127.0.0.1 and print its address (Ctrl+C stops it).
#   bash scripts/start.sh [--port N]      (default 8000; 0 picks a free port)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
exec node scripts/serve.mjs "$@"
