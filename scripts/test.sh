#!/usr/bin/env bash
# Runs every TabbPortal test: domain, component, integration (HTTP + SQLite), live hub (Node) and browser (Chromium)
# tests. Installs Chromium from the OS package manager and the Node test client's npm packages when they are missing.
# A prerequisite that cannot be installed fails the run; no test is ever skipped for want of one.
set -euo pipefail
cd "$(dirname "$0")/.."

chromium="${TABBPORTAL_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "Chromium is missing at $chromium: installing it with apt-get."
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
  fi
fi
if [ ! -x "$chromium" ]; then
  echo "Chromium could not be installed; the browser tests need it (set TABBPORTAL_CHROMIUM to use another)." >&2
  exit 1
fi
export TABBPORTAL_CHROMIUM="$chromium"

# The live-meeting tests drive the plan hub with the official JavaScript SignalR client under Node.
for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$tool is missing: the live-meeting tests need Node 20 or later with npm." >&2
    exit 1
  fi
done
live_js=TabbPortal.Tests/Live/js
if [ ! -d "$live_js/node_modules" ] || [ "$live_js/package-lock.json" -nt "$live_js/node_modules/.package-lock.json" ]; then
  (cd "$live_js" && npm ci --no-audit --no-fund)
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
set +e
dotnet test TabbPortal.sln 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain closing line over all test assemblies.
awk '/(Passed|Failed)! +- +Failed:/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i + 1); if ($i == "Passed:") p += $(i + 1) }
     }
     END { printf "tests: %d passed, %d failed\n", p, f }' "$log"
exit "$status"
