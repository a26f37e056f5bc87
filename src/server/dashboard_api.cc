#include "server/dashboard_api.h"

#include <algorithm>
#include <cstdlib>
#include <tuple>

#include "base/json_writer.h"
#include "server/api_sql.h"
#include "server/evidence.h"
#include "store/query.h"

namespace sitrep::server {

namespace {

using Clock = std::chrono::steady_clock;

const char kEventColumns[] =
    "e.id, e.day, e.source_code, e.source_name, e.target_code, e.target_name, e.cameo, e.root,"
    " e.plover, e.quad_class, e.goldstein, e.modality, e.place_name, e.place_country, e.lat,"
    " e.lon, e.num_mentions, e.num_sources, e.num_articles";

// Writes the members selected by kEventColumns (columns 0..18) into an open object.
void WriteEventFields(JsonWriter& json, const SqlRow& row) {
  json.Field("id", row.Int(0));
  json.Key("date");
  WriteDay(json, row, 1);
  const char* names[] = {"source_code", "source_name", "target_code", "target_name",
                         "cameo",       "root",        "plover",      "quad_class",
                         "goldstein"};
  for (int c = 2; c <= 10; ++c) {
    json.Key(names[c - 2]);
    WriteColumn(json, row, c);
  }
  json.Field("modality", row.Text(11));
  json.Key("place");
  if (row.IsNull(12) && row.IsNull(14)) {
    json.Null();
  } else {
    json.BeginObject().Key("name");
    WriteColumn(json, row, 12);
    json.Key("country");
    WriteColumn(json, row, 13);
    json.Key("lat");
    WriteColumn(json, row, 14);
    json.Key("lon");
    WriteColumn(json, row, 15);
    json.EndObject();
  }
  json.Field("num_mentions", row.Int(16)).Field("num_sources", row.Int(17))
      .Field("num_articles", row.Int(18));
}

std::string SortSql(EventSort sort, bool descending) {
  const char* dir = descending ? " DESC" : " ASC";
  std::string nulls = " NULLS LAST";
  switch (sort) {
    case EventSort::kGoldstein: return std::string("goldstein") + dir + nulls + ", id" + dir;
    case EventSort::kCameo: return std::string("cameo") + dir + ", id" + dir;
    case EventSort::kSource: return std::string("source_code") + dir + ", id" + dir;
    case EventSort::kTarget: return std::string("target_code") + dir + ", id" + dir;
    case EventSort::kMentions: return std::string("num_mentions") + dir + ", id" + dir;
    case EventSort::kPlace: return std::string("place_name") + dir + nulls + ", id" + dir;
    default: return std::string("day") + dir + nulls + ", id" + dir;
  }
}

Result<int64_t> ParseEventId(std::string_view id) {
  if (id.empty() || id.size() > 18 || id.find_first_not_of("0123456789") != std::string_view::npos) {
    return Status::InvalidArgument("event id must be a positive whole number, got '" +
                                   std::string(id.substr(0, 40)) + "'");
  }
  return static_cast<int64_t>(std::strtoll(std::string(id).c_str(), nullptr, 10));
}

// The store's data signature: changes whenever an event or a mention is added.
Result<std::string> DataSignature(EventStore* store) {
  std::string sig;
  SITREP_RETURN_IF_ERROR(store->Query(
      "SELECT (SELECT coalesce(max(id), 0) FROM events), (SELECT coalesce(max(id), 0) FROM mentions)",
      {}, [&](const SqlRow& row) {
        sig = std::to_string(row.Int(0)) + "/" + std::to_string(row.Int(1));
        return Status::OK();
      }));
  return sig;
}

// One mention of an event, as the detail view shows it.
void WriteMention(JsonWriter& json, const SqlRow& r) {
  // Columns: 0 id, 1 sentence, 2 source site, 3-6 source code/name/start/end,
  // 7-10 target code/name/start/end, 11 cameo, 12 goldstein, 13 plover, 14-15 trigger,
  // 16 modality, 17 date, 18 date_precision, 19 sentence start, 20 sentence text,
  // 21 doc key, 22 url, 23 title, 24 site, 25 doc date, 26-30 place name/country/lat/lon/precision,
// 31 target_implicit
  std::string_view sentence = r.Text(20);
  int64_t base = r.Int(19);
  std::vector<Highlight> spans;
  if (!r.IsNull(14)) spans.push_back({r.Int(14) - base, r.Int(15) - base, "trigger"});
  if (!r.IsNull(5)) spans.push_back({r.Int(5) - base, r.Int(6) - base, "source"});
  if (!r.IsNull(9)) spans.push_back({r.Int(9) - base, r.Int(10) - base, "target"});
  json.BeginObject().Field("id", r.Int(0));
  json.Key("document").BeginObject().Field("key", r.Text(21)).FieldOrNull("url", r.Text(22))
      .FieldOrNull("title", r.Text(23)).FieldOrNull("site", r.Text(24))
      .FieldOrNull("source", r.Text(2)).FieldOrNull("date", r.Text(25)).EndObject();
  json.Field("sentence_index", r.Int(1)).Field("sentence", sentence)
      .Field("sentence_start", base);
  // The evidence spans as UTF-8 byte offsets into the document text, as `sitrep code` gives.
  json.Key("spans").BeginObject();
  for (auto [name, start, end] : {std::tuple{"trigger", 14, 15}, std::tuple{"source", 5, 6},
                                  std::tuple{"target", 9, 10}}) {
    if (r.IsNull(start)) continue;
    json.Key(name).BeginArray().Int(r.Int(start)).Int(r.Int(end)).EndArray();
  }
  json.EndObject();
  json.Key("segments").BeginArray();
  for (const EvidenceSegment& seg : SegmentEvidence(sentence, spans)) {
    json.BeginObject().Field("text", seg.text);
    if (!seg.role.empty()) json.Field("role", seg.role);
    json.EndObject();
  }
  json.EndArray();
  json.Key("source").BeginObject().FieldOrNull("code", r.Text(3)).FieldOrNull("name", r.Text(4))
      .EndObject();
  json.Key("target");
  if (r.Text(7).empty()) json.Null();
  else {
    json.BeginObject().Field("code", r.Text(7)).FieldOrNull("name", r.Text(8));
    // A target the text leaves unsaid: where it happened, or the source's own state.
    if (!r.IsNull(31)) json.Field("implicit", r.Text(31));
    json.EndObject();
  }
  json.Field("cameo", r.Text(11)).Key("goldstein");
  WriteColumn(json, r, 12);
  json.FieldOrNull("plover", r.Text(13)).Field("modality", r.Text(16))
      .FieldOrNull("date", r.Text(17)).FieldOrNull("date_precision", r.Text(18));
  json.Key("place");
  if (r.IsNull(26)) {
    json.Null();
  } else {
    json.BeginObject().Field("name", r.Text(26)).FieldOrNull("country", r.Text(27)).Key("lat");
    WriteColumn(json, r, 28);
    json.Key("lon");
    WriteColumn(json, r, 29);
    json.FieldOrNull("precision", r.Text(30)).EndObject();
  }
  json.EndObject();
}

}  // namespace

DashboardApi::DashboardApi(StorePool* pool, ApiOptions options)
    : pool_(pool), options_(options), cache_(options.cache_bytes) {}

Result<std::string> DashboardApi::Cached(std::string_view endpoint, const ParamList& params,
                                         const Compute& compute) {
  SITREP_ASSIGN_OR_RETURN(StorePool::Lease store, pool_->Acquire());
  if (options_.cache_bytes == 0) return compute(store.get());
  SITREP_ASSIGN_OR_RETURN(std::string sig, DataSignature(store.get()));
  std::string key = std::string(endpoint) + '\x1e' + CanonicalParams(params) + '\x1e' + sig;
  {
    std::unique_lock<std::mutex> lock(inflight_mu_);
    inflight_done_.wait(lock, [&] { return !inflight_.count(key); });
    if (auto hit = cache_.Get(key)) return std::move(*hit);
    inflight_.insert(key);
  }
  Result<std::string> body = compute(store.get());
  if (body.ok()) cache_.Put(key, *body);
  {
    std::lock_guard<std::mutex> lock(inflight_mu_);
    inflight_.erase(key);
  }
  inflight_done_.notify_all();
  return body;
}

Result<std::string> DashboardApi::Health(bool ingest_enabled) {
  SITREP_ASSIGN_OR_RETURN(StorePool::Lease store, pool_->Acquire());
  std::string out;
  Status st = store->Query(
      "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events),"
      " (SELECT count(*) FROM mentions)",
      {}, [&](const SqlRow& row) {
        JsonWriter json(&out);
        json.BeginObject().Field("status", "ok").Field("version", SITREP_VERSION)
            .Field("documents", row.Int(0)).Field("events", row.Int(1))
            .Field("mentions", row.Int(2)).Field("ingest", ingest_enabled).EndObject();
        return Status::OK();
      });
  SITREP_RETURN_IF_ERROR(st);
  return out;
}

Result<std::string> DashboardApi::Events(const ParamList& params) {
  SITREP_ASSIGN_OR_RETURN(EventsRequest req, ParseEventsRequest(params, options_.limits));
  return Cached("events", params, [&](EventStore* store) -> Result<std::string> {
    auto start = Clock::now();
    std::vector<SqlValue> count_params;
    std::string where = FilterSql(req.where, &count_params);
    int64_t total = 0;
    SITREP_RETURN_IF_ERROR(QueryWithin(store, "SELECT count(*) FROM events" + where, count_params,
                                       start, options_.query_time_limit_ms,
                                       [&](const SqlRow& row) {
                                         total = row.Int(0);
                                         return Status::OK();
                                       }));
    std::vector<SqlValue> page_params = count_params;
    page_params.push_back(static_cast<int64_t>(req.limit));
    page_params.push_back(static_cast<int64_t>(req.offset));
    std::string order = SortSql(req.sort, req.descending);
    std::string sql = std::string("SELECT ") + kEventColumns +
                      ", (SELECT s.text FROM mentions m JOIN sentences s ON s.doc = m.doc AND"
                      " s.idx = m.sentence WHERE m.event = e.id ORDER BY m.id LIMIT 1)"
                      " FROM (SELECT * FROM events" + where + " ORDER BY " + order +
                      " LIMIT ? OFFSET ?) e ORDER BY " + order;
    std::string out;
    JsonWriter json(&out);
    json.BeginObject().Field("total", total).Field("limit", req.limit)
        .Field("offset", req.offset).Key("events").BeginArray();
    SITREP_RETURN_IF_ERROR(QueryWithin(store, sql, page_params, start,
                                       options_.query_time_limit_ms, [&](const SqlRow& row) {
                                         json.BeginObject();
                                         WriteEventFields(json, row);
                                         json.FieldOrNull("evidence", row.Text(19));
                                         json.EndObject();
                                         return Status::OK();
                                       }));
    json.EndArray().EndObject();
    return out;
  });
}

Result<std::string> DashboardApi::Event(std::string_view id_text) {
  SITREP_ASSIGN_OR_RETURN(int64_t id, ParseEventId(id_text));
  ParamList key = {{"id", std::to_string(id)}};
  return Cached("event", key, [&](EventStore* store) -> Result<std::string> {
    std::string out;
    JsonWriter json(&out);
    bool found = false;
    std::string sql = std::string("SELECT ") + kEventColumns +
                      ", e.min_day, e.max_day, p.precision FROM events e"
                      " LEFT JOIN places p ON p.id = e.place WHERE e.id = ?";
    json.BeginObject().Key("event");
    SITREP_RETURN_IF_ERROR(store->Query(sql, {id}, [&](const SqlRow& row) {
      found = true;
      json.BeginObject();
      WriteEventFields(json, row);
      json.Key("first_day");
      WriteDay(json, row, 19);
      json.Key("last_day");
      WriteDay(json, row, 20);
      json.FieldOrNull("place_precision", row.Text(21));
      json.EndObject();
      return Status::OK();
    }));
    if (!found) return Status::NotFound("no event with id " + std::to_string(id));
    json.Key("mentions").BeginArray();
    SITREP_RETURN_IF_ERROR(store->Query(
        "SELECT m.id, m.sentence, m.source, m.source_code, m.source_name, m.source_start,"
        " m.source_end, m.target_code, m.target_name, m.target_start, m.target_end, m.cameo,"
        " m.goldstein, m.plover, m.trigger_start, m.trigger_end, m.modality, m.date,"
        " m.date_precision, coalesce(s.start, 0), s.text, d.doc_key, d.url, d.title, d.site,"
        " d.date, p.name, p.country, p.lat, p.lon, p.precision, m.target_implicit"
        " FROM mentions m JOIN documents d ON d.id = m.doc"
        " LEFT JOIN sentences s ON s.doc = m.doc AND s.idx = m.sentence"
        " LEFT JOIN places p ON p.id = m.place WHERE m.event = ? ORDER BY m.id LIMIT ?",
        {id, static_cast<int64_t>(options_.max_mentions)}, [&](const SqlRow& row) {
          WriteMention(json, row);
          return Status::OK();
        }));
    json.EndArray().EndObject();
    return out;
  });
}

Result<std::string> DashboardApi::Actors(const ParamList& params) {
  SITREP_ASSIGN_OR_RETURN(ListRequest req, ParseListRequest(params, options_.limits, false, true));
  return Cached("actors", params, [&](EventStore* store) -> Result<std::string> {
    std::string out;
    JsonWriter json(&out);
    json.BeginObject().Key("actors").BeginArray();
    std::string code_prefix = req.q;
    for (char& c : code_prefix) if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    SITREP_RETURN_IF_ERROR(store->Query(
        "SELECT code, name, kind, mentions FROM actors WHERE ?1 = '' OR"
        " substr(code, 1, length(?2)) = ?2 OR instr(lower(name), lower(?1)) > 0"
        " ORDER BY mentions DESC, code LIMIT ?3",
        {req.q, code_prefix, static_cast<int64_t>(req.limit)}, [&](const SqlRow& row) {
          json.BeginObject().Field("code", row.Text(0)).FieldOrNull("name", row.Text(1))
              .FieldOrNull("kind", row.Text(2)).Field("mentions", row.Int(3)).EndObject();
          return Status::OK();
        }));
    json.EndArray().EndObject();
    return out;
  });
}

Result<std::string> DashboardApi::Dyads(const ParamList& params) {
  SITREP_ASSIGN_OR_RETURN(ListRequest req, ParseListRequest(params, options_.limits, true, false));
  if (req.where.bbox.set) return Status::InvalidArgument("parameter 'bbox': not used by dyads");
  return Cached("dyads", params, [&](EventStore* store) -> Result<std::string> {
    QuerySpec spec;
    spec.filter = req.where.filter;
    spec.aggregate = Aggregate::kTopDyads;
    spec.limit = req.limit;
    SITREP_ASSIGN_OR_RETURN(QueryTable table, RunQuery(store, spec));
    return TableJson("dyads", table, {{"source_code", "source"}, {"target_code", "target"}});
  });
}

}  // namespace sitrep::server
