#!/usr/bin/env bash
# Every runtime figure the README's benchmark table quotes, in one run, printed as that table.
#
#   benches/run_all.sh [--runs N] [--rounds R]     (defaults: 1 run of 5 rounds; a run takes
#                                                   about 6 minutes on 2 cores)
#
# --runs N repeats the whole measurement N times in a row (the benches are built once), each
# run printing its own header and table: the "3 consecutive runs" a figure is quoted from.
#
# - Criterion benches (swas `prepare`, acs-runtime `signing`, acs-codegen `expand`) run R rounds,
#   interleaved (one round of each, then the next round), pinned to one core with `taskset`
#   where the OS allows; each round warms up, then measures. A row is the median of the
#   per-round medians, with the spread [min–max] over the rounds.
# - The swas-local e2e bench pins its server and its clients to two different cores itself and
#   runs SDK/bare rounds (`E2E_SUMMARY_ROUNDS`, default 30 after a warm-up round), each against
#   a fresh server: one call at a time the two clients take turns call by call; 32 in flight
#   they take turns in 20 ms slices (`E2E_SUMMARY_SLICES` per second). The cost is computed
#   per round from the two sides' summed calls and time.
# - With valgrind installed, callgrind counts the instructions of one prepare, and of one
#   sequential e2e call through the SDK and through the bare client, server included
#   (repeatable on a busy machine, unlike any timing).
#
# Timings need an idle machine: the 1-minute load average is printed before each timing (and in
# the table), with a warning when it is above 1. Environment: BENCH_CPU (core for the
# single-threaded benches, default the last one), BENCH_E2E_CPUS (cores for the e2e process,
# default all), BENCH_SECS (measurement seconds per bench and round, default 3),
# E2E_SUMMARY_ROUNDS, E2E_SUMMARY_SECS, E2E_SUMMARY_SLICES, E2E_SUMMARY_HTTP (1: also compare
# with a bare client on the SDK's HTTP settings), E2E_SERVER_CPU, E2E_CLIENT_CPU.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=1
rounds=5
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=${2:?--runs needs a number}; shift 2 ;;
    --rounds) rounds=${2:?--rounds needs a number}; shift 2 ;;
    [0-9]*) rounds=$1; shift ;; # the old positional form: ROUNDS
    *) echo "usage: benches/run_all.sh [--runs N] [--rounds R]" >&2; exit 2 ;;
  esac
