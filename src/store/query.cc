#include "store/query.h"

#include <cstdio>

#include "base/json_writer.h"
#include "time/calendar.h"

namespace sitrep {

namespace {

bool HasLower(std::string_view s) {
  for (char c : s) if (c >= 'a' && c <= 'z') return true;
  return false;
}

// `column` starts with `prefix`, as an index-friendly range: column >= p AND column < p'.
std::string PrefixClause(const std::string& column, const std::string& prefix,
                         std::vector<SqlValue>* params) {
  std::string upper = prefix;
  upper.back() = static_cast<char>(upper.back() + 1);
  params->push_back(prefix);
  params->push_back(upper);
  return "(" + column + " >= ? AND " + column + " < ?)";
}

std::string PeriodExpr(Period p) {
  switch (p) {
    case Period::kDay: return "day";
    case Period::kWeek: return "((day + 3) / 7)";  // weeks start on Monday; day 0 is a Thursday
    default: return "month";
  }
}

std::string PeriodLabel(Period p, const SqlValue& v) {
  const int64_t* n = std::get_if<int64_t>(&v);
  if (!n) return "";
  switch (p) {
    case Period::kDay: return FormatDate(CivilFromDays(*n));
    case Period::kWeek: return FormatWeek(CivilFromDays(*n * 7 - 3));
    default: return FormatMonth(static_cast<int>(*n / 100), static_cast<int>(*n % 100));
  }
}

void Add(std::vector<std::string>* where, std::string clause) { where->push_back(std::move(clause)); }

}  // namespace

std::string WhereClause(const EventFilter& f, std::vector<SqlValue>* params) {
  std::vector<std::string> where;
  if (!f.actor.empty()) {
    if (HasLower(f.actor)) {
      params->push_back("%" + f.actor + "%");
      params->push_back("%" + f.actor + "%");
      Add(&where, "(source_name LIKE ? OR target_name LIKE ?)");
    } else {
      std::string a = PrefixClause("source_code", f.actor, params);
      Add(&where, "(" + a + " OR " + PrefixClause("target_code", f.actor, params) + ")");
    }
  }
  if (!f.source.empty()) Add(&where, PrefixClause("source_code", f.source, params));
  if (!f.target.empty()) Add(&where, PrefixClause("target_code", f.target, params));
  if (!f.cameo.empty()) Add(&where, PrefixClause("cameo", f.cameo, params));
  if (f.quad_class > 0) { params->push_back(int64_t{f.quad_class}); Add(&where, "quad_class = ?"); }
  if (!f.plover.empty()) { params->push_back(f.plover); Add(&where, "plover = ?"); }
  if (!f.modality.empty()) { params->push_back(f.modality); Add(&where, "modality = ?"); }
  if (!f.date_from.empty()) { params->push_back(DayNumber(f.date_from)); Add(&where, "day >= ?"); }
  if (!f.date_to.empty()) { params->push_back(DayNumber(f.date_to)); Add(&where, "day <= ?"); }
  if (!f.place.empty()) { params->push_back("%" + f.place + "%"); Add(&where, "place_name LIKE ?"); }
  if (f.has_circle) {
    double dlat = f.radius_km / 111.0;
    params->push_back(f.lat - dlat);
    params->push_back(f.lat + dlat);
    params->push_back(f.lat);
    params->push_back(f.lon);
    params->push_back(f.radius_km);
    Add(&where, "lat BETWEEN ? AND ? AND distance_km(lat, lon, ?, ?) <= ?");
  }
  for (const std::string& w : f.words) {
    params->push_back("%" + w + "%");
    Add(&where, "EXISTS(SELECT 1 FROM mentions m JOIN sentences s ON s.doc = m.doc AND "
                "s.idx = m.sentence WHERE m.event = events.id AND s.text LIKE ?)");
  }
  std::string out;
  for (size_t i = 0; i < where.size(); ++i) out += (i ? " AND " : " WHERE ") + where[i];
  return out;
}

std::string QuerySql(const QuerySpec& spec, std::vector<SqlValue>* params) {
  std::string where = WhereClause(spec.filter, params);
  std::string limit = spec.limit ? " LIMIT " + std::to_string(spec.limit) : "";
  std::string period = PeriodExpr(spec.period);
  switch (spec.aggregate) {
    case Aggregate::kCount:
      if (spec.by_dyad) {
        return "SELECT " + period + " AS period, source_code, target_code, count(*) AS events,"
               " sum(num_mentions) AS mentions FROM events" + where +
               " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3";
      }
      return "SELECT " + period + " AS period, count(*) AS events, sum(num_mentions) AS mentions"
             " FROM events" + where + " GROUP BY 1 ORDER BY 1";
    case Aggregate::kGoldstein:
      return "SELECT " + period + " AS period, source_code, target_code, count(*) AS events,"
             " round(sum(goldstein), 2) AS goldstein_sum, round(avg(goldstein), 3) AS goldstein_mean"
             " FROM events" + where + " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3";
    case Aggregate::kTopActors:
      return "SELECT actor, count(*) AS events FROM (SELECT source_code AS actor FROM events" +
             where + " UNION ALL SELECT target_code FROM events" + WhereClause(spec.filter, params) +
             ") WHERE actor <> '' GROUP BY 1 ORDER BY 2 DESC, 1" + limit;
    case Aggregate::kTopDyads:
      return "SELECT source_code, target_code, count(*) AS events, sum(num_mentions) AS mentions"
             " FROM events" + where + " GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2" + limit;
    default:
      return "SELECT e.id, e.day AS date, e.source_code, e.source_name, e.target_code,"
             " e.target_name, e.cameo, e.plover, e.quad_class, e.goldstein, e.modality,"
             " e.place_name, e.num_mentions, e.num_sources, e.num_articles,"
             " (SELECT s.text FROM mentions m JOIN sentences s ON s.doc = m.doc AND"
             " s.idx = m.sentence WHERE m.event = e.id ORDER BY m.id LIMIT 1) AS evidence"
             " FROM (SELECT * FROM events" + where + " ORDER BY day DESC, id DESC" + limit + ") e"
             " ORDER BY e.day DESC, e.id DESC";
  }
}

Result<QueryTable> RunQuery(EventStore* store, const QuerySpec& spec) {
  std::vector<SqlValue> params;
  std::string sql = QuerySql(spec, &params);
  QueryTable table;
  SITREP_RETURN_IF_ERROR(store->Query(sql, params, [&](const SqlRow& row) {
    if (table.columns.empty()) {
      for (int i = 0; i < row.size(); ++i) table.columns.emplace_back(row.Name(i));
    }
    std::vector<SqlValue> values;
    for (int i = 0; i < row.size(); ++i) {
      std::string_view name = row.Name(i);
      if (name == "period") values.push_back(PeriodLabel(spec.period, row.Value(i)));
      else if (name == "date") values.push_back(PeriodLabel(Period::kDay, row.Value(i)));
      else values.push_back(row.Value(i));
    }
    table.rows.push_back(std::move(values));
    return Status::OK();
  }));
  return table;
}

std::string ValueText(const SqlValue& v) {
  if (auto* n = std::get_if<int64_t>(&v)) return std::to_string(*n);
  if (auto* d = std::get_if<double>(&v)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", *d);
    return buf;
  }
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  return "";
}

std::string CsvField(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string FormatCsv(const QueryTable& t) {
  std::string out;
  for (size_t i = 0; i < t.columns.size(); ++i) out += (i ? "," : "") + CsvField(t.columns[i]);
  out += '\n';
  for (const auto& row : t.rows) {
    for (size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + CsvField(ValueText(row[i]));
    out += '\n';
  }
  return out;
}

std::string FormatJsonLines(const QueryTable& t) {
  std::string out;
  for (const auto& row : t.rows) {
    JsonWriter json(&out);
    json.BeginObject();
    for (size_t i = 0; i < row.size(); ++i) {
      json.Key(t.columns[i]);
      if (auto* n = std::get_if<int64_t>(&row[i])) json.Int(*n);
      else if (auto* d = std::get_if<double>(&row[i])) json.Double(*d);
      else if (auto* s = std::get_if<std::string>(&row[i])) json.String(*s);
      else json.Null();
    }
    json.EndObject();
    out += '\n';
  }
  return out;
}

std::string FormatTable(const QueryTable& t) {
  constexpr size_t kMaxWidth = 60;
  std::vector<size_t> width(t.columns.size());
  for (size_t i = 0; i < t.columns.size(); ++i) width[i] = t.columns[i].size();
  for (const auto& row : t.rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      width[i] = std::min(kMaxWidth, std::max(width[i], ValueText(row[i]).size()));
    }
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (size_t i = 0; i < cells.size(); ++i) {
      std::string c = cells[i].size() > kMaxWidth ? cells[i].substr(0, kMaxWidth - 3) + "..." : cells[i];
      c.resize(std::max(c.size(), width[i]), ' ');
      out += (i ? "  " : "") + c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out = line(t.columns);
  for (const auto& row : t.rows) {
    std::vector<std::string> cells;
    for (const auto& v : row) cells.push_back(ValueText(v));
    out += line(cells);
  }
  return out;
}

}  // namespace sitrep
