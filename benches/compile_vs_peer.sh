#!/usr/bin/env bash
# Compile cost of this project's ECS client against the crates.io peer `ali-acs` 0.8.0's ECS
# (358 operations, one crate, feature `ecs` only), side by side (a benchmark, not a test).
#
#   benches/compile_vs_peer.sh [N]      (default N=3)
#
# How long: first both sides' dependencies are built, untimed (the peer's scratch project has a
# target directory of its own, so its reqwest/serde tree is built once there: several minutes
# on 2 cores); then each round runs four timed builds (ours and the peer's, fresh build and
# check). From the figures in issue 21 (ours ~19 s wall fresh, the peer ~1.5× that, checks
# less) a round is 1.5–4 minutes on an idle 2-core machine, so N=3 takes roughly 10–20 minutes.
# Run it on an idle machine: it keeps both cores busy, and the CPU figures of other builds
# running beside it would be slowed by theirs.
#
# Ours: `ecs --features full` (356 operations: the facade, its group crates and the shared
# shapes), built with this workspace's profile settings. Theirs: a scratch crate depending on
# `ali-acs = "=0.8.0"` (fetched by cargo from crates.io), with the same `[profile.dev]` settings.
# Dependencies (runtime, macro, codegen; reqwest, serde, …) are built first and not timed; each
# round then removes only the measured crates and times, alternating which side goes first:
#   fresh   `cargo build` of the generated crates (ours) / `ali-acs` (theirs);
#   check   `cargo check` of the same.
# CPU is user + system time of cargo and every rustc it ran (/usr/bin/time), steadier than wall
# time on a busy machine; both are printed, as medians over the rounds [min–max].
# Before each timing the script waits (at most IDLE_WAIT s, default 180) for the 1-minute load to
# fall below 1, then prints it, with a warning when it is still above 1.
set -euo pipefail
shopt -s nullglob
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${1:-3}
peer_version=0.8.0
scratch=${SCRATCH:-$(mktemp -d)}
mkdir -p "$scratch/src"
busy=0

load() { cut -d' ' -f1 /proc/loadavg; }
check_load() {
  local l waited=0
  # Each timing follows a build that kept both cores busy; the 1-minute load takes about a
  # minute to fall below 1 after it. Wait for that (at most IDLE_WAIT seconds, default 180).
  while awk -v l="$(load)" 'BEGIN { exit !(l >= 1.0) }' && [ "$waited" -lt "${IDLE_WAIT:-180}" ]; do
    sleep 5
    waited=$((waited + 5))
  done
  l=$(load)
  if awk -v l="$l" 'BEGIN { exit !(l > 1.0) }'; then
    busy=1
    echo "  [load $l] WARNING: 1-minute load above 1: $1 is not an idle-machine figure" >&2
  else
    echo "  [load $l] $1" >&2
  fi
}
# "wall cpu" in seconds of one command.
timed() {
  /usr/bin/time -f "%e %U %S" -o "$scratch/time" "$@" >"$scratch/last.log" 2>&1 ||
    { cat "$scratch/last.log" >&2; exit 1; }
  awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$scratch/time"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
summary() { # FILE COLUMN → "median [min–max]"
  local m lo hi
  m=$(awk -v c="$2" '{print $c}' "$1" | median)
  lo=$(awk -v c="$2" '{print $c}' "$1" | sort -n | head -1)
  hi=$(awk -v c="$2" '{print $c}' "$1" | sort -n | tail -1)
  echo "$m [$lo–$hi]"
}

# The peer, in its own scratch project with this workspace's dev profile.
cp rust-toolchain.toml "$scratch/"
cat >"$scratch/Cargo.toml" <<TOML
[package]
name = "peer_probe"
version = "0.1.0"
edition = "2021"
[dependencies]
ali-acs = { version = "=$peer_version", default-features = false, features = ["ecs"] }
[profile.dev]
debug = "line-tables-only"
[profile.dev.package."*"]
debug = false
[workspace]
TOML
echo 'pub use ali_acs;' >"$scratch/src/lib.rs"
peer() { cargo "$1" -q --manifest-path "$scratch/Cargo.toml"; }
peer_cmd() { cmd=(cargo "$1" -q --manifest-path "$scratch/Cargo.toml"); }
peer_clean() { cargo clean -q --manifest-path "$scratch/Cargo.toml" -p ali-acs -p peer_probe; }

# Ours: the facade and every crate under ecs/groups (group crates and the shared shapes).
packages=(-p ecs)
for manifest in ecs/groups/*/Cargo.toml; do
  packages+=(-p "$(sed -n 's/^name = "\(.*\)"/\1/p' "$manifest" | head -1)")
done
ours() { cargo "$1" -q -p ecs --features full; }
ours_cmd() { cmd=(cargo "$1" -q -p ecs --features full); }
ours_clean() { cargo clean -q "${packages[@]}"; }
ops=$(grep -ho '/[A-Z][A-Za-z0-9]*\.json"' ecs/groups/*/src/lib.rs | grep -c .)

echo "compile_vs_peer: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $runs round(s); ours: ecs --features full ($ops operations); peer: ali-acs $peer_version, feature ecs" >&2
echo "building dependencies (not timed)…" >&2
for step in build check; do
  ours "$step"
  peer "$step"
done

: >"$scratch/ours.build"; : >"$scratch/peer.build"; : >"$scratch/ours.check"; : >"$scratch/peer.check"
for round in $(seq "$runs"); do
  sides=(ours peer)
  [ $((round % 2)) = 0 ] && sides=(peer ours)
  for step in build check; do
    for side in "${sides[@]}"; do
      "${side}_clean"
      check_load "round $round/$runs: $side cargo $step"
      "${side}_cmd" "$step"
      timed "${cmd[@]}" >>"$scratch/$side.$step"
    done
  done
done

printf '%-34s %26s %26s\n' "" "fresh build" "cargo check"
for side in ours peer; do
  label=$([ "$side" = ours ] && echo "ecs --features full ($ops ops)" || echo "ali-acs $peer_version ecs (358 ops)")
  printf '%-34s %26s %26s\n' "$label CPU s" "$(summary "$scratch/$side.build" 2)" "$(summary "$scratch/$side.check" 2)"
  printf '%-34s %26s %26s\n' "$label wall s" "$(summary "$scratch/$side.build" 1)" "$(summary "$scratch/$side.check" 1)"
done
ratio() { awk -v a="$(awk '{print $2}' "$scratch/ours.$1" | median)" -v b="$(awk '{print $2}' "$scratch/peer.$1" | median)" 'BEGIN { printf "%.2f", a / b }'; }
printf '%-34s %26s %26s\n' "CPU ours / peer (goal ≤ 1.00)" "$(ratio build)" "$(ratio check)"
[ "$busy" = 1 ] && echo "WARNING: the load was above 1 before at least one timing: re-run on an idle machine." >&2
[ -z "${SCRATCH:-}" ] && rm -rf "$scratch"
exit 0
