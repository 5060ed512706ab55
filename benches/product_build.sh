#!/usr/bin/env bash
# Build cost of the generated code per product (a benchmark, not a test). Prints medians of N runs.
#
#   benches/product_build.sh [N] [CRATE...]     (default N=3, crates: swas ecs vpc)
#
# For each facade crate, dependencies (runtime, macro, codegen) are built first; then
# (fresh)   `cargo build -p CRATE --features full` after `cargo clean -p CRATE`: what compiling
#           the generated code of every operation costs;
# (rebuild) the same after touching one spec file (the macro re-expands what tracks it);
# and both divided by the operation count, so products of different sizes compare.
set -euo pipefail
shopt -s nullglob
cd "$(dirname "$0")/.."
runs=${1:-3}
shift || true
crates=("$@")
[ ${#crates[@]} -gt 0 ] || crates=(swas ecs vpc)

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); awk -v a="$end" -v b="$start" 'BEGIN { printf "%.2f\n", a - b }'; }

printf '%-6s %10s %12s %10s %14s %16s\n' crate operations fresh_s rebuild_s fresh_ms_per_op rebuild_ms_per_op
for crate in "${crates[@]}"; do
  # Where the `generate!` calls are: the crate itself (single-crate layout, e.g. swas) or its
  # group crates (per-group layout, e.g. ecs); an operation is a spec named after its action.
  sources=("$crate"/src/operations.rs "$crate"/groups/*/src/lib.rs)
  # (a long path goes on the line after `spec =`, so match the path alone).
  op_specs=$(grep -ho '/[A-Z][A-Za-z0-9]*\.json"' "${sources[@]}" || true)
  ops=$(printf '%s\n' "$op_specs" | grep -c . || true)
  # The copy the group crate expands (groups/<g>/specs/), not the import's folder.
  one_spec=$(ls "$crate"/groups/*/specs/"$(printf '%s\n' "$op_specs" | head -1 | tr -d '/"')" | head -1)
  cargo build -q -p "$crate" --no-default-features
  fresh=(); rebuild=()
  for _ in $(seq "$runs"); do
    # The facade and, in the per-group layout, every group crate: all generated code.
    packages=(-p "$crate")
    for manifest in "$crate"/groups/*/Cargo.toml; do
      packages+=(-p "$(sed -n 's/^name = "\(.*\)"/\1/p' "$manifest" | head -1)")
    done
    cargo clean -q "${packages[@]}"
    fresh+=("$(seconds cargo build -q -p "$crate" --features full)")
    touch "$one_spec"
    rebuild+=("$(seconds cargo build -q -p "$crate" --features full)")
  done
  f=$(printf '%s\n' "${fresh[@]}" | median); r=$(printf '%s\n' "${rebuild[@]}" | median)
  printf '%-6s %10s %12s %10s %14s %16s\n' "$crate" "$ops" "$f" "$r" \
    "$(awk -v t="$f" -v n="$ops" 'BEGIN { printf "%.1f", 1000 * t / n }')" \
    "$(awk -v t="$r" -v n="$ops" 'BEGIN { printf "%.1f", 1000 * t / n }')"
done
