#!/usr/bin/env bash
# `npm test`: everything that proves Citecast works, in order, stopping at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"

if [ ! -d node_modules ]; then
  echo "ERROR: node_modules is missing: run \`npm ci\` first" >&2
  exit 1
fi

started=$SECONDS
step() {
  local name=$1
  shift
  echo
  echo "==> $name"
  local t=$SECONDS
  if ! "$@"; then
    echo >&2
    echo "FAILED: $name  (command: $*)" >&2
    exit 1
  fi
  echo "    ($name: $((SECONDS - t)) s)"
}

step "type check" tsc --noEmit
step "lint" eslint .
step "format" prettier --check .
step "unit tests" vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json
# `npm run zip` builds both browsers' folders and packs the archives a release ships.
step "build and release archives" npm run --silent zip
version=$(node -p 'require("./package.json").version')
step "web-ext lint" web-ext lint --source-dir ".output/citecast-$version-firefox.zip" --output text
step "browsers installed" bash scripts/ensure-browsers.sh chromium firefox-esr
step "browser tests" tsx tests/browser/run.ts

count() { # count FILE FIELD: a number from a JSON results file
  node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log(r[process.argv[2]] ?? 0)' "$1" "$2"
}
passed=$(($(count test-results/unit.json numPassedTests) + $(count test-results/browser.json passed)))
failed=$(($(count test-results/unit.json numFailedTests) + $(count test-results/browser.json failed)))
echo
echo "npm test: every step passed in $((SECONDS - started)) s"
echo "total: $passed passed, $failed failed"
