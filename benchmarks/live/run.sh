#!/usr/bin/env bash
# The live-meeting benchmark: builds the portal, starts it on 127.0.0.1 with demo data and the benchmark plans, runs
# the hub load (plan hub, then the bare broadcast hub as the floor) with the Blazor pages measured meanwhile, and
# prints the figures as JSON. Settings: BENCH_PLANS (100), BENCH_PER_PLAN (8), BENCH_SECONDS (60), BENCH_BLAZOR_PAIRS (2).
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
node hub-load.js >"$data/hub.json" &
load=$!
if [ "${BENCH_BLAZOR_PAIRS:-2}" -gt 0 ]; then
  sleep 15
  node blazor.js >"$data/blazor.json"
else
  echo '{}' >"$data/blazor.json"
fi
wait "$load"
cat "$data/hub.json" "$data/blazor.json"
