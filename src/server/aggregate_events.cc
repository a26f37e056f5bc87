// The aggregations over the `events` table alone, for a store without the kSeries
// aggregation and its rollup tables (store/rollups.h): DashboardApi::Aggregate, Map and
// Places as grouped scans. Compiled only when store/rollups.h is absent; once the store's
// rollups are in every checkout this file can go (server/aggregate.cc is the real path).
#if !__has_include("store/rollups.h")
#include <algorithm>
#include <map>

#include "base/json_writer.h"
#include "server/api_sql.h"
#include "server/dashboard_api.h"

namespace sitrep::server {

namespace {
using Clock = std::chrono::steady_clock;
}  // namespace


namespace {

// The measures of one cell (a group in one period, or a group's total).
struct Measures {
  int64_t events = 0, coop_events = 0, conflict_events = 0, mentions = 0;
  double goldstein = 0, coop_goldstein = 0, conflict_goldstein = 0;
  void Add(const Measures& m) {
    events += m.events;
    coop_events += m.coop_events;
    conflict_events += m.conflict_events;
    mentions += m.mentions;
    goldstein += m.goldstein;
    coop_goldstein += m.coop_goldstein;
    conflict_goldstein += m.conflict_goldstein;
  }
};

struct Group {
  std::vector<SqlValue> keys;
  Measures total;
  std::vector<std::pair<std::string, Measures>> series;
};

// Selected after the keys, in this order (see Read).
const char kMeasureSql[] =
    "count(*), sum(quad_class IN (1, 2)), sum(quad_class IN (3, 4)), total(goldstein),"
    " total(CASE WHEN quad_class IN (1, 2) THEN goldstein END),"
    " total(CASE WHEN quad_class IN (3, 4) THEN goldstein END), total(num_mentions)";

Measures Read(const SqlRow& row, int first) {
  Measures m;
  m.events = row.Int(first);
  m.coop_events = row.Int(first + 1);
  m.conflict_events = row.Int(first + 2);
  m.goldstein = row.Double(first + 3);
  m.coop_goldstein = row.Double(first + 4);
  m.conflict_goldstein = row.Double(first + 5);
  m.mentions = static_cast<int64_t>(row.Double(first + 6));
  return m;
}

void WriteMeasures(JsonWriter& json, const Measures& m) {
  json.Field("events", m.events).Field("coop_events", m.coop_events)
      .Field("conflict_events", m.conflict_events).Field("mentions", m.mentions);
  json.Key("goldstein_sum").Double(m.goldstein, 8);
  json.Key("goldstein_mean").Double(m.events ? m.goldstein / m.events : 0.0, 4);
  json.Key("coop_goldstein").Double(m.coop_goldstein, 8);
  json.Key("conflict_goldstein").Double(m.conflict_goldstein, 8);
}

// Key columns selected and grouped for each kind of group, and their JSON names.
struct KeySql {
  std::string select;  // "" for no key
  std::string group;
  std::vector<const char*> names;
};

KeySql KeysFor(const AggregateRequest& r) {
  std::string src = r.country_level ? "substr(source_code, 1, 3)" : "source_code";
  std::string tgt = r.country_level ? "substr(target_code, 1, 3)" : "target_code";
  std::string actor = r.country_level ? "substr(actor, 1, 3)" : "actor";
  switch (r.by) {
    case AggregateBy::kDyad: return {src + ", " + tgt, "1, 2", {"source", "target"}};
    case AggregateBy::kActor: return {actor, "1", {"actor"}};
    case AggregateBy::kPlace:
      return {"place, place_name, place_country, avg(lat), avg(lon)", "1",
              {"place_id", "place", "country", "lat", "lon"}};
    default: return {"", "", {}};
  }
}

std::string PeriodSql(const AggregateRequest& r) {
  if (!r.has_period) return "";
  switch (r.period) {
    case Period::kDay: return "day";
    case Period::kWeek: return "((day + 3) / 7)";  // weeks from Monday; day 0 is a Thursday
    default: return "month";  // the stored year * 100 + month
  }
}

// FROM ... WHERE ... for the request; by=actor reads each event once per side.
std::string SourceSql(const AggregateRequest& r, std::vector<SqlValue>* params) {
  std::vector<std::string> extra;
  if (r.has_period) extra.push_back("day IS NOT NULL");
  if (r.by == AggregateBy::kPlace) extra.push_back("place IS NOT NULL");
  if (r.by != AggregateBy::kActor) return " FROM events" + FilterSql(r.where, params, extra);
  std::string cols = ", day, month, quad_class, goldstein, num_mentions FROM events";
  std::string a = "SELECT source_code AS actor" + cols + FilterSql(r.where, params, extra);
  std::string b = "SELECT target_code AS actor" + cols + FilterSql(r.where, params, extra);
  return " FROM (" + a + " UNION ALL " + b + ") WHERE actor <> ''";
}

bool SameKeys(const std::vector<SqlValue>& a, const std::vector<SqlValue>& b) { return a == b; }

}  // namespace

Result<std::string> DashboardApi::Aggregate(const ParamList& params) {
  SITREP_ASSIGN_OR_RETURN(AggregateRequest req, ParseAggregateRequest(params, options_.limits));
  return Cached("aggregate", params, [&](EventStore* store) -> Result<std::string> {
    KeySql keys = KeysFor(req);
    std::string period = PeriodSql(req);
    std::vector<SqlValue> p;
    std::string select = keys.select;
    std::string group = keys.group;
    int nkeys = static_cast<int>(keys.names.size());
    if (!period.empty()) {
      select += (select.empty() ? "" : ", ") + period + ", min(day)";
      group += (group.empty() ? "" : ", ") + std::to_string(nkeys + 1);
    }
    int first_measure = nkeys + (period.empty() ? 0 : 2);
    std::string sql = "SELECT " + select + (select.empty() ? "" : ", ") + kMeasureSql +
                      SourceSql(req, &p) + (group.empty() ? "" : " GROUP BY " + group) +
                      (group.empty() ? "" : " ORDER BY " + group);
    std::vector<Group> groups;
    size_t rows = 0;
    SITREP_RETURN_IF_ERROR(QueryWithin(store, sql, p, std::chrono::steady_clock::now(),
                                       options_.query_time_limit_ms, [&](const SqlRow& row) {
      if (++rows > options_.max_aggregate_rows) {
        return Status::InvalidArgument(
            "the aggregation has more than " + std::to_string(options_.max_aggregate_rows) +
            " cells; narrow the filters or use a longer period");
      }
      std::vector<SqlValue> k;
      for (int c = 0; c < nkeys; ++c) k.push_back(row.Value(c));
      if (groups.empty() || !SameKeys(groups.back().keys, k)) groups.push_back(Group{std::move(k), {}, {}});
      Measures m = Read(row, first_measure);
      if (m.events == 0) return Status::OK();  // an empty scan still yields one row
      groups.back().total.Add(m);
      if (!period.empty()) {
        groups.back().series.emplace_back(PeriodLabel(req.period, row.Int(nkeys + 1)), m);
      }
      return Status::OK();
    }));
    std::erase_if(groups, [](const Group& g) { return g.total.events == 0 && !g.keys.empty(); });
    std::stable_sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) {
      return a.total.events > b.total.events;
    });
    if (groups.size() > req.limit) groups.resize(req.limit);
    const char* by_names[] = {"none", "dyad", "actor", "place"};
    const char* period_names[] = {"day", "week", "month"};
    std::string out;
    JsonWriter json(&out);
    json.BeginObject().Field("by", by_names[static_cast<int>(req.by)])
        .Field("period", req.has_period ? period_names[static_cast<int>(req.period)] : "all")
        .Key("groups").BeginArray();
    for (const Group& g : groups) {
      json.BeginObject();
      for (int c = 0; c < nkeys; ++c) {
        json.Key(keys.names[c]);
        const SqlValue& v = g.keys[c];
        if (auto* n = std::get_if<int64_t>(&v)) json.Int(*n);
        else if (auto* d = std::get_if<double>(&v)) json.Double(*d, 8);
        else if (auto* s = std::get_if<std::string>(&v)) json.String(*s);
        else json.Null();
      }
      WriteMeasures(json, g.total);
      if (!period.empty()) {
        json.Key("series").BeginArray();
        for (const auto& [label, m] : g.series) {
          json.BeginObject().Field("period", label);
          WriteMeasures(json, m);
          json.EndObject();
        }
        json.EndArray();
      }
      json.EndObject();
    }
    json.EndArray().EndObject();
    return out;
  });
}


