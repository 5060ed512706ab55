#!/usr/bin/env bash
# Every crate packages on its own, and one product builds from its `.crate` files alone.
#
#   scripts/package_check.sh [PRODUCT] [cargo package options, e.g. --allow-dirty]
#
# 1. `cargo package --no-verify --exclude-lockfile` of every publishable crate: the manifest is
#    normalized (path dependencies carry versions), every file a crate needs is inside it (group
#    crates hold the specs they expand). `--no-verify`: the dependencies are not on crates.io.
# 2. The verification `--no-verify` skips, by hand: PRODUCT (default swas), its group crates and
#    acs-codegen/acs-macros/acs-runtime are unpacked from their `.crate` files alone into an
#    empty workspace whose `[patch.crates-io]` points at the unpacked copies, and built there:
#    with its default features (and every group with `PACKAGE_CHECK_FULL=1`).
set -euo pipefail
cd "$(dirname "$0")/.."
product=${1:-swas}
shift || true

unpublished=(swas-local acs-tests acs-ui-tests acs-product-check acs-product-tests acs-roa-tests acs-benches user-program-swas user-program-ecs user-program-vpc)
excludes=()
for c in "${unpublished[@]}"; do excludes+=(--exclude "$c"); done
# `--exclude-lockfile`: cargo otherwise resolves a lock file for each of ~180 crates against a
# temporary registry of the others (about 5 minutes; 12 s without). Dependents of a library
# ignore its lock file; `acs-codegen`'s CLI is the one binary a `cargo install --locked` would
# miss it for.
cargo package --workspace --no-verify --exclude-lockfile -q "${excludes[@]}" "$@"

version=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)
groups=$(ls "$product/groups")
crates=(acs-codegen acs-macros acs-runtime "$product")
for g in $groups; do crates+=("$product-$g"); done

dir=target/package-build
rm -rf "$dir"
mkdir -p "$dir"
for c in "${crates[@]}"; do
  tar -xzf "target/package/$c-$version.crate" -C "$dir"
done
{
  echo '[workspace]'
  echo 'resolver = "2"'
  echo "members = [\"$product-$version\"]"
  echo
  echo '[patch.crates-io]'
  for c in "${crates[@]}"; do
    [ "$c" = "$product" ] || echo "$c = { path = \"$c-$version\" }"
  done
} >"$dir/Cargo.toml"
# The workspace's lock pins the same third-party versions (no registry update needed); the
# shared target directory reuses what they compiled to.
cp Cargo.lock "$dir/Cargo.lock"
export CARGO_TARGET_DIR="$PWD/target"
echo "-- $product from its .crate files: cargo build (default features)"
cargo build -q --manifest-path "$dir/Cargo.toml" -p "$product"
# `PACKAGE_CHECK_FULL=1`: every group too (`--features full`; CI skips it for time: the grep
# below names any packaged generate! call that reaches outside its crate).
if [ "${PACKAGE_CHECK_FULL:-0}" = 1 ]; then
  echo "-- $product from its .crate files: cargo check --features full"
  cargo check -q --manifest-path "$dir/Cargo.toml" -p "$product" --features full
fi
# No `generate!` of a packaged crate names a spec outside it (the builds above would have failed;
# this names the culprit for a feature they did not enable).
if grep -rnE '(spec = |^\s+)"\.\./[^"]*\.json"' "$dir"/*/src; then
  echo "a packaged crate expands a spec outside itself" >&2
  exit 1
fi
echo "packaged: $(ls target/package/*.crate | wc -l) crates; $product built from ${#crates[@]} of them"
