#!/usr/bin/env bash
# The report benchmark: builds the portal (Release), starts it once on a new database to migrate it and seed the demo
# data, generates the county-sized data set into it (ReportsBench generate), starts it again and measures the server
# time of the process leaders' report pages (ReportsBench measure): p50/p95/p99/max over BENCH_ITERATIONS requests each.
# Settings: BENCH_ITERATIONS (200), BENCH_SCALE (1.0 = 65,000 children), BENCH_PORT (5091), BENCH_PAGES (space-separated paths).
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$(pwd)"

dotnet build TabbPortal.Web -c Release -v quiet -nologo >/dev/null
dotnet build benchmarks/reports/ReportsBench -c Release -v quiet -nologo >/dev/null
app="$(ls -d "$root"/TabbPortal.Web/bin/Release/net8.0/*/TabbPortal.Web | head -1)"
bench="$(ls -d "$root"/benchmarks/reports/ReportsBench/bin/Release/net8.0/*/ReportsBench | head -1)"

data="$(mktemp -d)"
port="${BENCH_PORT:-5091}"
base="http://127.0.0.1:$port"
password="Benchmark-Password-2026"
server=""
start_portal() {
  (
    cd TabbPortal.Web
    exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" \
      ConnectionStrings__Portal="Data Source=$data/portal.db" DataProtection__KeysFolder="$data/keys" \
      Demo__Seed=true Demo__Password="$password" \
      Logging__LogLevel__Default=Warning "Logging__LogLevel__Microsoft.AspNetCore=Warning" \
      "$app" >>"$data/server.log" 2>&1
  ) &
  server=$!
  for _ in $(seq 1 240); do curl -sf -o /dev/null "$base/health" && return 0; sleep 0.5; done
  echo "The portal did not start; see $data/server.log" >&2
  return 1
}
stop_portal() { if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""; fi; }
trap 'stop_portal; rm -rf "$data"' EXIT

start_portal
stop_portal
"$bench" generate "$data/portal.db" "${BENCH_SCALE:-1.0}"
start_portal

month="$(date -u +%Y-%m)"
three_years_ago="$(date -u -d '-35 months' +%Y-%m)"
pages="${BENCH_PAGES:-/uppfoljning/indikatorer /uppfoljning/indikatorer?from=$three_years_ago&to=$month /uppfoljning/indikatorer?area=North /uppfoljning/enkater}"
# shellcheck disable=SC2086
"$bench" measure "$base" "eva.strand@demo.example" "$password" "${BENCH_ITERATIONS:-200}" $pages
