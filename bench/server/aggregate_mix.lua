-- wrk script: cycles through the aggregate requests the dashboard makes (timelines,
-- comparisons, network, top dyads, actors, places, map), so that a run with the server's
-- cache off measures the store, not one cached answer. Prints p50/p95/p99 and errors
-- (errors.status counts answers other than 2xx and 3xx).
local paths = {
  "/api/aggregate?by=none&period=month",
  "/api/aggregate?by=none&period=month&source=RUS&target=SYR",
  "/api/aggregate?by=none&period=month&source=SYR&target=RUS",
  "/api/aggregate?by=none&period=week&source=USA&target=RUS",
  "/api/aggregate?by=none&period=month&actor=IRN",
  "/api/aggregate?by=dyad&period=all&limit=60",
  "/api/aggregate?by=dyad&period=all&limit=12",
  "/api/aggregate?by=actor&period=month&limit=20",
  "/api/aggregate?by=place&period=all&limit=50",
  "/api/aggregate?by=none&period=day&source=RUS&target=UKR&from=2015-01-01&to=2015-12-31",
  "/api/map?zoom=0",
  "/api/map?zoom=3&bbox=30,25,50,40",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("requests %d in %.1f s: %.0f req/s; errors: connect %d, read %d, write %d, timeout %d, non-2xx %d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, summary.errors.status))
  io.write(string.format("latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
