#!/usr/bin/env bash
# What a user's program pays to compile against a product crate, at this checkout and at an
# earlier commit, side by side (a benchmark, not a test).
#
#   benches/user_program_build.sh REV [N] [PRODUCT]     (default N=3, PRODUCT=ecs)
#
# The program is `tests/user-programs/PRODUCT` (it depends on the product crate with its default
# operations). REV is checked out in a temporary worktree with a target folder of its own; both
# sides first build everything once (untimed: the runtime, the macro, reqwest, …). Each round,
# alternating which side goes first, then times with /usr/bin/time (CPU = user + system):
#   fresh    after `cargo clean -p` of the product crate, its shapes and group crates and the
#            program: what a user's first build compiles beyond the shared dependencies;
#   touched  after touching the program's `src/lib.rs`: the program's own crate alone.
# Before each timing it waits (at most IDLE_WAIT s, default 120) for the 1-minute load to fall
# below 1. Prints each timing, then medians per side.
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:?usage: benches/user_program_build.sh REV [N] [PRODUCT]}
runs=${2:-3}
product=${3:-ecs}
program=user-program-$product
here=$(pwd)
old=$(mktemp -d)
trap 'git -C "$here" worktree remove --force "$old/tree" >/dev/null 2>&1 || true; rm -rf "$old"' EXIT
git worktree add -q --detach "$old/tree" "$rev"

# The crates a fresh build of the program compiles beyond the shared dependencies.
packages() {
  local dir=$1 list=(-p "$product" -p "$program")
  for manifest in "$dir/$product"/groups/*/Cargo.toml; do
    list+=(-p "$(sed -n 's/^name = "\(.*\)"/\1/p' "$manifest" | head -1)")
  done
  echo "${list[@]}"
}
side_dir() { if [ "$1" = old ]; then echo "$old/tree"; else echo "$here"; fi; }
side_target() { if [ "$1" = old ]; then echo "$old/tree/target"; else echo "$here/target"; fi; }
cargo_in() { (cd "$(side_dir "$1")" && CARGO_TARGET_DIR=$(side_target "$1") cargo "${@:2}"); }
wait_idle() {
  local waited=0
  while awk '{ exit !($1 >= 1.0) }' /proc/loadavg && [ "$waited" -lt "${IDLE_WAIT:-120}" ]; do
    sleep 5
    waited=$((waited + 5))
  done
}
timed() { # SIDE ARGS… → "cpu" seconds
  wait_idle
  (cd "$(side_dir "$1")" && CARGO_TARGET_DIR=$(side_target "$1") /usr/bin/time -f "%U %S" -o "$old/time" cargo "${@:2}" >/dev/null 2>&1)
  awk '{ printf "%.2f\n", $1 + $2 }' "$old/time"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "user_program_build: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores; $program at $(git rev-parse --short HEAD) (new) vs $(git rev-parse --short "$rev") (old), $runs round(s)" >&2
echo "building both sides once (not timed)…" >&2
for side in old new; do cargo_in "$side" build -q -p "$program"; done

: >"$old/old.fresh"; : >"$old/new.fresh"; : >"$old/old.touched"; : >"$old/new.touched"
for round in $(seq "$runs"); do
  sides=(old new)
  [ $((round % 2)) = 0 ] && sides=(new old)
  for side in "${sides[@]}"; do
    # shellcheck disable=SC2046
    cargo_in "$side" clean -q $(packages "$(side_dir "$side")")
    timed "$side" build -q -p "$program" >>"$old/$side.fresh"
    touch "$(side_dir "$side")/tests/user-programs/$product/src/lib.rs"
    timed "$side" build -q -p "$program" >>"$old/$side.touched"
    echo "  round $round/$runs $side: fresh $(tail -1 "$old/$side.fresh") s, touched $(tail -1 "$old/$side.touched") s CPU" >&2
  done
done
printf '%-28s %14s %14s\n' "CPU s (median)" "fresh" "touched"
for side in old new; do
  printf '%-28s %14s %14s\n' "$side" "$(median <"$old/$side.fresh")" "$(median <"$old/$side.touched")"
done
