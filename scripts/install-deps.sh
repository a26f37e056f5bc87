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

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "sitrep: installing missing packages: ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
