// DashboardApi::Aggregate and DashboardApi::Map, built on the store's kSeries aggregation
// (store/query.h), which the store answers from its rollup tables whenever the filter
// allows. What the store does not offer is done here:
//   - cooperation and conflict apart (by=none): one kSeries per quad class, merged;
//   - actors and dyads at country level: full codes folded to their first three letters;
//   - the bounding box (not a store filter): one grouped scan of `events` here;
//   - the map: places clustered on a grid, their counts from rollup_place_quad when the
//     filter names only places and a quad class, else from a kSeries per quad class.
// A store without kSeries (no store/rollups.h) gets server/aggregate_events.cc instead.
#if __has_include("store/rollups.h")
#include <algorithm>
#include <cmath>
#include <map>

#include "base/json_writer.h"
#include "server/api_sql.h"
#include "server/dashboard_api.h"
#include "store/rollup_query.h"

namespace sitrep::server {

namespace {

// The measures of one cell (a group in one period, or a group's total).
struct Measures {
  int64_t events = 0, mentions = 0, coop_events = 0, conflict_events = 0;
  double goldstein = 0, coop_goldstein = 0, conflict_goldstein = 0;
  void Add(const Measures& m) {
    events += m.events;
    mentions += m.mentions;
    coop_events += m.coop_events;
    conflict_events += m.conflict_events;
    goldstein += m.goldstein;
    coop_goldstein += m.coop_goldstein;
    conflict_goldstein += m.conflict_goldstein;
  }
};

struct Group {
  std::vector<SqlValue> keys;
  Measures total;
  std::map<std::string, Measures> series;  // by period label, which sorts by time
};

// Groups in first-seen order, found by key.
struct Groups {
  std::vector<Group> list;
  std::map<std::vector<SqlValue>, size_t> index;
  Group& At(const std::vector<SqlValue>& keys) {
    auto [it, added] = index.emplace(keys, list.size());
    if (added) list.push_back(Group{keys, {}, {}});
    return list[it->second];
  }
};

int64_t Int(const SqlValue& v) {
  if (auto* n = std::get_if<int64_t>(&v)) return *n;
  if (auto* d = std::get_if<double>(&v)) return static_cast<int64_t>(*d);
  return 0;
}
double Double(const SqlValue& v) {
  if (auto* d = std::get_if<double>(&v)) return *d;
  if (auto* n = std::get_if<int64_t>(&v)) return static_cast<double>(*n);
  return 0;
}
std::string Text(const SqlValue& v) {
  auto* s = std::get_if<std::string>(&v);
  return s ? *s : "";
}

// Key columns of each kind of group, as kSeries names them and as the API names them.
struct KeyNames {
  std::vector<std::string> store;
  std::vector<const char*> api;
};

KeyNames KeysFor(AggregateBy by) {
  switch (by) {
    case AggregateBy::kDyad: return {{"source_code", "target_code"}, {"source", "target"}};
    case AggregateBy::kActor: return {{"actor"}, {"actor"}};
    case AggregateBy::kPlace:
      return {{"place_id", "place_name", "place_country", "lat", "lon"},
              {"place_id", "place", "country", "lat", "lon"}};
    default: return {};
  }
}

GroupBy StoreGroup(AggregateBy by) {
  switch (by) {
    case AggregateBy::kDyad: return GroupBy::kDyad;
    case AggregateBy::kActor: return GroupBy::kActor;
    case AggregateBy::kPlace: return GroupBy::kPlace;
    default: return GroupBy::kNone;
  }
}

// Adds the rows of a kSeries answer to *groups; `quad` (1..4, or 0) says which split
// measures they also count for. Undated rows are left out of period series.
Status Collect(const QueryTable& table, const KeyNames& keys, bool country_level, int quad,
               bool with_period, size_t max_rows, Groups* groups) {
  if (table.rows.size() > max_rows) {
    return Status::InvalidArgument("the aggregation has more than " + std::to_string(max_rows) +
                                   " cells; narrow the filters or use a longer period");
  }
  auto column = [&](const std::string& name) {
    auto it = std::find(table.columns.begin(), table.columns.end(), name);
    return it == table.columns.end() ? -1 : static_cast<int>(it - table.columns.begin());
  };
  std::vector<int> key_columns;
  for (const std::string& k : keys.store) key_columns.push_back(column(k));
  int period = column("period"), events = column("events"), mentions = column("mentions"),
      goldstein = column("goldstein_sum");
  for (const auto& row : table.rows) {
    std::string label = period >= 0 ? Text(row[period]) : "";
    if (with_period && label.empty()) continue;
    std::vector<SqlValue> k;
    for (int c : key_columns) {
      SqlValue v = c >= 0 ? row[c] : SqlValue{};
      if (country_level) v = Text(v).substr(0, 3);
      k.push_back(std::move(v));
    }
    Measures m;
    m.events = Int(row[events]);
    m.mentions = Int(row[mentions]);
    m.goldstein = Double(row[goldstein]);
    if (quad == 1 || quad == 2) {
      m.coop_events = m.events;
      m.coop_goldstein = m.goldstein;
    } else if (quad == 3 || quad == 4) {
      m.conflict_events = m.events;
      m.conflict_goldstein = m.goldstein;
    }
    Group& g = groups->At(k);
    g.total.Add(m);
    if (with_period) g.series[label].Add(m);
  }
  return Status::OK();
}

void WriteMeasures(JsonWriter& json, const Measures& m, bool split) {
  json.Field("events", m.events).Field("mentions", m.mentions);
  json.Key("goldstein_sum").Double(m.goldstein, 8);
  json.Key("goldstein_mean").Double(m.events ? m.goldstein / m.events : 0.0, 4);
  if (!split) return;
  json.Field("coop_events", m.coop_events).Field("conflict_events", m.conflict_events);
  json.Key("coop_goldstein").Double(m.coop_goldstein, 8);
  json.Key("conflict_goldstein").Double(m.conflict_goldstein, 8);
}

void WriteValue(JsonWriter& json, const SqlValue& v) {
  if (auto* n = std::get_if<int64_t>(&v)) json.Int(*n);
  else if (auto* d = std::get_if<double>(&v)) json.Double(*d, 8);
  else if (auto* s = std::get_if<std::string>(&v)) json.String(*s);
  else json.Null();
}

std::string WriteAggregate(const AggregateRequest& req, const KeyNames& keys,
                           std::vector<Group> groups) {
  std::stable_sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) {
    return a.total.events > b.total.events;
  });
  if (groups.size() > req.limit) groups.resize(req.limit);
  bool split = req.by == AggregateBy::kNone;
  const char* by_names[] = {"none", "dyad", "actor", "place"};
  const char* period_names[] = {"day", "week", "month", "all"};
  std::string out;
  JsonWriter json(&out);
  json.BeginObject().Field("by", by_names[static_cast<int>(req.by)])
      .Field("period", req.has_period ? period_names[static_cast<int>(req.period)] : "all")
      .Key("groups").BeginArray();
  for (const Group& g : groups) {
    json.BeginObject();
    for (size_t c = 0; c < keys.api.size(); ++c) {
      json.Key(keys.api[c]);
      WriteValue(json, g.keys[c]);
    }
    WriteMeasures(json, g.total, split);
    if (req.has_period) {
      json.Key("series").BeginArray();
      for (const auto& [label, m] : g.series) {
        json.BeginObject().Field("period", label);
        WriteMeasures(json, m, split);
        json.EndObject();
      }
      json.EndArray();
    }
    json.EndObject();
  }
  json.EndArray().EndObject();
  return out;
}

