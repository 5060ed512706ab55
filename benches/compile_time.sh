#!/usr/bin/env bash
# Compile-time budget of the generated client (a benchmark, not a test). Prints medians of N runs.
#
#   benches/compile_time.sh [N]      (default N=3; about 4 minutes on 2 cores for N=3)
#
# (a) fresh build of a scratch crate that expands CreateInstances, against the same crate using
#     only the runtime: the difference is what the macro, codegen and generated code add;
# (b) rebuild of `swas` (default `workflow`: 5 operations) and (c) of `swas --features full`
#     (all operations) after touching its source, dependencies already built;
# (d) rebuild of `swas --features full` after touching one spec file.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${1:-3}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); awk -v a="$end" -v b="$start" 'BEGIN { printf "%.2f\n", a - b }'; }

mkdir -p "$scratch/src"
cp rust-toolchain.toml "$scratch/"
manifest() {
  cat > "$scratch/Cargo.toml" <<TOML
[package]
name = "compile_time_probe"
version = "0.1.0"
edition = "2021"
[dependencies]
acs-runtime = { path = "$root/runtime" }
$1
[workspace]
TOML
}

fresh() { rm -rf "$scratch/target"; seconds cargo build -q --manifest-path "$scratch/Cargo.toml"; }

base=(); with=()
for _ in $(seq "$runs"); do
  manifest ""
  echo 'pub use acs_runtime::Params;' > "$scratch/src/lib.rs"
  base+=("$(fresh)")
  manifest "acs-macros = { path = \"$root/macros\" }"
  echo "acs_macros::generate!(\"$root/specs/swas-open-2020-06-01/CreateInstances.json\");" > "$scratch/src/lib.rs"
  with+=("$(fresh)")
done
b=$(printf '%s\n' "${base[@]}" | median); w=$(printf '%s\n' "${with[@]}" | median)
echo "(a) fresh build, runtime only:            ${b} s"
echo "(a) fresh build, + CreateInstances macro: ${w} s  (adds $(awk -v a="$w" -v b="$b" 'BEGIN { printf "%.2f", a - b }') s)"

rebuild() { local out=(); for _ in $(seq "$runs"); do touch "$1"; out+=("$(seconds cargo build -q -p swas "${@:2}")"); done; printf '%s\n' "${out[@]}" | median; }
cargo build -q -p swas && cargo build -q -p swas --features full
echo "(b) rebuild swas, 5 workflow operations:  $(rebuild swas/src/lib.rs) s"
echo "(c) rebuild swas --features full:         $(rebuild swas/src/lib.rs --features full) s"
echo "(d) full, after touching one spec:        $(rebuild specs/swas-open-2020-06-01/ListInstances.json --features full) s"
