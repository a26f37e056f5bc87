// Queries over an EventStore: filters become SQL WHERE clauses with bound parameters (never
// spliced text), and aggregations group the matching events.
//
// Filters (all optional, combined with AND):
//   actor      CAMEO code prefix on either side ("RUS" matches RUSGOV, RUSMIL), or, when it
//              has lower-case letters, a case-insensitive substring of either actor's name
//   source/target  a directed dyad: code prefixes of the source and of the target
//   cameo      CAMEO code prefix: "19" (a root), "190", "1831"
//   quad_class 1..4;  plover: PLOVER type;  modality: asserted|hypothetical|negated
//   date_from/date_to  ISO dates, inclusive, on the event's day (undated events never match)
//   place      substring of the event's place name;  lat/lon + radius_km: a circle
//   words      every word must occur in an evidence sentence of the event
//
// Aggregations (QuerySpec::aggregate):
//   kNone       the events, newest first, with their first evidence sentence (`limit` rows)
//   kCount      per period: events and mentions; with by_dyad also per dyad
//   kGoldstein  per period and dyad: events, Goldstein sum and mean
//   kTopActors  actors by number of events they take part in (either side)
//   kTopDyads   dyads by number of events
//   kSeries     the general form, for dashboards: per period (day, week, month, or kAll for
//               one total) and per group (GroupBy: none, dyad, actor, place), the columns
//               events, mentions, goldstein_sum and goldstein_mean
//
// Groups and `limit`: every grouped aggregation (by_dyad counts, kGoldstein, kTop*,
// kSeries with a group) keeps the `limit` groups with most events over the whole filtered
// range (ties: by key), 0 = every group, and returns each kept group's periods. So
// `kGoldstein, limit 20` is the monthly series of the 20 busiest dyads.
//   kSeries rows are ordered by group rank, then period; kCount and kGoldstein by period,
//   then group; kTop* by rank.
// An actor group counts each event once for its source and once for its target (once when
// both are the same code); an empty code is no actor. A place group counts events with a
// place, by place id, and names it (place_id, place_name, place_country, lat, lon).
//
// Columns:
//   kCount      period, events, mentions | with by_dyad: period, source_code, target_code,
//               events, mentions
//   kGoldstein  period, source_code, target_code, events, goldstein_sum, goldstein_mean
//   kTopActors  actor, events;   kTopDyads  source_code, target_code, events, mentions
//   kSeries     [period,] group columns (source_code, target_code | actor | place_id,
//               place_name, place_country, lat, lon), events, mentions, goldstein_sum,
//               goldstein_mean
// Periods are labelled "2016-03-15", "2016-W11" or "2016-03"; undated events "".
//
// Speed: aggregations are answered from the rollup tables (store/rollups.h) whenever the
// filter allows — every filter except actor names, words, and a place filter combined with
// a dyad/actor filter or with a dyad/actor group; those read `events`. Both give the same
// rows. Top-N groups come from the rollup totals: the busiest groups overall are the
// candidates, and the answer is accepted only when no other group can beat the N-th
// (otherwise every group is read). On 1,000,000 events (bench/bench_store) these answer
// in milliseconds to tens of milliseconds; see README.md.
//
// Thread safety: pure functions over a store the caller owns.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "store/event_store.h"

namespace sitrep {

struct EventFilter {
  std::string actor;
  std::string source;
  std::string target;
  std::string cameo;
  int quad_class = 0;
  std::string plover;
  std::string modality;
  std::string date_from;
  std::string date_to;
  std::string place;
  bool has_circle = false;
  double lat = 0, lon = 0, radius_km = 50;
  std::vector<std::string> words;
};

enum class Aggregate { kNone, kCount, kGoldstein, kTopActors, kTopDyads, kSeries };
// kAll: one period spanning everything (kSeries totals per group; no period column).
enum class Period { kDay, kWeek, kMonth, kAll };
// What one kSeries row counts besides its period.
enum class GroupBy { kNone, kDyad, kActor, kPlace };

struct QuerySpec {
  EventFilter filter;
  Aggregate aggregate = Aggregate::kNone;
  Period period = Period::kMonth;
  bool by_dyad = false;               // kCount: also group by dyad (kGoldstein always does)
  GroupBy group_by = GroupBy::kNone;  // kSeries only
  size_t limit = 100;  // kNone: rows; grouped aggregations: groups (see above); 0 = no limit
  // false: answer from the events table even when the rollups could (for checks; slow).
  bool use_rollups = true;
};

struct QueryTable {
  std::vector<std::string> columns;
  std::vector<std::vector<SqlValue>> rows;
  // Which tables answered: "events", "rollups" or "rollup totals" (for tests and benchmarks).
  std::string answered_from;
};

// " WHERE ..." (or "") for `filter` over table `events`, appending parameters to *params.
std::string WhereClause(const EventFilter& filter, std::vector<SqlValue>* params);

// The SQL `spec` runs against the events table: for kNone the rows themselves; for
// aggregations the per-period, per-group sums (period, group keys..., events, mentions,
// Goldstein in thousandths) that RunQuery then ranks and formats.
std::string QuerySql(const QuerySpec& spec, std::vector<SqlValue>* params);

// Runs `spec`. Errors: the store's SQL errors.
Result<QueryTable> RunQuery(EventStore* store, const QuerySpec& spec);

// Output formats.
std::string FormatTable(const QueryTable& table);
std::string FormatCsv(const QueryTable& table);
std::string FormatJsonLines(const QueryTable& table);

// Helpers shared with exporters: CSV field quoting and value printing.
std::string CsvField(std::string_view s);
std::string ValueText(const SqlValue& v);

}  // namespace sitrep