// The bounding box is no store filter: one grouped scan of the matching events.
Status CollectFromEvents(EventStore* store, const AggregateRequest& r, const KeyNames& keys,
                         const ApiOptions& options, Groups* groups) {
  std::string src = r.country_level ? "substr(source_code, 1, 3)" : "source_code";
  std::string tgt = r.country_level ? "substr(target_code, 1, 3)" : "target_code";
  std::string select, group;
  switch (r.by) {
    case AggregateBy::kDyad: select = src + ", " + tgt; group = "1, 2"; break;
    case AggregateBy::kPlace:
      select = "place, place_name, place_country, avg(lat), avg(lon)"; group = "1"; break;
    default: break;
  }
  std::vector<SqlValue> params;
  std::vector<std::string> extra;
  if (r.by == AggregateBy::kPlace) extra.push_back("place IS NOT NULL");
  std::string where = FilterSql(r.where, &params, extra);
  if (r.by == AggregateBy::kActor) {
    return Status::InvalidArgument("parameter 'bbox': not available with by=actor");
  }
  // Period labels need the day; the quad class gives the split.
  std::string sql = "SELECT " + select + (select.empty() ? "" : ", ") +
                    "day, quad_class, count(*), total(num_mentions), total(goldstein) FROM events" +
                    where + " GROUP BY " + group + (group.empty() ? "" : ", ") + "day, quad_class";
  QueryTable table;
  for (size_t i = 0; i < keys.store.size(); ++i) table.columns.push_back(keys.store[i]);
  table.columns.insert(table.columns.end(), {"period", "quad", "events", "mentions", "goldstein_sum"});
  SITREP_RETURN_IF_ERROR(QueryWithin(store, sql, params, std::chrono::steady_clock::now(),
                                     options.query_time_limit_ms, [&](const SqlRow& row) {
    std::vector<SqlValue> values;
    for (int c = 0; c < row.size(); ++c) values.push_back(row.Value(c));
    size_t day = keys.store.size();
    values[day] = values[day].index() == 0 || !r.has_period
                      ? SqlValue{std::string(r.has_period ? "" : "all")}
                      : SqlValue{PeriodLabel(r.period, Int(values[day]))};
    table.rows.push_back(std::move(values));
    return Status::OK();
  }));
  // Folded by quad class, so the split comes out as from the store.
  for (int quad = 1; quad <= 4; ++quad) {
    QueryTable part{table.columns, {}, ""};
    for (const auto& row : table.rows) {
      if (Int(row[keys.store.size() + 1]) == quad) part.rows.push_back(row);
    }
    SITREP_RETURN_IF_ERROR(Collect(part, keys, false, quad, r.has_period,
                                   options.max_aggregate_rows, groups));
  }
  return Status::OK();
}

