#include "server/api_sql.h"

#include <algorithm>

#include "time/calendar.h"

namespace sitrep::server {

std::string FilterSql(const FilterRequest& where, std::vector<SqlValue>* params,
                      const std::vector<std::string>& extra) {
  std::string sql = WhereClause(where.filter, params);
  std::vector<std::string> more = extra;
  if (where.bbox.set) {
    params->push_back(where.bbox.south);
    params->push_back(where.bbox.north);
    params->push_back(where.bbox.west);
    params->push_back(where.bbox.east);
    more.push_back("lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?");
  }
  for (const std::string& clause : more) {
    sql += (sql.empty() ? " WHERE " : " AND ") + clause;
  }
  return sql;
}

Status QueryWithin(EventStore* store, std::string_view sql, const std::vector<SqlValue>& params,
                   std::chrono::steady_clock::time_point start, int time_limit_ms,
                   const std::function<Status(const SqlRow&)>& row) {
  auto limit = start + std::chrono::milliseconds(time_limit_ms);
  size_t rows = 0;
  return store->Query(sql, params, [&](const SqlRow& r) -> Status {
    // The clock is read every 256 rows: cheap, and often enough for a time limit.
    if ((++rows & 255) == 0 && std::chrono::steady_clock::now() > limit) {
      return Status::ResourceExhausted("the query ran longer than " +
                                       std::to_string(time_limit_ms) +
                                       " ms; narrow the filters or use a longer period");
    }
    return row(r);
  });
}

void WriteColumn(JsonWriter& json, const SqlRow& row, int c) {
  SqlValue v = row.Value(c);
  if (auto* n = std::get_if<int64_t>(&v)) json.Int(*n);
  else if (auto* d = std::get_if<double>(&v)) json.Double(*d, 8);
  else if (auto* s = std::get_if<std::string>(&v)) json.String(*s);
  else json.Null();
}

void WriteDay(JsonWriter& json, const SqlRow& row, int c) {
  if (row.IsNull(c)) json.Null();
  else json.String(FormatDate(CivilFromDays(row.Int(c))));
}

std::string PeriodLabel(Period period, int64_t day) {
  CivilDate d = CivilFromDays(day);
  switch (period) {
    case Period::kDay: return FormatDate(d);
    case Period::kWeek: return FormatWeek(d);
    default: return FormatMonth(d.year, d.month);
  }
}

// {"<name>": [one object per row]}, columns renamed by `names` (store name -> API name).
std::string TableJson(const char* name, const QueryTable& table,
                      const std::vector<std::pair<std::string, std::string>>& names) {
  std::vector<std::string> keys;
  for (const std::string& c : table.columns) {
    auto it = std::find_if(names.begin(), names.end(), [&](const auto& n) { return n.first == c; });
    keys.push_back(it == names.end() ? c : it->second);
  }
  std::string out;
  JsonWriter json(&out);
  json.BeginObject().Key(name).BeginArray();
  for (const auto& row : table.rows) {
    json.BeginObject();
    for (size_t c = 0; c < row.size() && c < keys.size(); ++c) {
      json.Key(keys[c]);
      if (auto* n = std::get_if<int64_t>(&row[c])) json.Int(*n);
      else if (auto* d = std::get_if<double>(&row[c])) json.Double(*d, 8);
      else if (auto* s = std::get_if<std::string>(&row[c])) json.String(*s);
      else json.Null();
    }
    json.EndObject();
  }
  json.EndArray().EndObject();
  return out;
}

}  // namespace sitrep::server
