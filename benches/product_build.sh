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
cd "$(dirname "$0")/.."
runs=${1:-3}
shift || true
crates=("$@")
[ ${#crates[@]} -gt 0 ] || crates=(swas ecs vpc)

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); awk -v a="$end" -v b="$start" 'BEGIN { printf "%.2f\n", a - b }'; }

printf '%-6s %10s %12s %10s %14s %16s\n' crate operations fresh_s rebuild_s fresh_ms_per_op rebuild_ms_per_op
for crate in "${crates[@]}"; do
  specs=$(sed -n 's/.*"specs": "\.\.\/\(.*\)".*/\1/p' "$crate/facade.json")
  # Operations, in the crate itself or in its group crates (the shapes are not one).
  ops=$(cat "$crate/src/operations.rs" "$crate"/groups/*/src/lib.rs 2>/dev/null \
    | grep -A2 'acs_macros::generate!(' | grep -c '\.json"' || true)
  ops=$((ops - $(grep -c '_shapes.json' "$crate/src/operations.rs" "$crate"/groups/*/src/lib.rs 2>/dev/null | awk -F: '{s+=$NF} END {print s+0}')))
  one_spec=$specs/$(sed -n 's/.*spec = "[./]*[^"]*\/\([A-Z][A-Za-z]*\.json\)".*/\1/p' "$crate"/src/operations.rs "$crate"/groups/*/src/lib.rs 2>/dev/null | awk 'NR == 1')
  cargo build -q -p "$crate" --no-default-features
  fresh=(); rebuild=()
  for _ in $(seq "$runs"); do
    # The facade and, in the per-group layout, every group crate: all generated code.
    packages=(-p "$crate")
    for manifest in "$crate"/groups/*/Cargo.toml; do
      if [ -f "$manifest" ]; then packages+=(-p "$(sed -n 's/^name = "\(.*\)"/\1/p' "$manifest" | head -1)"); fi
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
