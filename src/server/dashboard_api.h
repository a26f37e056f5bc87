// DashboardApi: the JSON answers of `sitrep serve`, computed from the store, independent of
// HTTP (the server maps paths to these calls; tests call them directly too).
//
//   Health()      {"status":"ok","version","documents","events","mentions","ingest"}
//   Events(p)     one page of matching events, sorted: {"total","limit","offset","events":[…]}
//                 each with its first evidence sentence
//   Event(id)     one event and every mention of it, each with its document, sentence,
//                 highlighted evidence segments (server/evidence.h), the evidence spans as
//                 byte offsets into the document ("spans": {"trigger":[start,end],…}), and
//                 its date and place with their precision: {"event":{…},"mentions":[…]}
//   Aggregate(p)  events, mentions, Goldstein sum and mean per group (none, dyad, actor,
//                 place) and per day, week or month, the largest `limit` groups first:
//                 {"by","period","groups":[{keys…, totals…, "series":[{"period",…}]}]};
//                 by=none also splits cooperation (quad 1-2) from conflict (quad 3-4):
//                 coop_events, conflict_events, coop_goldstein, conflict_goldstein
//   Map(p)        events with a place, clustered on a grid whose cells shrink with the zoom
//                 (10 / 2^zoom degrees), the clusters at their events' mean position:
//                 {"zoom","cell","clusters":[{"lat","lon","events","quad":[q1,q2,q3,q4]}]}
//   Actors(p), Dyads(p), Places(p)   the stored actors (by mentions), the top dyads and the
//                 top places (by events)
//
// Aggregation happens in the server — through the store's kSeries and top-N aggregations
// (store/query.h, answered from its rollup tables where the filter allows) and, for what
// the store does not offer (the bounding box, country level, map grid), here. No answer
// carries more rows than the request's limit (capped by RequestLimits), so the page never
// downloads every event.
// Periods skip undated events; a period is labelled "2016-03-15", "2016-W11" or "2016-03".
//
// Errors: InvalidArgument for a bad parameter (HTTP 400), NotFound for an unknown event id
// (404), ResourceExhausted when a query runs past ApiOptions::query_time_limit_ms (503),
// and the store's IOError otherwise (500).
// Thread safety: all calls may run concurrently; each leases its own store connection.
#pragma once

#include <cstddef>
#include <cstdint>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>

#include "base/status.h"
#include "server/api_request.h"
#include "server/response_cache.h"
#include "server/store_pool.h"

namespace sitrep::server {

struct ApiOptions {
  RequestLimits limits;
  // Queries are stopped when they run longer than this (checked as rows arrive).
  int query_time_limit_ms = 5000;
  // Rows an aggregation may read back before grouping them by key (period x group).
  size_t max_aggregate_rows = 200000;
  // Most map clusters in one answer (the densest are kept).
  size_t max_map_clusters = 5000;
  // Most mentions listed for one event.
  size_t max_mentions = 200;
  // Answers kept for repeated requests, in bytes; 0 turns the cache off. An answer is
  // reused only while the store has no new events or mentions.
  size_t cache_bytes = 64u << 20;
};

class DashboardApi {
 public:
  DashboardApi(StorePool* pool, ApiOptions options = {});
  DashboardApi(const DashboardApi&) = delete;
  DashboardApi& operator=(const DashboardApi&) = delete;

  const ApiOptions& options() const { return options_; }

  Result<std::string> Health(bool ingest_enabled);
  Result<std::string> Events(const ParamList& params);
  // `id` is the event id from the path, as text ("42"); anything else is InvalidArgument.
  Result<std::string> Event(std::string_view id);
  Result<std::string> Aggregate(const ParamList& params);
  Result<std::string> Map(const ParamList& params);
  Result<std::string> Actors(const ParamList& params);
  Result<std::string> Dyads(const ParamList& params);
  Result<std::string> Places(const ParamList& params);

  const ResponseCache& cache() const { return cache_; }

 private:
  using Compute = std::function<Result<std::string>(EventStore* store)>;
  // Leases a store and answers from the cache, or from `compute` (then cached).
  Result<std::string> Cached(std::string_view endpoint, const ParamList& params,
                             const Compute& compute);

  StorePool* pool_;
  ApiOptions options_;
  ResponseCache cache_;
  // Keys being computed: a request that misses the cache while the same answer is being
  // computed waits for it instead of computing it again (no stampede on a cold cache).
  std::mutex inflight_mu_;
  std::condition_variable inflight_done_;
  std::set<std::string> inflight_;
};

}  // namespace sitrep::server