done
case "$runs$rounds" in *[!0-9]*) echo "--runs and --rounds take whole numbers" >&2; exit 2 ;; esac
cores=$(nproc)
cpu=${BENCH_CPU:-$((cores - 1))}
e2e_cpus=${BENCH_E2E_CPUS:-0-$((cores - 1))}
secs=${BENCH_SECS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
busy=0

load() { cut -d' ' -f1 /proc/loadavg; }
# Prints the load before a timing ($2), records it for the table under key $1 (in $dir/loads),
# and warns when it is above 1.
check_load() {
  local l
  l=$(load)
  echo "$1 $l" >>"$dir/loads"
  if awk -v l="$l" 'BEGIN { exit !(l > 1.0) }'; then
    busy=1
    echo "  [load $l] WARNING: 1-minute load above 1: $2 is not an idle-machine figure" >&2
  else
    echo "  [load $l] $2" >&2
  fi
}
# Runs "$@" pinned to the cores in $1 when taskset works here, unpinned otherwise.
pinned() {
  local cores=$1
  shift
  if command -v taskset >/dev/null && taskset -c "$cores" true 2>/dev/null; then
    taskset -c "$cores" "$@"
  else
    "$@"
  fi
}
# The executable of bench $2 of package $1, built with the bench profile.
bench_exe() {
  cargo bench -q -p "$1" --bench "$2" --no-run --message-format=json 2>/dev/null |
    grep '"kind":\["bench"\]' | grep "\"name\":\"$2\"" |
    sed -n 's/.*"executable":"\([^"]*\)".*/\1/p' | tail -1
}

echo "benches/run_all.sh --runs $runs --rounds $rounds: $(date -u '+%Y-%m-%d %H:%M UTC'), $(uname -sm), $cores cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(rustc --version | cut -d' ' -f1-2), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "building the benches…" >&2
prepare=$(bench_exe acs-benches prepare)
signing=$(bench_exe acs-benches signing)
expand=$(bench_exe acs-benches expand)
e2e=$(bench_exe acs-benches e2e)
counts=$(bench_exe acs-benches prepare_instructions)
for exe in "$prepare" "$signing" "$expand" "$e2e" "$counts"; do
  [ -x "$exe" ] || { echo "a bench did not build (run cargo bench --no-run to see why)" >&2; exit 1; }
done

# One complete measurement: every timing, the instruction counts, the table.
one_run() {
  local run=$1
  dir="$work/run$1"
  mkdir -p "$dir"
  : >"$dir/loads"
  echo "run $run/$runs: $(date -u '+%Y-%m-%d %H:%M:%S UTC'), load average (1/5/15 min) $(cut -d' ' -f1-3 /proc/loadavg)"
  # name|executable|criterion filter
  criterion_benches=(
    "prepare|$prepare|^create_instances_prepare/v[13]_"
    "signing|$signing|^(v1 sign_request_into|v3 sign_request)"
    "expand|$expand|^create_instances_spec/macro_expansion"
  )
  for round in $(seq "$rounds"); do
    for entry in "${criterion_benches[@]}"; do
      IFS='|' read -r name exe filter <<<"$entry"
      check_load "$name" "round $round/$rounds: $name (core $cpu)"
      CRITERION_HOME="$dir/criterion/$round" pinned "$cpu" "$exe" --bench --noplot \
        --warm-up-time 1 --measurement-time "$secs" "$filter" >>"$dir/criterion.log" 2>&1
    done
  done

  check_load e2e "e2e: SDK vs bare over loopback (cores $e2e_cpus)"
  E2E_SUMMARY_ONLY=1 pinned "$e2e_cpus" "$e2e" --bench >"$dir/e2e.log" 2>&1 ||
    { cat "$dir/e2e.log" >&2; exit 1; }

  : >"$dir/instructions"
  if command -v valgrind >/dev/null; then
    for mode in fixed fresh v3; do
      check_load callgrind "callgrind: instructions per $mode prepare (load-independent)"
      valgrind --tool=callgrind --callgrind-out-file="$dir/callgrind.$mode" \
        --toggle-collect='*prepare_instructions*measured*' "$counts" "$mode" 2000 >/dev/null 2>&1
      total=$(sed -n 's/^summary: *//p;s/^totals: *//p' "$dir/callgrind.$mode" | head -1 | cut -d' ' -f1)
      echo "$mode ${total:-0} 2000" >>"$dir/instructions"
    done
    # Sequential e2e calls, client and server together: what a call costs the machine in
    # instructions through the SDK and through the bare client, less the process's own start.
    : >"$dir/e2e_instructions"
    for side in none:0 sdk:2000 bare:2000; do
      who=${side%%:*}
      calls=${side##*:}
      check_load callgrind "callgrind: instructions of $calls sequential e2e calls ($who)"
      E2E_CALLS=$calls E2E_CALLS_ONLY=$who valgrind --tool=callgrind \
        --callgrind-out-file="$dir/callgrind.e2e.$who" "$e2e" --bench >/dev/null 2>&1
      total=$(sed -n 's/^summary: *//p;s/^totals: *//p' "$dir/callgrind.e2e.$who" | head -1 | cut -d' ' -f1)
      echo "$who ${total:-0} $calls" >>"$dir/e2e_instructions"
    done
  fi

python3 - "$dir" "$rounds" "$run" <<'PY'
import json, os, re, statistics, sys

work, rounds, run = sys.argv[1], int(sys.argv[2]), sys.argv[3]

# The 1-minute load average before each timing, by table row key.
loads = {}
with open(os.path.join(work, "loads")) as f:
    for line in f:
        key, value = line.split()
        loads.setdefault(key, []).append(float(value))

def load(key):
    values = loads.get(key, [])
    if not values:
        return ""
    lo, hi = min(values), max(values)
    return f"{lo:.2f}" if lo == hi else f"{lo:.2f}–{hi:.2f}"

medians = {}  # full id -> per-round medians in ns
for r in range(1, rounds + 1):
    for dirpath, _, files in os.walk(os.path.join(work, "criterion", str(r))):
        if os.path.basename(dirpath) == "new" and "estimates.json" in files:
            with open(os.path.join(dirpath, "benchmark.json")) as f:
                full_id = json.load(f)["full_id"]
            with open(os.path.join(dirpath, "estimates.json")) as f:
                medians.setdefault(full_id, []).append(json.load(f)["median"]["point_estimate"])

def timing(ns_list):
    scale, unit = (1e3, "µs") if statistics.median(ns_list) < 1e6 else (1e6, "ms")
    m, lo, hi = statistics.median(ns_list) / scale, min(ns_list) / scale, max(ns_list) / scale
    return f"{m:.2f} {unit} [{lo:.2f}–{hi:.2f}]"

rows = [  # (label, Criterion id, load key)
    ("spec → tokens for CreateInstances (parse + check + generate: the macro's work)", "create_instances_spec/macro_expansion", "expand"),
    ("validate + serialize + v1-sign a CreateInstances request, fixed time and nonce", "create_instances_prepare/v1_validate_serialize_sign", "prepare"),
    ("the same with the current time and a fresh nonce, as every attempt does (goal ≤ 1.0 µs)", "create_instances_prepare/v1_prepare_fresh_nonce_and_time", "prepare"),
    ("validate + serialize + V3-sign (`ACS3-HMAC-SHA256`)", "create_instances_prepare/v3_validate_serialize_sign", "prepare"),
    ("v1 signing alone (10 operation + 8 common parameters, reused buffer)", "v1 sign_request_into (10 op + 8 common params, reused buffer)", "signing"),
    ("V3 signing alone (10 operation parameters)", "v3 sign_request (10 op params)", "signing"),
]
print(f"| what | median [min–max] | rounds | load before |")
print("|---|---|---|---|")
for label, full_id, key in rows:
    if full_id in medians:
        print(f"| {label} | {timing(medians[full_id])} | {len(medians[full_id])} | {load(key)} |")
    else:
        print(f"| {label} | (not measured) | | |")

e2e = {}
placement = ""
with open(os.path.join(work, "e2e.log")) as f:
    for line in f:
        if line.startswith("E2E placement: "):
            placement = line[len("E2E placement: "):].strip()
        elif line.startswith("E2E "):
            parts = line.split()
            e2e[parts[1]] = dict(p.split("=") for p in parts[2:])
labels = {
    "sequential": "CreateInstances over loopback, sequential: SDK vs bare reqwest + inline signer (goal ≤ 5 %)",
    "32_in_flight": "the same, 32 in flight (goal ≤ 5 %)",
    "sequential_sdk_http": "sequential, bare client with the SDK's HTTP settings (connect timeout, no redirects)",
    "32_in_flight_sdk_http": "32 in flight, bare client with the SDK's HTTP settings",
}
for key, label in labels.items():
    if key in e2e:
        e = e2e[key]
        print(f"| {label} | {float(e['sdk']):,.0f} vs {float(e['bare']):,.0f} calls/s: "
              f"{float(e['cost']):.2f} % cost [{float(e['cost_min']):.1f} – {float(e['cost_max']):.1f}] "
              f"| {e['rounds']} | {load('e2e')} |")

if placement:
    print(f"| (e2e placement: {placement}) | | | |")

with open(os.path.join(work, "instructions")) as f:
    names = {"fixed": "v1 prepare, fixed time and nonce", "fresh": "v1 prepare, current time and fresh nonce", "v3": "V3 prepare, fixed time and nonce"}
    for line in f:
        mode, total, calls = line.split()
        if int(total) > 0:
            print(f"| instructions per {names[mode]} (callgrind, any load) | {int(total) / int(calls):,.0f} | {calls} calls | |")

e2e_counts = {}
path = os.path.join(work, "e2e_instructions")
if os.path.exists(path):
    with open(path) as f:
        for line in f:
            who, total, calls = line.split()
            e2e_counts[who] = (int(total), int(calls))
if all(e2e_counts.get(w, (0, 0))[0] > 0 for w in ("none", "sdk", "bare")):
    start = e2e_counts["none"][0]
    per_call = {w: (e2e_counts[w][0] - start) / e2e_counts[w][1] for w in ("sdk", "bare")}
    extra = per_call["sdk"] / per_call["bare"] * 100 - 100
    print(f"| instructions per sequential e2e call, client and server (callgrind, any load): SDK vs bare | "
          f"{per_call['sdk']:,.0f} vs {per_call['bare']:,.0f}: {extra:+.2f} % | {e2e_counts['sdk'][1]} calls each | |")
PY
}

for run in $(seq "$runs"); do
  one_run "$run"
  echo
done
if [ "$busy" = 1 ]; then
  echo "WARNING: the load was above 1 before at least one timing: re-run on an idle machine for figures to quote." >&2
fi
