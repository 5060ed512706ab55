#!/usr/bin/env bash
# Imports every product version of an Alibaba Cloud metadata catalogue and checks what it wrote:
# the "no single vendor slip blocks a product" test over a whole catalogue. Opt-in (needs a
# catalogue on disk, which the repository does not ship); not part of `cargo test`.
#
#   scripts/import_catalogue.sh CATALOGUE_DIR [DATE]
#
# CATALOGUE_DIR holds <product>/<version>/api-docs.json (Alibaba's layout, e.g. `data/` of
# github.com/dew-serverless/acs-sdk-php at 2da261e4 is the full 2024-06-24 catalogue). DATE
# (YYYY-MM-DD) names the snapshot; by default it is taken from the folder path when one part of
# it ends in a date (`catalogue-2024-06-24/data`).
#
# For each product version: `acs-codegen import` into a temporary folder, then `acs-codegen check`
# of that folder. RPC-style APIs must import and check clean; ROA, FC and V3 APIs with paths
# import whole and check clean or exit 1 naming each construct they cannot map; any other style
# (OSS, SLS, AliGenie, PDS, V3 without paths) must be refused (exit 1, one sentence naming the
# style). Prints the counts and the repairs by kind; exits 1 when an RPC product is blocked, an
# imported ROA product fails its check, or another style is not refused. Needs `jq`.
set -euo pipefail
shopt -s nullglob
root=$(cd "$(dirname "$0")/.." && pwd)
catalogue=${1:?usage: scripts/import_catalogue.sh CATALOGUE_DIR [DATE]}
catalogue=$(cd "$catalogue" && pwd)
date=${2:-$(printf '%s\n' "$catalogue" | grep -oE '[0-9]{4}-[0-9]{2}-[0-9]{2}' | tail -1 || true)}

cargo build -q -p acs-codegen --bin acs-codegen --manifest-path "$root/Cargo.toml"
bin="$root/target/debug/acs-codegen"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

rpc=0 rpc_clean=0 operations=0 other=0 other_refused=0
roa=0 roa_clean=0 roa_operations=0 roa_refused=0
blocked=() not_refused=() roa_unmapped=()
declare -A repairs=() styles=()
for doc in "$catalogue"/*/*/api-docs.json; do
  version=$(basename "$(dirname "$doc")")
  product=$(basename "$(dirname "$(dirname "$doc")")")
  id="$product-$version"
  mkdir -p "$work/$id/in"
  ln -s "$doc" "$work/$id/in/${date:+$date.}api-docs.json"
  status=0
  "$bin" import "$work/$id/in" --out "$work/$id/specs" >"$work/$id/import.log" 2>&1 || status=$?
  declared=$(jq -r '.info.style // "RPC"' "$doc")
  style=$(grep -oE 'this API is [A-Za-z0-9]+-style' "$work/$id/import.log" | head -1 | sed -E 's/this API is (.*)-style/\1/' || true)
  if [ -n "$style" ]; then
    other=$((other + 1))
    styles[$style]=$(( ${styles[$style]:-0} + 1 ))
    if [ "$status" -eq 1 ]; then other_refused=$((other_refused + 1)); else not_refused+=("$id ($style, exit $status)"); fi
    continue
  fi
  summary=$(tail -1 "$work/$id/import.log")
  if [ "$declared" != RPC ]; then
    # ROA, FC and V3 with paths: imported whole (every path, method and parameter location kept),
    # or exit 1 naming each construct it cannot map (never a guess).
    roa=$((roa + 1))
    if [ "$status" -ne 0 ]; then
      roa_refused=$((roa_refused + 1))
      roa_unmapped+=("$id ($declared): $(grep -c '^error' "$work/$id/import.log") error(s), first: $(grep -m1 '^error' "$work/$id/import.log" | cut -c1-200)")
      continue
    fi
    if ! "$bin" check "$work/$id/specs" >"$work/$id/check.log" 2>&1; then
      blocked+=("$id: check: $(grep -m1 '^error' "$work/$id/check.log" || tail -1 "$work/$id/check.log")")
      continue
    fi
    roa_clean=$((roa_clean + 1))
    ops=$(printf '%s\n' "$summary" | sed -nE 's/^imported ([0-9]+) operation.*/\1/p')
    roa_operations=$((roa_operations + ${ops:-0}))
    continue
  fi
  rpc=$((rpc + 1))
  if [ "$status" -ne 0 ]; then
    blocked+=("$id: import exit $status: $(grep -m1 '^error' "$work/$id/import.log" || printf '%s' "$summary")")
    continue
  fi
  if ! "$bin" check "$work/$id/specs" >"$work/$id/check.log" 2>&1; then
    blocked+=("$id: check: $(grep -m1 '^error' "$work/$id/check.log" || tail -1 "$work/$id/check.log")")
    continue
  fi
  rpc_clean=$((rpc_clean + 1))
  ops=$(printf '%s\n' "$summary" | sed -nE 's/^imported ([0-9]+) operation.*/\1/p')
  operations=$((operations + ${ops:-0}))
  list=$(printf '%s\n' "$summary" | sed -nE 's/.*; repairs: ([^;]*);.*/\1/p')
  if [ -n "$list" ] && [ "$list" != none ]; then
    IFS=',' read -ra parts <<<"$list"
    for part in "${parts[@]}"; do
      kind=$(printf '%s' "$part" | sed -E 's/^ *([A-Za-z]+) ×([0-9]+)$/\1/')
      count=$(printf '%s' "$part" | sed -E 's/^ *([A-Za-z]+) ×([0-9]+)$/\2/')
      repairs[$kind]=$(( ${repairs[$kind]:-0} + count ))
    done
  fi
done

echo "catalogue: $catalogue${date:+ (snapshot $date)}"
echo "RPC: $rpc_clean of $rpc product versions import and check clean ($operations operations); ${#blocked[@]} blocked"
echo "ROA/FC/V3 with paths: $roa_clean of $roa product versions import whole and check clean ($roa_operations operations); $roa_refused exit 1 naming what they cannot map"
for u in "${roa_unmapped[@]}"; do echo "  unmapped: $u"; done
for b in "${blocked[@]}"; do echo "  blocked: $b"; done
printf 'other styles: %s of %s refused with one sentence (' "$other_refused" "$other"
first=1
for s in $(printf '%s\n' "${!styles[@]}" | sort); do
  [ $first -eq 1 ] || printf ', '
  printf '%s %s' "$s" "${styles[$s]}"
  first=0
done
echo ')'
for n in "${not_refused[@]}"; do echo "  not refused: $n"; done
echo "repairs by kind:"
for k in $(printf '%s\n' "${!repairs[@]}" | sort); do printf '  %-24s %6s\n' "$k" "${repairs[$k]}"; done
[ ${#blocked[@]} -eq 0 ] && [ ${#not_refused[@]} -eq 0 ]
