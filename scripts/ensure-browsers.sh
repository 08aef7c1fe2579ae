#!/usr/bin/env bash
# Makes sure Debian's browsers are installed: `scripts/ensure-browsers.sh chromium firefox-esr`.
# Installs the missing ones with apt-get when running as root, else prints the command and fails.
set -euo pipefail

missing=()
for program in "$@"; do
  command -v "$program" >/dev/null 2>&1 || missing+=("$program")
done
[ ${#missing[@]} -eq 0 ] && exit 0

install_cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing[*]}"
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "==> installing missing browsers: ${missing[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
  for program in "${missing[@]}"; do
    command -v "$program" >/dev/null 2>&1 || {
      echo "ERROR: $program still missing after apt-get install" >&2
      exit 1
    }
  done
else
  echo "ERROR: missing browsers: ${missing[*]}" >&2
  echo "Install them (as root) with:" >&2
  echo "  $install_cmd" >&2
  exit 1
fi
