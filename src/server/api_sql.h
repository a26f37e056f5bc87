// Helpers shared by the API's endpoints: the SQL for the shared filters, queries run under a
// time limit, and SQL values written as JSON. Internal to src/server/.
//
// Thread safety: pure functions over a store the caller has leased.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/json_writer.h"
#include "base/status.h"
#include "server/api_request.h"
#include "store/event_store.h"
#include "store/query.h"

namespace sitrep::server {

// " WHERE ..." for the filters over table `events` (store/query.h WhereClause, plus the
// bounding box), with `extra` conditions ANDed on; appends parameters to *params.
std::string FilterSql(const FilterRequest& where, std::vector<SqlValue>* params,
                      const std::vector<std::string>& extra = {});

// Runs `sql` and calls `row` per row; stops with ResourceExhausted once `time_limit_ms`
// has passed since `start`.
Status QueryWithin(EventStore* store, std::string_view sql, const std::vector<SqlValue>& params,
                   std::chrono::steady_clock::time_point start, int time_limit_ms,
                   const std::function<Status(const SqlRow&)>& row);

// Writes column `c` of `row` as a JSON value (null, number or string).
void WriteColumn(JsonWriter& json, const SqlRow& row, int c);
// Writes a day number as an ISO date, or null.
void WriteDay(JsonWriter& json, const SqlRow& row, int c);

// {"<name>": [one object per row of `table`]}, columns renamed by `names` (store name ->
// API name), for answers that are a store QueryTable as it is.
std::string TableJson(const char* name, const QueryTable& table,
                      const std::vector<std::pair<std::string, std::string>>& names);

// A day number as "2016-03-15", "2016-W11" (ISO week) or "2016-03".
std::string PeriodLabel(Period period, int64_t day);

}  // namespace sitrep::server