// Places clustered on a grid of square cells (degrees), inside an optional box.
class MapGrid {
 public:
  MapGrid(double cell, const BoundingBox& box) : cell_(cell), box_(box) {}

  // Counts `events` of quad class `quad` (1..4) at a place's point.
  void Add(double lat, double lon, int quad, int64_t events) {
    if (box_.set && (lat < box_.south || lat > box_.north || lon < box_.west || lon > box_.east)) return;
    Cell& c = cells_[{static_cast<int64_t>(std::floor((lat + 90) / cell_)),
                      static_cast<int64_t>(std::floor((lon + 180) / cell_))}];
    c.lat += lat * events;  // weighted: the cluster sits where its events are
    c.lon += lon * events;
    c.events += events;
    c.quad[quad - 1] += events;
  }

  // {"zoom", "cell", "clusters": [...]}, the `max_clusters` largest clusters first.
  std::string Json(int zoom, size_t max_clusters) const {
    std::vector<Cell> list;
    for (const auto& [key, c] : cells_) if (c.events > 0) list.push_back(c);
    std::sort(list.begin(), list.end(), [](const Cell& a, const Cell& b) { return a.events > b.events; });
    if (list.size() > max_clusters) list.resize(max_clusters);
    std::string out;
    JsonWriter json(&out);
    json.BeginObject().Field("zoom", zoom).Field("cell", cell_).Key("clusters").BeginArray();
    for (const Cell& c : list) {
      json.BeginObject().Key("lat").Double(c.lat / c.events, 7).Key("lon").Double(c.lon / c.events, 7)
          .Field("events", c.events).Key("quad").BeginArray();
      for (int64_t q : c.quad) json.Int(q);
      json.EndArray().EndObject();
    }
    json.EndArray().EndObject();
    return out;
  }

 private:
  struct Cell { double lat = 0, lon = 0; int64_t events = 0; int64_t quad[4] = {0, 0, 0, 0}; };
  double cell_;
  BoundingBox box_;
  std::map<std::pair<int64_t, int64_t>, Cell> cells_;
};

// The map's counts in one read of rollup_place_quad (filters on place and quad class only).
Status MapFromPlaceQuad(EventStore* store, const EventFilter& filter, MapGrid* grid) {
  std::vector<SqlValue> params;
  std::string sql = RollupPlaceQuadSql(filter, &params);
  return store->Query(sql, params, [&](const SqlRow& row) {
    grid->Add(row.Double(1), row.Double(2), static_cast<int>(row.Int(3)), row.Int(4));
    return Status::OK();
  });
}

