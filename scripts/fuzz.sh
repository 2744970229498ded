#!/usr/bin/env bash
# Builds the libFuzzer harnesses (preset `fuzz`: clang-14, ASan+UBSan,
# -fno-exceptions -DJSON_NOEXCEPTION) and runs each one: first over its
# committed regression inputs (tests/fuzz/regressions/<harness>/), then for
# FUZZ_SECONDS of fuzzing from the seeds of make-seeds.mjs. Any crash,
# sanitizer report, leak, hang (-timeout) or contract breach fails the run.
#
#   scripts/fuzz.sh                       # all six, 45 s each (what CI runs)
#   FUZZ_SECONDS=1800 scripts/fuzz.sh     # a longer local run (tests/fuzz/README.md)
#   FUZZ_TARGETS="json csv" scripts/fuzz.sh
#
# The corpus each harness grows is kept in build/fuzz/corpus/<harness>/, so
# later local runs go on from it; crash inputs go to build/fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${FUZZ_SECONDS:-45}"   # 45 s per harness (six: 4.5 min of CI)
targets="${FUZZ_TARGETS:-estimate packs jsonl json csv reform}"
out=build/fuzz

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
node tests/fuzz/make-seeds.mjs "$out"
mkdir -p "$out/artifacts"

max_len_of() {
  case "$1" in
    estimate) echo 4096 ;;   # requests: the 64 KiB limit itself is tested by tests/malformed
    jsonl) echo 8192 ;;      # several lines
    packs) echo 32768 ;;     # the largest pack, with room to grow
    json) echo 4096 ;;       # requests: the depth limit is reached well inside (the size limit is checked before parsing)
    csv) echo 4096 ;;        # a few rows; the generator (fuzz_csv.cpp) stretches one past 64 KiB
    reform) echo 8192 ;;     # a reform of 65 parameters or 17 cases fits; the 64 KiB limit is tested by tests/malformed/reforms.jsonl
  esac
}

status=0
for t in $targets; do
  bin="$out/tests/fuzz/fuzz_$t"
  corpus="$out/corpus/$t"
  mkdir -p "$corpus"
  common=(-timeout=10 -rss_limit_mb=2048 -max_len="$(max_len_of "$t")" -dict="$out/$t.dict"
          -artifact_prefix="$out/artifacts/$t-")

  regressions=(tests/fuzz/regressions/"$t"/*)
  if [[ -e "${regressions[0]}" ]]; then
    inputs=()
    for f in "${regressions[@]}"; do [[ "$(basename "$f")" == README.md ]] || inputs+=("$f"); done
    if ((${#inputs[@]})); then
      echo "== fuzz_$t: ${#inputs[@]} regression inputs"
      if ! "$bin" "${common[@]}" "${inputs[@]}" >"$out/fuzz_$t.regressions.log" 2>&1; then
        echo "!! fuzz_$t fails on a committed regression input:"
        grep -v '^ *#[0-9]* 0x' "$out/fuzz_$t.regressions.log" | tail -n 40
        status=1
        continue
      fi
    fi
  fi

  echo "== fuzz_$t: fuzzing for ${seconds} s"
  log="$out/fuzz_$t.log"
  if ! "$bin" "${common[@]}" -max_total_time="$seconds" -print_final_stats=1 \
        "$corpus" "$out/seeds/$t" >"$log" 2>&1; then
    status=1
    echo "!! fuzz_$t found a problem; the input is under $out/artifacts/ (add it to tests/fuzz/regressions/$t/):"
    grep -v '^ *#[0-9]* 0x' "$log" | tail -n 40
    continue
  fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
  echo "   fuzz_$t: ${execs} executions in ${seconds} s (${rate}/s), ${cov}, corpus $(ls "$corpus" | wc -l) inputs, no findings"
done
exit "$status"
