#include "store/event_export.h"

#include <cstdio>
#include <ctime>
#include <fstream>

#include "base/json_writer.h"
#include "store/query.h"
#include "time/calendar.h"

namespace sitrep {

std::string CountryCodes::DefaultPath() {
  return std::string(SITREP_SOURCE_DIR) + "/data/store/country_codes.tsv";
}

Result<CountryCodes> CountryCodes::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot open");
  CountryCodes codes;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#' || line.rfind("iso3\t", 0) == 0) continue;
    size_t a = line.find('\t'), b = a == std::string::npos ? a : line.find('\t', a + 1);
    if (b == std::string::npos || a != 3) {
      return Status::Corruption(path + ":" + std::to_string(n) + ": expected iso3<TAB>fips<TAB>name");
    }
    codes.by_iso3_[line.substr(0, 3)] = {line.substr(a + 1, b - a - 1), line.substr(b + 1)};
  }
  return codes;
}

const CountryCodes::Country* CountryCodes::Find(std::string_view iso3) const {
  auto it = by_iso3_.find(std::string(iso3));
  return it == by_iso3_.end() ? nullptr : &it->second;
}

Result<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "gdelt") return ExportFormat::kGdelt;
  if (name == "gdelt-mentions") return ExportFormat::kGdeltMentions;
  if (name == "csv") return ExportFormat::kCsv;
  if (name == "jsonl") return ExportFormat::kJsonl;
  if (name == "plover") return ExportFormat::kPlover;
  return Status::InvalidArgument("unknown export format '" + std::string(name) +
                                 "' (gdelt, gdelt-mentions, csv, jsonl, plover)");
}

namespace {

// Tabs and newlines cannot appear inside a GDELT field.
std::string Clean(std::string_view s) {
  std::string out(s);
  for (char& c : out) if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return out;
}

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string YyyyMmDd(int64_t day) {
  CivilDate d = CivilFromDays(day);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year, d.month, d.day);
  return buf;
}

std::string Timestamp(int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[20];
  std::strftime(buf, sizeof buf, "%Y%m%d%H%M%S", &tm);
  return buf;
}

// Actor columns 6-15 (or 16-25) and the actor geo columns 36-43 (or 44-51).
void ActorFields(std::string_view code, std::string_view name, const CountryCodes& countries,
                 std::vector<std::string>* cols, std::vector<std::string>* geo) {
  std::string_view country = code.substr(0, std::min<size_t>(3, code.size()));
  const CountryCodes::Country* c = code.size() >= 3 ? countries.Find(country) : nullptr;
  std::string_view type = code.size() >= 6 ? code.substr(3, 3) : std::string_view();
  *cols = {std::string(code), Clean(name), c ? std::string(country) : "", "", "", "", "",
           std::string(type), "", ""};
  if (c) {
    *geo = {"1", c->name, c->fips, c->fips, "", "", "", c->fips};
  } else {
    *geo = {"0", "", "", "", "", "", "", ""};
  }
}

int GeoType(std::string_view precision) {
  if (precision == "country") return 1;
  if (precision == "region") return 5;
  return 4;  // a world city or point
}

const char kEventSql[] =
    "SELECT e.id, e.day, e.source_code, e.source_name, e.target_code, e.target_name, e.is_root,"
    " e.cameo, e.root, e.quad_class, e.goldstein, e.num_mentions, e.num_sources, e.num_articles,"
    " p.name, p.country, p.lat, p.lon, p.geonames_id, p.precision, e.date_added,"
    " (SELECT coalesce(nullif(d.url, ''), d.doc_key) FROM documents d WHERE d.id = e.first_doc),"
    " e.plover, e.modality,"
    // The target's role when every report leaves it unsaid ("location" or "domestic").
    " (SELECT CASE WHEN count(*) = count(m.target_implicit) THEN max(m.target_implicit) END"
    "  FROM mentions m WHERE m.event = e.id)"
    " FROM events e LEFT JOIN places p ON p.id = e.place ORDER BY e.id";

