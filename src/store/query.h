// Queries over an EventStore: filters become one SQL WHERE clause with bound parameters
// (never spliced text), and aggregations group the matching events.
//
// Filters (all optional, combined with AND):
//   actor      CAMEO code prefix on either side ("RUS" matches RUSGOV, RUSMIL), or, when it
//              has lower-case letters, a case-insensitive substring of either actor's name
//   source/target  a directed dyad: code prefixes of the source and of the target
//   cameo      CAMEO code prefix: "19" (a root), "190", "1831"
//   quad_class 1..4;  plover: PLOVER type;  modality: asserted|hypothetical|negated
//   date_from/date_to  ISO dates, inclusive, on the event's day
//   place      substring of the event's place name;  lat/lon + radius_km: a circle
//   words      every word must occur in an evidence sentence of the event
//
// Aggregations: none (the events, newest first), counts per period, Goldstein sum and mean
// per dyad per period, top actors (either side) and top dyads by number of events.
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

enum class Aggregate { kNone, kCount, kGoldstein, kTopActors, kTopDyads };
enum class Period { kDay, kWeek, kMonth };

struct QuerySpec {
  EventFilter filter;
  Aggregate aggregate = Aggregate::kNone;
  Period period = Period::kMonth;
  bool by_dyad = false;  // kCount: also group by dyad (kGoldstein always does)
  size_t limit = 100;    // rows for kNone and the top-N aggregations; 0 = no limit
};

struct QueryTable {
  std::vector<std::string> columns;
  std::vector<std::vector<SqlValue>> rows;
};

// " WHERE ..." (or "") for `filter` over table `events`, appending parameters to *params.
std::string WhereClause(const EventFilter& filter, std::vector<SqlValue>* params);

// The SQL for `spec`, with its parameters.
std::string QuerySql(const QuerySpec& spec, std::vector<SqlValue>* params);

Result<QueryTable> RunQuery(EventStore* store, const QuerySpec& spec);

// Output formats. Periods are labelled "2016-03-15", "2016-W11" or "2016-03".
std::string FormatTable(const QueryTable& table);
std::string FormatCsv(const QueryTable& table);
std::string FormatJsonLines(const QueryTable& table);

// Helpers shared with exporters: CSV field quoting and value printing.
std::string CsvField(std::string_view s);
std::string ValueText(const SqlValue& v);

}  // namespace sitrep
