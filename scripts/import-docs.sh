#!/usr/bin/env bash
# Re-imports products with the English API reference of their pinned official SDK packages
# (specs/docs-packages.json): fetches each package once (`npm pack`, or `pip download --no-deps`
# for PyPI ones) into a cache, unpacks it, and runs `acs-codegen import … --docs <unpacked>…`.
# Needs node and npm (pip and unzip for PyPI packages) and the network for packages not cached
# yet; nothing else in the build or the tests does.
#
#   scripts/import-docs.sh                      # every shipped product in the manifest
#   scripts/import-docs.sh ecs-2014-05-26       # some products
#   scripts/import-docs.sh --check-only         # exit 1 when the specs differ from what it writes
#
# Cache: $ACS_DOCS_CACHE, default ~/.cache/acs-rust/sdk-docs (<registry>/<package>-<version>/).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
manifest="$root/specs/docs-packages.json"
cache="${ACS_DOCS_CACHE:-$HOME/.cache/acs-rust/sdk-docs}"
check=()
products=()
for arg in "$@"; do
  case "$arg" in
    --check-only) check=(--check-only) ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) products+=("$arg") ;;
  esac
done
# The manifest as lines: `product|import args (space-separated)|registry package version;…`
lines="$(node -e '
  const m = require(process.argv[1]);
  for (const [p, v] of Object.entries(m.products)) {
    const pkgs = v.packages.map(x => [x.registry, x.package, x.version].join(" ")).join(";");
    // `import: null`: not shipped yet.
    console.log([p, v.import === null ? "-" : v.import.join(" "), pkgs].join("|"));
  }' "$manifest")"
if [ ${#products[@]} -eq 0 ]; then
  mapfile -t products < <(awk -F"|" '$2 != "-" {print $1}' <<<"$lines")
fi
cd "$root"
cargo build -q -p acs-codegen
status=0
for product in "${products[@]}"; do
  line="$(awk -F"|" -v p="$product" '$1 == p' <<<"$lines")"
  if [ -z "$line" ]; then echo "error: $product is not in $manifest" >&2; exit 2; fi
  IFS="|" read -r _ import_args packages <<<"$line"
  if [ "$import_args" = "-" ]; then
    echo "error: $product is not shipped yet: give its import arguments (\"import\") in $manifest" >&2; exit 2
  fi
  docs=()
  IFS=';' read -ra entries <<<"$packages"
  for entry in "${entries[@]}"; do
    read -r registry package version <<<"$entry"
    dir="$cache/$registry/${package//\//+}-$version"
    if [ ! -d "$dir" ]; then
      tmp="$(mktemp -d)"
      case "$registry" in
        npm)
          (cd "$tmp" && npm pack --silent "$package@$version" >/dev/null)
          rm -rf "$dir.part" && mkdir -p "$dir.part" && tar xzf "$tmp"/*.tgz -C "$dir.part" ;;
        pypi)
          pip download --quiet --no-deps -d "$tmp" "$package==$version"
          rm -rf "$dir.part" && mkdir -p "$dir.part"
          for f in "$tmp"/*; do
            case "$f" in
              *.whl) unzip -q "$f" -d "$dir.part" ;;
              *.tar.gz) tar xzf "$f" -C "$dir.part" ;;
            esac
          done ;;
        *) echo "error: $package: unknown registry $registry" >&2; exit 2 ;;
      esac
      mv "$dir.part" "$dir"
      rm -rf "$tmp"
    fi
    docs+=(--docs "$dir")
  done
  # shellcheck disable=SC2086 # the import arguments are words
  target/debug/acs-codegen import "specs/vendor-metadata/$product" --out "specs/$product" \
    $import_args "${docs[@]}" "${check[@]}" || status=$?
done
exit "$status"