Status GdeltEventRow(const SqlRow& r, const CountryCodes& countries, std::string* out) {
  std::vector<std::string> f;
  f.push_back(std::to_string(r.Int(0)));
  if (r.IsNull(1)) {
    f.insert(f.end(), {"", "", "", ""});
  } else {
    CivilDate d = CivilFromDays(r.Int(1));
    f.push_back(YyyyMmDd(r.Int(1)));
    f.push_back(std::to_string(d.year * 100 + d.month));
    f.push_back(std::to_string(d.year));
    int doy = static_cast<int>(r.Int(1) - DaysFromCivil({d.year, 1, 1})) + 1;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.4f", d.year + doy / 365.0);
    f.push_back(buf);
  }
  std::vector<std::string> a1, g1, a2, g2;
  ActorFields(r.Text(2), r.Text(3), countries, &a1, &g1);
  ActorFields(r.Text(4), r.Text(5), countries, &a2, &g2);
  f.insert(f.end(), a1.begin(), a1.end());
  f.insert(f.end(), a2.begin(), a2.end());
  std::string cameo(r.Text(7));
  f.insert(f.end(), {std::to_string(r.Int(6)), cameo, cameo.substr(0, 3), std::string(r.Text(8)),
                     std::to_string(r.Int(9)), Num(r.Double(10)), std::to_string(r.Int(11)),
                     std::to_string(r.Int(12)), std::to_string(r.Int(13)), "0"});
  f.insert(f.end(), g1.begin(), g1.end());
  f.insert(f.end(), g2.begin(), g2.end());
  if (r.IsNull(14)) {
    f.insert(f.end(), {"0", "", "", "", "", "", "", ""});
  } else {
    const CountryCodes::Country* c = countries.Find(r.Text(15));
    std::string fips = c ? c->fips : "";
    f.insert(f.end(), {std::to_string(GeoType(r.Text(19))), Clean(r.Text(14)), fips, fips, "",
                       Num(r.Double(16)), Num(r.Double(17)),
                       r.Int(18) ? std::to_string(r.Int(18)) : ""});
  }
  f.push_back(Timestamp(r.Int(20)));
  f.push_back(Clean(r.Text(21)));
  if (f.size() != 61) return Status::Internal("GDELT row has " + std::to_string(f.size()) + " columns");
  for (size_t i = 0; i < f.size(); ++i) *out += (i ? "\t" : "") + f[i];
  *out += '\n';
  return Status::OK();
}

const char kMentionSql[] =
    "SELECT m.event, e.date_added, d.day, d.source, coalesce(nullif(d.url, ''), d.doc_key),"
    " m.sentence, m.source_start, m.target_start, m.trigger_start, length(CAST(d.text AS BLOB)),"
    " m.mention_key"
    " FROM mentions m JOIN events e ON e.id = m.event JOIN documents d ON d.id = m.doc"
    " ORDER BY m.id";

void GdeltMentionRow(const SqlRow& r, std::string* out) {
  std::string when = r.IsNull(2) ? "" : YyyyMmDd(r.Int(2)) + "000000";
  auto offset = [&](int c) { return r.IsNull(c) ? std::string("-1") : std::to_string(r.Int(c)); };
  std::vector<std::string> f = {
      std::to_string(r.Int(0)), Timestamp(r.Int(1)), when, "1", Clean(r.Text(3)),
      Clean(r.Text(4)), std::to_string(r.Int(5) + 1), offset(6), offset(7), offset(8), "1",
      "100", std::to_string(r.Int(9)), "0", "", Clean(r.Text(10))};
  for (size_t i = 0; i < f.size(); ++i) *out += (i ? "\t" : "") + f[i];
  *out += '\n';
}

// One actor of a mention: {"code", "span": [start, end] or null, "implicit"?}, or null when
// the report names none (a null source, an absent target).
void WriteMentionActor(const SqlRow& r, const char* key, int code, int start,
                       std::string_view implicit, JsonWriter* json) {
  json->Key(key);
  if (r.Text(code).empty()) {
    json->Null();
    return;
  }
  json->BeginObject().Field("code", r.Text(code)).Key("span");
  if (r.IsNull(start)) json->Null();
  else json->BeginArray().Int(r.Int(start)).Int(r.Int(start + 1)).EndArray();
  if (!implicit.empty()) json->Field("implicit", implicit);
  json->EndObject();
}

// Mentions of one event with their evidence sentences, as a JSON array.
Status WriteMentions(EventStore* store, int64_t event, JsonWriter* json) {
  json->BeginArray();
  Status st = store->Query(
      "SELECT m.mention_key, d.doc_key, d.url, d.date, s.text, m.source_start, m.source_end,"
      " m.target_start, m.target_end, m.trigger_start, m.trigger_end, m.cameo, m.modality,"
      " m.source_code, m.target_code, m.target_implicit, coalesce(s.start, 0)"
      " FROM mentions m JOIN documents d ON d.id = m.doc"
      " LEFT JOIN sentences s ON s.doc = m.doc AND s.idx = m.sentence WHERE m.event = ?"
      " ORDER BY m.id",
      {event}, [&](const SqlRow& r) {
        json->BeginObject().Field("mention_id", r.Text(0)).Field("doc_id", r.Text(1))
            .FieldOrNull("url", r.Text(2)).FieldOrNull("doc_date", r.Text(3))
            .Field("sentence", r.Text(4)).Field("cameo", r.Text(11))
            .Field("modality", r.Text(12));
        // Spans are byte offsets into the document text, as `sitrep code` writes them.
        json->Field("sentence_start", r.Int(16));
        json->Key("trigger").BeginArray().Int(r.Int(9)).Int(r.Int(10)).EndArray();
        WriteMentionActor(r, "source", 13, 5, "", json);
        WriteMentionActor(r, "target", 14, 7, r.Text(15), json);
        json->EndObject();
        return Status::OK();
      });
  json->EndArray();
  return st;
}