// The map's counts under any filter: a kSeries per place for each quad class.
Status MapFromSeries(EventStore* store, const EventFilter& filter, MapGrid* grid) {
  QuerySpec spec;
  spec.aggregate = Aggregate::kSeries;
  spec.period = Period::kAll;
  spec.group_by = GroupBy::kPlace;
  spec.limit = 0;
  for (int quad = 1; quad <= 4; ++quad) {
    if (filter.quad_class && filter.quad_class != quad) continue;
    spec.filter = filter;
    spec.filter.quad_class = quad;
    SITREP_ASSIGN_OR_RETURN(QueryTable table, RunQuery(store, spec));
    auto col = [&](const char* name) {
      return std::find(table.columns.begin(), table.columns.end(), name) - table.columns.begin();
    };
    auto lat_c = col("lat"), lon_c = col("lon"), events_c = col("events");
    for (const auto& row : table.rows) {
      if (row[lat_c].index() == 0 || row[lon_c].index() == 0) continue;
      grid->Add(Double(row[lat_c]), Double(row[lon_c]), quad, Int(row[events_c]));
    }
  }
  return Status::OK();
}

}  // namespace

Result<std::string> DashboardApi::Aggregate(const ParamList& params) {
  SITREP_ASSIGN_OR_RETURN(AggregateRequest req, ParseAggregateRequest(params, options_.limits));
  return Cached("aggregate", params, [&](EventStore* store) -> Result<std::string> {
    KeyNames keys = KeysFor(req.by);
    Groups groups;
    if (req.where.bbox.set) {
      SITREP_RETURN_IF_ERROR(CollectFromEvents(store, req, keys, options_, &groups));
      return WriteAggregate(req, keys, std::move(groups.list));
    }
    QuerySpec spec;
    spec.aggregate = Aggregate::kSeries;
    spec.filter = req.where.filter;
    spec.period = req.has_period ? req.period : Period::kAll;
    spec.group_by = StoreGroup(req.by);
    // Country level merges codes after the store has ranked them, so it needs every group.
    spec.limit = req.country_level ? 0 : req.limit;
    bool split = req.by == AggregateBy::kNone;
    // The split asks once per quad class; the four answers add up to the whole.
    std::vector<int> quads = {0};
    if (split) quads = req.where.filter.quad_class ? std::vector<int>{req.where.filter.quad_class}
                                                   : std::vector<int>{1, 2, 3, 4};
    for (int quad : quads) {
      if (quad) spec.filter.quad_class = quad;
      SITREP_ASSIGN_OR_RETURN(QueryTable table, RunQuery(store, spec));
      SITREP_RETURN_IF_ERROR(Collect(table, keys, req.country_level, quad, req.has_period,
                                     options_.max_aggregate_rows, &groups));
    }
    return WriteAggregate(req, keys, std::move(groups.list));
  });
}

Result<std::string> DashboardApi::Map(const ParamList& params) {
  SITREP_ASSIGN_OR_RETURN(MapRequest req, ParseMapRequest(params, options_.limits));
  return Cached("map", params, [&](EventStore* store) -> Result<std::string> {
    MapGrid grid(10.0 / static_cast<double>(1 << req.zoom), req.where.bbox);
    SITREP_RETURN_IF_ERROR(PlaceQuadCanAnswer(req.where.filter)
                               ? MapFromPlaceQuad(store, req.where.filter, &grid)
                               : MapFromSeries(store, req.where.filter, &grid));
    return grid.Json(req.zoom, options_.max_map_clusters);
  });
}

Result<std::string> DashboardApi::Places(const ParamList& params) {
  SITREP_ASSIGN_OR_RETURN(ListRequest req, ParseListRequest(params, options_.limits, true, true));
  if (req.where.bbox.set) return Status::InvalidArgument("parameter 'bbox': not used by places");
  if (!req.q.empty() && !req.where.filter.place.empty()) {
    return Status::InvalidArgument("parameter 'q': give q or place, not both");
  }
  return Cached("places", params, [&](EventStore* store) -> Result<std::string> {
    QuerySpec spec;
    spec.aggregate = Aggregate::kSeries;
    spec.filter = req.where.filter;
    if (!req.q.empty()) spec.filter.place = req.q;
    spec.period = Period::kAll;
    spec.group_by = GroupBy::kPlace;
    spec.limit = req.limit;
    SITREP_ASSIGN_OR_RETURN(QueryTable table, RunQuery(store, spec));
    return TableJson("places", table, {{"place_id", "id"}, {"place_name", "name"},
                                       {"place_country", "country"}});
  });
}

}  // namespace sitrep::server
#endif