Result<std::string> DashboardApi::Map(const ParamList& params) {
  SITREP_ASSIGN_OR_RETURN(MapRequest req, ParseMapRequest(params, options_.limits));
  return Cached("map", params, [&](EventStore* store) -> Result<std::string> {
    double cell = 10.0 / static_cast<double>(1 << req.zoom);
    // The cell size comes from the validated zoom, never from request text, so it is
    // written into the SQL as a number. lat + 90 and lon + 180 are never negative, so the
    // integer cast is a floor.
    std::string size = std::to_string(cell);
    std::vector<SqlValue> p;
    std::string where = FilterSql(req.where, &p, {"lat IS NOT NULL", "lon IS NOT NULL"});
    p.push_back(static_cast<int64_t>(options_.max_map_clusters));
    std::string sql =
        "SELECT count(*), avg(lat), avg(lon), sum(quad_class = 1), sum(quad_class = 2),"
        " sum(quad_class = 3), sum(quad_class = 4), min(id) FROM events" + where +
        " GROUP BY CAST((lat + 90) / " + size + " AS INTEGER), CAST((lon + 180) / " + size +
        " AS INTEGER) ORDER BY 1 DESC LIMIT ?";
    std::string out;
    JsonWriter json(&out);
    json.BeginObject().Field("zoom", req.zoom).Field("cell", cell).Key("clusters").BeginArray();
    SITREP_RETURN_IF_ERROR(QueryWithin(store, sql, p, Clock::now(), options_.query_time_limit_ms,
                                       [&](const SqlRow& row) {
      json.BeginObject().Field("lat", row.Double(1)).Field("lon", row.Double(2))
          .Field("events", row.Int(0)).Key("quad").BeginArray();
      for (int c = 3; c <= 6; ++c) json.Int(row.Int(c));
      json.EndArray();
      if (row.Int(0) == 1) json.Field("id", row.Int(7));
      json.EndObject();
      return Status::OK();
    }));
    json.EndArray().EndObject();
    return out;
  });
}

