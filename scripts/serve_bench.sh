#!/usr/bin/env bash
# Dashboard figures (issue 7), re-runnable by anyone:
#   scripts/serve_bench.sh BUILD_DIR [first-render|latency|throughput|soak|all]
#   first-render  the page on a 100,000-event database: cold and warm (target < 1 s)
#   latency       wrk, 1 connection, the dashboard's aggregate requests in turn, cache off,
#                 1,000,000 events: p95 (target < 100 ms)
#   throughput    wrk -t2 -c8, 30 s, one aggregate endpoint and the mix, cache on and off,
#                 1,000,000 events (target >= 500 requests/s, no errors)
#   soak          wrk -t2 -c8 for 10 minutes on the mix (cache on), server memory every 10 s
# Databases are generated once by bench_server (synthetic events with places) under
# $SITREP_BENCH_DIR (default /tmp) unless named (below). wrk is installed from Debian when
# missing. The server's figures depend on what else the two cores are doing: the script
# prints the load average first.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
what=${2:-all}
dir=${SITREP_BENCH_DIR:-/tmp}
sitrep="$build/sitrep"
# Any sitrep database will do: SITREP_BENCH_DB_100K / SITREP_BENCH_DB_1M name others (for
# instance one made by `bench_store --events 1000000 --db FILE`).
db100k=${SITREP_BENCH_DB_100K:-$dir/sitrep_bench_server_100000.db}
db1m=${SITREP_BENCH_DB_1M:-$dir/sitrep_bench_server_1000000.db}
mix=bench/server/aggregate_mix.lua

command -v wrk >/dev/null || { apt-get install -y -q wrk >/dev/null || sudo apt-get install -y -q wrk; }
# Each database is made only when a chosen measurement needs it (generating 1,000,000
# events takes many minutes).
if [ "$what" = first-render ] || [ "$what" = all ]; then
  [ -f "$db100k" ] || "$build/bench_server" --events 100000 --rounds 1 --db "$db100k" >/dev/null
fi
if [ "$what" != first-render ]; then
  [ -f "$db1m" ] || "$build/bench_server" --events 1000000 --rounds 1 --db "$db1m" >/dev/null
fi

server_pid=""
stop_server() { if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=""; fi; }
trap stop_server EXIT
# start_server DB [serve flags...]: sets $url and $server_pid.
start_server() {
  local db=$1; shift
  local portfile; portfile=$(mktemp)
  rm -f "$portfile"
  "$sitrep" serve --db "$db" --port 0 --port-file "$portfile" "$@" 2>/dev/null &
  server_pid=$!
  for _ in $(seq 300); do [ -s "$portfile" ] && break; sleep 0.1; done
  url="http://127.0.0.1:$(cat "$portfile")"
  rm -f "$portfile"
}
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$server_pid/status"; }
echo "# machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "$what" = first-render ] || [ "$what" = all ]; then
  echo "== first render, $db100k"
  start_server "$db100k"
  node bench/server/first_render.mjs "$url/" 6
  stop_server
fi
if [ "$what" = latency ] || [ "$what" = all ]; then
  echo "== aggregate latency, 1 connection, cache off, $db1m"
  start_server "$db1m" --cache-mb 0
  wrk -t1 -c1 -d30s -s "$mix" "$url" | tail -2
  stop_server
fi
if [ "$what" = throughput ] || [ "$what" = all ]; then
  for cache in 64 0; do
    start_server "$db1m" --cache-mb "$cache"
    echo "== throughput, wrk -t2 -c8 30 s, cache ${cache} MB: timeline endpoint"
    wrk -t2 -c8 -d30s -s "$mix" "$url/api/aggregate?by=none&period=month" >/dev/null  # warm-up
    wrk -t2 -c8 -d30s "$url/api/aggregate?by=none&period=month" | grep -E "Requests/sec|Non-2xx|Socket errors|Latency" || true
    echo "== throughput, wrk -t2 -c8 30 s, cache ${cache} MB: the dashboard mix"
    wrk -t2 -c8 -d30s -s "$mix" "$url" | tail -2
    stop_server
  done
fi
if [ "$what" = soak ] || [ "$what" = all ]; then
  echo "== soak, wrk -t2 -c8 600 s on the mix, cache on, $db1m"
  start_server "$db1m"
  wrk -t2 -c8 -d600s -s "$mix" "$url" > "$dir/sitrep_soak_wrk.txt" &
  wrk_pid=$!
  start_rss=""
  for i in $(seq 0 60); do
    rss=$(rss_kb)
    [ -n "$start_rss" ] || start_rss=$rss
    echo "t=$((i * 10))s rss=${rss} kB"
    [ $i -lt 60 ] && sleep 10
  done
  wait "$wrk_pid"
  tail -2 "$dir/sitrep_soak_wrk.txt"
  echo "memory: start ${start_rss} kB, end $(rss_kb) kB"
  curl -fsS "$url/api/health" && echo
  stop_server
fi
