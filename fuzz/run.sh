#!/usr/bin/env bash
# Runs every fuzz target (or the ones named) for SECONDS each, one after the other, one job each,
# from corpora seeded with the repository's specs, vendor metadata, test specs and fuzz/seeds/.
#
#   fuzz/run.sh [SECONDS] [TARGET...]          default 60 s, all targets
#   FUZZ_KEEP_GOING=1 fuzz/run.sh 600 ...      fork mode: record crashes in artifacts/ and go on
#   FUZZ_BUILD=dev fuzz/run.sh 20               unoptimized build (faster to build; the CI smoke)
#
# Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`). Prints, per target, the
# executions and seconds libFuzzer reports; exits non-zero when a target crashed. Crash inputs
# land in fuzz/artifacts/TARGET/; keep each one in fuzz/regressions/TARGET/ with a stable test.
set -euo pipefail
cd "$(dirname "$0")"

seconds=${1:-60}
shift || true
all=(spec_pipeline spec_diff error_body response_json local_request)
if [ $# -gt 0 ]; then targets=("$@"); else targets=("${all[@]}"); fi

pair() { # pair OLD NEW OUT: the two inputs of spec_diff, separated by a NUL byte
    { cat "$1"; printf '\0'; cat "$2"; } >"$3"
}

seed() {
    local target=$1 dir=corpus/$1
    mkdir -p "$dir"
    case $target in
    spec_pipeline)
        for file in ../specs/curated/*.json ../specs/swas-open-2020-06-01/*.json ../tests/specs/*.json \
            ../tests/ui/bad-specs/*.json; do
            # Named after their folder too: curated and imported specs share file names.
            cp "$file" "$dir/$(basename "$(dirname "$file")")_$(basename "$file")"
        done
        ;;
    spec_diff)
        pair ../specs/curated/CreateInstances.json ../specs/swas-open-2020-06-01/CreateInstances.json "$dir"/curated_vs_imported
        pair ../specs/swas-open-2020-06-01/ListInstances.json ../specs/swas-open-2020-06-01/ListInstances.json "$dir"/same
        pair ../tests/specs/shapes.json ../tests/specs/constraints.json "$dir"/shapes_vs_constraints
        for bad in ../tests/ui/bad-specs/*.json; do
            pair ../tests/ui/bad-specs/valid_base.json "$bad" "$dir/base_vs_$(basename "$bad")"
        done
        ;;
    *)
        cp seeds/"$target"/* "$dir"/
        ;;
    esac
    if [ -d regressions/"$target" ]; then cp regressions/"$target"/* "$dir"/ 2>/dev/null || true; fi
}

mode=()
if [ "${FUZZ_KEEP_GOING:-0}" = 1 ]; then mode=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1); fi

# Release code with debug assertions and overflow checks (arithmetic overflow is a finding too),
# without AddressSanitizer: the code under test is safe Rust, and ASan would halve the executions.
# FUZZ_BUILD=dev builds unoptimized instead (debug assertions are on there too): half the build
# time, for a short smoke such as CI's, where the build costs more than the runs.
case ${FUZZ_BUILD:-release} in
release) build=(-O -a -s none) ;;
dev) build=(--dev -s none) ;;
*) echo "FUZZ_BUILD is release or dev, not ${FUZZ_BUILD}" >&2; exit 2 ;;
esac
cargo +nightly fuzz build "${build[@]}" --fuzz-dir .
status=0
summary=()
for target in "${targets[@]}"; do
    seed "$target"
    mkdir -p artifacts/"$target" logs
    log=logs/$target.log
    echo "== fuzz $target for ${seconds}s (log: fuzz/$log)"
    if cargo +nightly fuzz run "${build[@]}" --fuzz-dir . "$target" corpus/"$target" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix=artifacts/"$target"/ -print_final_stats=1 "${mode[@]}" >"$log" 2>&1; then
        result=ok
    else
        result=CRASHED
        status=1
    fi
    runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -1 || true)
    if [ -z "$runs" ]; then runs=$(grep -Eo '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true); fi
    crashes=$(find artifacts/"$target" -type f | wc -l)
    line="$target: $result, ${runs:-?} executions in ${seconds}s, $crashes crash file(s) in fuzz/artifacts/$target"
    echo "$line"
    summary+=("$line")
    [ "$result" = ok ] || tail -30 "$log"
done
echo "== fuzz summary"
printf '%s\n' "${summary[@]}"
exit $status
