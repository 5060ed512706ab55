#!/usr/bin/env bash
# Counts the operations a facade's rustdoc page links against its spec count:
#   scripts/doc_links.sh ecs    # after: cargo doc -p ecs --features full --no-deps
# Every operation spec of the facade (`facade.json`'s "specs") must appear as a link text
# (`>RunInstances</a>`) on `target/doc/<crate>/index.html`: in the crate docs' list by group and
# in the re-exports. Exit 1 and the missing names otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
crate=${1:?usage: scripts/doc_links.sh CRATE}
specs=$(sed -n 's/.*"specs": *"\([^"]*\)".*/\1/p' "$crate/facade.json")
page="target/doc/${crate//-/_}/index.html"
[ -f "$page" ] || { echo "no $page: run cargo doc -p $crate --features full --no-deps" >&2; exit 1; }
total=0 missing=()
for spec in "$crate/$specs"/*.json; do
  op=$(basename "$spec" .json)
  case "$op" in _*) continue ;; esac
  total=$((total + 1))
  grep -q ">$op</a>" "$page" || missing+=("$op")
done
echo "$crate: $((total - ${#missing[@]})) of $total operations linked on $page"
if [ ${#missing[@]} -gt 0 ]; then
  printf 'not linked: %s\n' "${missing[@]}"
  exit 1
fi