Result<std::string> DashboardApi::Places(const ParamList& params) {
  SITREP_ASSIGN_OR_RETURN(ListRequest req, ParseListRequest(params, options_.limits, true, true));
  return Cached("places", params, [&](EventStore* store) -> Result<std::string> {
    std::vector<SqlValue> p;
    std::vector<std::string> extra = {"place IS NOT NULL"};
    if (!req.q.empty()) extra.push_back("instr(lower(place_name), lower(?)) > 0");
    std::string where = FilterSql(req.where, &p, {});
    // The q condition's parameter must follow the filter's, so it is appended last.
    for (const std::string& e : extra) where += (where.empty() ? " WHERE " : " AND ") + e;
    if (!req.q.empty()) p.push_back(req.q);
    p.push_back(static_cast<int64_t>(req.limit));
    std::string sql =
        "SELECT place_name, place_country, avg(lat), avg(lon), count(*), total(goldstein)"
        " FROM events" + where + " GROUP BY place ORDER BY 5 DESC, 1 LIMIT ?";
    std::string out;
    JsonWriter json(&out);
    json.BeginObject().Key("places").BeginArray();
    SITREP_RETURN_IF_ERROR(QueryWithin(store, sql, p, Clock::now(), options_.query_time_limit_ms,
                                       [&](const SqlRow& row) {
      json.BeginObject().FieldOrNull("name", row.Text(0)).FieldOrNull("country", row.Text(1))
          .Key("lat");
      WriteColumn(json, row, 2);
      json.Key("lon");
      WriteColumn(json, row, 3);
      json.Field("events", row.Int(4)).Field("goldstein_sum", row.Double(5)).EndObject();
      return Status::OK();
    }));
    json.EndArray().EndObject();
    return out;
  });
}

}  // namespace sitrep::server
#endif