Status JsonEventRow(EventStore* store, const SqlRow& r, bool plover, std::string* out) {
  JsonWriter json(out);
  std::string date = r.IsNull(1) ? "" : FormatDate(CivilFromDays(r.Int(1)));
  json.BeginObject().Field("event_id", r.Int(0)).FieldOrNull("date", date);
  if (plover) {
    json.FieldOrNull("event_type", r.Text(22)).Field("mode", "").Field("context", "")
        .FieldOrNull("actor", r.Text(3)).FieldOrNull("actor_code", r.Text(2))
        .FieldOrNull("actor_country", r.Text(2).substr(0, 3))
        .FieldOrNull("recipient", r.Text(5)).FieldOrNull("recipient_code", r.Text(4))
        .FieldOrNull("recipient_country", r.Text(4).substr(0, 3))
        .FieldOrNull("recipient_implicit", r.Text(24))
        .Field("cameo", r.Text(7)).Field("modality", r.Text(23));
  } else {
    json.Field("source_code", r.Text(2)).Field("source_name", r.Text(3))
        .Field("target_code", r.Text(4)).Field("target_name", r.Text(5))
        .FieldOrNull("target_implicit", r.Text(24))
        .Field("cameo", r.Text(7)).Field("root", r.Text(8)).Field("quad_class", r.Int(9))
        .Field("goldstein", r.Double(10)).FieldOrNull("plover", r.Text(22))
        .Field("modality", r.Text(23));
  }
  json.FieldOrNull("place", r.Text(14)).FieldOrNull("place_country", r.Text(15));
  if (!r.IsNull(16)) json.Field("lat", r.Double(16)).Field("lon", r.Double(17));
  json.Field("num_mentions", r.Int(11)).Field("num_sources", r.Int(12))
      .Field("num_articles", r.Int(13)).Key(plover ? "sources" : "mentions");
  SITREP_RETURN_IF_ERROR(WriteMentions(store, r.Int(0), &json));
  json.EndObject();
  *out += '\n';
  return Status::OK();
}

void CsvEventRow(const SqlRow& r, std::string* out) {
  std::string date = r.IsNull(1) ? "" : FormatDate(CivilFromDays(r.Int(1)));
  std::vector<std::string> f = {
      std::to_string(r.Int(0)), date, std::string(r.Text(2)), std::string(r.Text(3)),
      std::string(r.Text(4)), std::string(r.Text(5)), std::string(r.Text(7)),
      std::string(r.Text(8)), std::to_string(r.Int(9)), Num(r.Double(10)),
      std::string(r.Text(22)), std::string(r.Text(23)), std::string(r.Text(14)),
      std::string(r.Text(15)), r.IsNull(16) ? "" : Num(r.Double(16)),
      r.IsNull(17) ? "" : Num(r.Double(17)), std::to_string(r.Int(11)),
      std::to_string(r.Int(12)), std::to_string(r.Int(13)), std::string(r.Text(21))};
  for (size_t i = 0; i < f.size(); ++i) *out += (i ? "," : "") + CsvField(f[i]);
  *out += '\n';
}

}  // namespace

Status ExportStore(EventStore* store, ExportFormat format, const CountryCodes& countries,
                   const std::function<Status(std::string_view)>& sink) {
  std::string out;
  if (format == ExportFormat::kCsv) {
    out = "event_id,date,source_code,source_name,target_code,target_name,cameo,root,quad_class,"
          "goldstein,plover,modality,place,place_country,lat,lon,num_mentions,num_sources,"
          "num_articles,first_source\n";
  }
  auto flush = [&]() -> Status {
    if (out.size() < (1 << 16)) return Status::OK();
    Status st = sink(out);
    out.clear();
    return st;
  };
  Status st;
  if (format == ExportFormat::kGdeltMentions) {
    st = store->Query(kMentionSql, {}, [&](const SqlRow& r) {
      GdeltMentionRow(r, &out);
      return flush();
    });
  } else {
    // Rows are collected first for the JSON formats, which query mentions per event.
    st = store->Query(kEventSql, {}, [&](const SqlRow& r) -> Status {
      switch (format) {
        case ExportFormat::kGdelt: SITREP_RETURN_IF_ERROR(GdeltEventRow(r, countries, &out)); break;
        case ExportFormat::kCsv: CsvEventRow(r, &out); break;
        default:
          SITREP_RETURN_IF_ERROR(JsonEventRow(store, r, format == ExportFormat::kPlover, &out));
      }
      return flush();
    });
  }
  SITREP_RETURN_IF_ERROR(st);
  return out.empty() ? Status::OK() : sink(out);
}

}  // namespace sitrep
