#!/usr/bin/env bash
# Build cost of generated code for a whole product (a benchmark, not a test): a scratch crate
# expands every spec of a directory, one `generate!` per file, against this checkout's macro and
# runtime. Dependencies are built first; then the crate alone is timed, fresh (its own
# incremental state removed) and after touching one spec. Prints medians of N runs, as wall time
# and as CPU time (user + system of cargo and rustc: steadier than wall time on a busy machine).
#
#   benches/spec_dir_build.sh SPEC_DIR [N]     e.g. benches/spec_dir_build.sh specs/ecs-2014-05-26 3
#   BUILD_OVERRIDE=3 benches/spec_dir_build.sh …  builds the macro and codegen optimized
#                                                  ([profile.dev.build-override] opt-level)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
dir=$(cd "$1" && pwd)
runs=${2:-3}
scratch=${SCRATCH:-$(mktemp -d)}
mkdir -p "$scratch/src"
cp rust-toolchain.toml "$scratch/"
cat > "$scratch/Cargo.toml" <<TOML
[package]
name = "product_build_probe"
version = "0.1.0"
edition = "2021"
[dependencies]
acs-runtime = { path = "$root/runtime" }
acs-macros = { path = "$root/macros" }
[profile.dev]
debug = "line-tables-only"
[profile.dev.package."*"]
debug = false
${BUILD_OVERRIDE:+[profile.dev.build-override]}
${BUILD_OVERRIDE:+opt-level = $BUILD_OVERRIDE}
[workspace]
TOML
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# "wall cpu" in seconds.
seconds() { /usr/bin/time -f "%e %U %S" -o "$scratch/time" "$@" >/dev/null 2>&1; awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$scratch/time"; }
column() { awk -v c="$1" '{ print $c }'; }
build() { cargo build -q --manifest-path "$scratch/Cargo.toml"; }

echo 'pub use acs_runtime::Params;' > "$scratch/src/lib.rs"
build   # dependencies, the macro and the runtime
specs=("$dir"/*.json)
: > "$scratch/src/lib.rs"
for spec in "${specs[@]}"; do
  echo "acs_macros::generate!(spec = \"$spec\");" >> "$scratch/src/lib.rs"
done
fresh=(); touched=()
for _ in $(seq "$runs"); do
  rm -rf "$scratch/target/debug/incremental" "$scratch"/target/debug/deps/libproduct_build_probe* "$scratch"/target/debug/.fingerprint/product_build_probe-*
  fresh+=("$(seconds cargo build -q --manifest-path "$scratch/Cargo.toml")")
  touch "${specs[1]}"
  touched+=("$(seconds cargo build -q --manifest-path "$scratch/Cargo.toml")")
done
report() { printf '%s\n' "${@:2}" > "$scratch/runs"; echo "$1 wall $(column 1 < "$scratch/runs" | median) s, cpu $(column 2 < "$scratch/runs" | median) s"; }
echo "$(basename "$dir"): ${#specs[@]} spec files, median of $runs"
report "fresh build of the generated code:" "${fresh[@]}"
report "rebuild after touching one spec:  " "${touched[@]}"
