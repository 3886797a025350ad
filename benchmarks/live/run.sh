#!/usr/bin/env bash
# The live-meeting benchmark: builds the portal, starts it on 127.0.0.1 with demo data and the benchmark plans, and
# prints the figures as JSON, one object per phase:
#   1. the hub load: BENCH_PLANS meetings × BENCH_PER_PLAN participants through the plan hub, then the same through the
#      bare broadcast hub (the floor) and through the broadcast after one durable write (the durable floor);
#   2. the Blazor path: BENCH_BLAZOR_PAIRS pairs of Chromium pages on busy plans, while BENCH_BLAZOR_BUSY meetings of
#      BENCH_PER_PLAN participants keep editing through the hub (the busy-plan load, reported too).
# BENCH_BLAZOR_DURING_HUB=1 measures the Blazor path during phase 1 instead (everything at once on the machine).
# Settings: BENCH_PLANS (100), BENCH_PER_PLAN (8), BENCH_SECONDS (60), BENCH_BLAZOR_PAIRS (2), BENCH_BLAZOR_BUSY (10),
# BENCH_BLAZOR_EDITS (100 per pair), BENCH_BLAZOR_BUSY_SECONDS (120: outlasts the pages), BENCH_PORT (5090).
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$(pwd)"

dotnet build TabbPortal.Web -c Release -v quiet -nologo >/dev/null
app="$(ls -d "$root"/TabbPortal.Web/bin/Release/net8.0/*/TabbPortal.Web | head -1)"
(cd benchmarks/live && { [ -d node_modules ] || npm ci --no-audit --no-fund >/dev/null; })

data="$(mktemp -d)"
port="${BENCH_PORT:-5090}"
export BENCH_BASE_URL="http://127.0.0.1:$port"
export BENCH_PASSWORD="Benchmark-Password-2026"
export BENCH_PLANS="${BENCH_PLANS:-100}"
pairs="${BENCH_BLAZOR_PAIRS:-2}"
busy="${BENCH_BLAZOR_BUSY:-10}"

(
  cd TabbPortal.Web
  exec env ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$BENCH_BASE_URL" \
    ConnectionStrings__Portal="Data Source=$data/portal.db" DataProtection__KeysFolder="$data/keys" \
    Demo__Seed=true Demo__Password="$BENCH_PASSWORD" Benchmark__Plans="$BENCH_PLANS" \
    Logging__LogLevel__Default=Warning "Logging__LogLevel__Microsoft.AspNetCore=Warning" \
    "$app" >"$data/server.log" 2>&1
) &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -sf -o /dev/null "$BENCH_BASE_URL/health" && break; sleep 0.5; done
export BENCH_SERVER_PID="$server"

cd benchmarks/live
echo '{}' >"$data/busy.json"
echo '{}' >"$data/blazor.json"
if [ "${BENCH_BLAZOR_DURING_HUB:-0}" = 1 ]; then
  node hub-load.js >"$data/hub.json" &
  load=$!
  if [ "$pairs" -gt 0 ]; then sleep 15; node blazor.js >"$data/blazor.json"; fi
  wait "$load"
else
  node hub-load.js >"$data/hub.json"
  if [ "$pairs" -gt 0 ]; then
    BENCH_PLANS="$busy" BENCH_SECONDS="${BENCH_BLAZOR_BUSY_SECONDS:-120}" BENCH_PHASES=hub node hub-load.js >"$data/busy.json" &
    load=$!
    sleep 10
    node blazor.js >"$data/blazor.json"
    wait "$load"
  fi
fi
cat "$data/hub.json" "$data/busy.json" "$data/blazor.json"
