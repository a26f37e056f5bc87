#include "store/query.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <unordered_map>

#include "base/json_writer.h"
#include "store/event_merger.h"
#include "store/rollup_query.h"
#include "store/rollups.h"
#include "time/calendar.h"

namespace sitrep {

namespace {

bool HasLower(std::string_view s) {
  for (char c : s) if (c >= 'a' && c <= 'z') return true;
  return false;
}

// The period of an event row as the rollups store it (store/rollups.h).
std::string PeriodExpr(Period p) {
  switch (p) {
    case Period::kDay: return "coalesce(day, -2147483648)";
    case Period::kWeek:
      return "CASE WHEN day IS NULL THEN -2147483648 ELSE day - ((day + 3) % 7 + 7) % 7 END";
    case Period::kMonth: return "coalesce(month, -2147483648)";
    default: return "0";
  }
}

std::string PeriodLabel(Period p, int64_t n) {
  if (n == kUndatedPeriod) return "";
  switch (p) {
    case Period::kDay: return FormatDate(CivilFromDays(n));
    case Period::kWeek: return FormatWeek(CivilFromDays(n));
    default: return FormatMonth(static_cast<int>(n / 100), static_cast<int>(n % 100));
  }
}

void Add(std::vector<std::string>* where, std::string clause) { where->push_back(std::move(clause)); }

// One aggregated row: a period and a group's key with its sums.
struct Cell {
  int64_t period = 0;
  std::vector<SqlValue> key;
  int64_t events = 0, mentions = 0, goldstein_milli = 0;
  size_t rank = 0;  // its group's place in the ranking (set by Rank)
};

// A group and its events over the whole filtered range.
struct RankedGroup {
  std::vector<SqlValue> key;
  int64_t events = 0;
};

int CompareValues(const SqlValue& a, const SqlValue& b) {
  if (auto* x = std::get_if<int64_t>(&a)) {
    if (auto* y = std::get_if<int64_t>(&b)) return *x < *y ? -1 : *x > *y ? 1 : 0;
  }
  if (auto* x = std::get_if<std::string>(&a)) {
    if (auto* y = std::get_if<std::string>(&b)) return x->compare(*y) < 0 ? -1 : x->compare(*y) > 0;
  }
  return static_cast<int>(a.index()) - static_cast<int>(b.index());
}

bool KeyLess(const std::vector<SqlValue>& a, const std::vector<SqlValue>& b) {
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    int c = CompareValues(a[i], b[i]);
    if (c != 0) return c < 0;
  }
  return a.size() < b.size();
}

size_t KeySize(GroupBy g) {
  switch (g) {
    case GroupBy::kNone: return 0;
    case GroupBy::kDyad: return 2;
    default: return 1;
  }
}

// What a spec groups by, over which periods, keeping how many groups (0 = all).
struct Shape {
  GroupBy group = GroupBy::kNone;
  Period period = Period::kMonth;
  size_t groups = 0;
};

Shape ShapeOf(const QuerySpec& spec) {
  Shape s;
  s.period = spec.period;
  switch (spec.aggregate) {
    case Aggregate::kCount: s.group = spec.by_dyad ? GroupBy::kDyad : GroupBy::kNone; break;
    case Aggregate::kGoldstein: s.group = GroupBy::kDyad; break;
    case Aggregate::kTopActors: s.group = GroupBy::kActor; s.period = Period::kAll; break;
    case Aggregate::kTopDyads: s.group = GroupBy::kDyad; s.period = Period::kAll; break;
    default: s.group = spec.group_by; break;
  }
  s.groups = s.group == GroupBy::kNone ? 0 : spec.limit;
  return s;
}

// The events-table form of the cells for `shape` under `filter`.
std::string EventCellSql(const Shape& shape, const EventFilter& filter, std::vector<SqlValue>* params) {
  struct Side { std::vector<std::string> keys; std::string condition; };
  std::vector<Side> sides;
  switch (shape.group) {
    case GroupBy::kNone: sides = {{{}, ""}}; break;
    case GroupBy::kDyad: sides = {{{"source_code", "target_code"}, ""}}; break;
    case GroupBy::kPlace: sides = {{{"place"}, "place IS NOT NULL"}}; break;
    case GroupBy::kActor:
      sides = {{{"source_code"}, "source_code <> ''"},
               {{"target_code"}, "target_code <> '' AND target_code <> source_code"}};
      break;
  }
  std::string parts;
  for (const Side& side : sides) {
    std::string where = WhereClause(filter, params);
    if (!side.condition.empty()) where += (where.empty() ? " WHERE " : " AND ") + side.condition;
    std::string select = PeriodExpr(shape.period) + " AS period";
    for (size_t k = 0; k < side.keys.size(); ++k) select += ", " + side.keys[k] + " AS k" + std::to_string(k);
    parts += (parts.empty() ? "" : " UNION ALL ") + std::string("SELECT ") + select +
             ", num_mentions, CAST(round(coalesce(goldstein, 0) * 1000) AS INTEGER) AS g"
             " FROM events" + where;
  }
  std::string keys = "period";
  for (size_t k = 0; k < sides[0].keys.size(); ++k) keys += ", k" + std::to_string(k);
  return "SELECT " + keys + ", count(*), sum(num_mentions), sum(g) FROM (" + parts +
         ") GROUP BY " + keys;
}

Status ReadCells(EventStore* store, const std::string& sql, const std::vector<SqlValue>& params,
                 size_t key_size, std::vector<Cell>* cells) {
  return store->Query(sql, params, [&](const SqlRow& row) {
    Cell c;
    c.period = row.Int(0);
    for (size_t k = 0; k < key_size; ++k) c.key.push_back(row.Value(static_cast<int>(k + 1)));
    int m = static_cast<int>(key_size + 1);
    c.events = row.Int(m);
    c.mentions = row.Int(m + 1);
    c.goldstein_milli = row.Int(m + 2);
    cells->push_back(std::move(c));
    return Status::OK();
  });
}

// A key as one string, for hashing.
std::string KeyString(const std::vector<SqlValue>& key) {
  std::string out;
  for (const SqlValue& v : key) {
    if (auto* n = std::get_if<int64_t>(&v)) out += "#" + std::to_string(*n);
    else out += ValueText(v);
    out += '\x1f';
  }
  return out;
}

// Groups by events over all their cells, most first; ties by key. Sets each cell's rank.
std::vector<RankedGroup> Rank(std::vector<Cell>* cells) {
  std::unordered_map<std::string, size_t> index;
  std::vector<RankedGroup> groups;
  std::vector<size_t> group_of(cells->size());
  for (size_t i = 0; i < cells->size(); ++i) {
    const Cell& c = (*cells)[i];
    auto [it, inserted] = index.emplace(KeyString(c.key), groups.size());
    if (inserted) groups.push_back({c.key, 0});
    groups[it->second].events += c.events;
    group_of[i] = it->second;
  }
  std::vector<size_t> order(groups.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (groups[a].events != groups[b].events) return groups[a].events > groups[b].events;
    return KeyLess(groups[a].key, groups[b].key);
  });
  std::vector<size_t> rank_of(groups.size());
  std::vector<RankedGroup> ranked;
  for (size_t r = 0; r < order.size(); ++r) {
    rank_of[order[r]] = r;
    ranked.push_back(std::move(groups[order[r]]));
  }
  for (size_t i = 0; i < cells->size(); ++i) (*cells)[i].rank = rank_of[group_of[i]];
  return ranked;
}

// Keeps the cells of the first `n` ranked groups (all when n == 0) and trims the ranking.
void KeepTop(size_t n, std::vector<RankedGroup>* ranked, std::vector<Cell>* cells) {
  if (n == 0 || ranked->size() <= n) return;
  ranked->resize(n);
  cells->erase(std::remove_if(cells->begin(), cells->end(), [n](const Cell& c) { return c.rank >= n; }),
               cells->end());
}

// The filter without its conditions on actors, dyads and places.
EventFilter TypeAndDateOnly(const EventFilter& f) {
  EventFilter out;
  out.cameo = f.cameo;
  out.quad_class = f.quad_class;
  out.plover = f.plover;
  out.modality = f.modality;
  out.date_from = f.date_from;
  out.date_to = f.date_to;
  return out;
}

// Events in the rollups under `filter`'s type and date conditions (small tables only).
Result<int64_t> MatchingEvents(EventStore* store, const EventFilter& filter) {
  std::vector<SqlValue> params;
  std::string sql = RollupCellSql(GroupBy::kNone, Period::kAll, TypeAndDateOnly(filter), {}, &params);
  int64_t n = 0;
  SITREP_RETURN_IF_ERROR(store->Query(sql, params, [&](const SqlRow& row) {
    n += row.Int(1);
    return Status::OK();
  }));
  return n;
}

// The groups of rollup_*_total, most events first (see RollupCandidateSql).
Result<std::vector<std::vector<SqlValue>>> Candidates(EventStore* store, GroupBy group,
                                                      const EventFilter& f, size_t k,
                                                      int64_t min_events, int64_t* weakest) {
  std::vector<std::vector<SqlValue>> out;
  std::vector<SqlValue> params;
  size_t key_size = KeySize(group);
  std::string sql = RollupCandidateSql(group, f, k, min_events, &params);
  SITREP_RETURN_IF_ERROR(store->Query(sql, params, [&](const SqlRow& row) {
    std::vector<SqlValue> key;
    for (size_t i = 0; i < key_size; ++i) key.push_back(row.Value(static_cast<int>(i)));
    out.push_back(std::move(key));
    *weakest = row.Int(static_cast<int>(key_size));
    return Status::OK();
  }));
  return out;
}

Status ListedCells(EventStore* store, const Shape& shape, const EventFilter& f,
                   const std::vector<std::vector<SqlValue>>& groups, std::vector<Cell>* cells) {
  std::vector<SqlValue> params;
  std::string sql = RollupCellSql(shape.group, shape.period, f, groups, &params);
  return ReadCells(store, sql, params, KeySize(shape.group), cells);
}

// The listed groups' totals under the filter, ranked.
Result<std::vector<RankedGroup>> RankListed(EventStore* store, const Shape& shape,
                                            const EventFilter& f,
                                            const std::vector<std::vector<SqlValue>>& groups) {
  std::vector<Cell> totals;
  Shape all = shape;
  all.period = Period::kAll;
  if (!groups.empty()) SITREP_RETURN_IF_ERROR(ListedCells(store, all, f, groups, &totals));
  return Rank(&totals);
}

// Filters matching at most this share of all events are ranked by reading every group:
// the type and date indexes make that cheaper than ranking candidates.
constexpr double kNarrowFilter = 0.05;
// Most groups ranked in the second round.
constexpr size_t kMaxSecondRound = 20000;

// The top N groups from the rollups, exactly, without reading every group when possible:
//   1. the 4N+16 groups with most events of all time (rollup totals) are candidates; if the
//      N-th of them under the filter has more events than the last candidate has in all,
//      no other group can rank higher: done;
//   2. else every group with at least as many events of all time as that N-th one could
//      rank higher; when there are not too many, they are the candidates: done;
//   3. else every group is ranked (one GROUP BY over the rollups, without periods).
// Candidates are ranked on their totals (no periods); only the winners' periods are read.
Result<std::vector<std::vector<SqlValue>>> TopGroups(EventStore* store, const Shape& shape,
                                                     const EventFilter& f, std::string* from) {
  std::vector<std::vector<SqlValue>> top;
  *from = "rollup totals";
  int64_t weakest = 0;
  if (FilterOnlyOnGroup(f, shape.group)) return Candidates(store, shape.group, f, shape.groups, 0, &weakest);
  SITREP_ASSIGN_OR_RETURN(int64_t matching, MatchingEvents(store, f));
  SITREP_ASSIGN_OR_RETURN(int64_t all, MatchingEvents(store, EventFilter()));
  std::vector<RankedGroup> ranked;
  bool decided = false;
  if (matching > kNarrowFilter * static_cast<double>(all)) {
    size_t k = 4 * shape.groups + 16;
    SITREP_ASSIGN_OR_RETURN(auto groups, Candidates(store, shape.group, f, k, 0, &weakest));
    SITREP_ASSIGN_OR_RETURN(ranked, RankListed(store, shape, f, groups));
    int64_t nth = ranked.size() >= shape.groups ? ranked[shape.groups - 1].events : 0;
    decided = groups.size() < k || nth > weakest;  // every group listed, or none can beat it
    if (!decided && nth > 0) {
      SITREP_ASSIGN_OR_RETURN(groups, Candidates(store, shape.group, f, kMaxSecondRound + 1, nth, &weakest));
      if (groups.size() <= kMaxSecondRound) {
        // The first k are the first round's (same order): rank only the others, then merge.
        groups.erase(groups.begin(), groups.begin() + static_cast<std::ptrdiff_t>(std::min(k, groups.size())));
        SITREP_ASSIGN_OR_RETURN(auto more, RankListed(store, shape, f, groups));
        ranked.insert(ranked.end(), more.begin(), more.end());
        std::stable_sort(ranked.begin(), ranked.end(), [](const RankedGroup& a, const RankedGroup& b) {
          if (a.events != b.events) return a.events > b.events;
          return KeyLess(a.key, b.key);
        });
        decided = true;
      }
    }
  }
  if (!decided) {
    *from = "rollups";
    std::vector<SqlValue> params;
    size_t key_size = KeySize(shape.group);
    std::string order = std::to_string(key_size + 2) + " DESC";
    for (size_t k = 0; k < key_size; ++k) order += ", " + std::to_string(k + 2);
    std::string sql = "SELECT * FROM (" + RollupCellSql(shape.group, Period::kAll, f, {}, &params) +
                      ") ORDER BY " + order + " LIMIT " + std::to_string(shape.groups);
    SITREP_RETURN_IF_ERROR(store->Query(sql, params, [&](const SqlRow& row) {
      std::vector<SqlValue> key;
      for (size_t i = 0; i < key_size; ++i) key.push_back(row.Value(static_cast<int>(i + 1)));
      top.push_back(std::move(key));
      return Status::OK();
    }));
    return top;
  }
  for (size_t i = 0; i < ranked.size() && i < shape.groups; ++i) top.push_back(ranked[i].key);
  return top;
}

// Cells from the rollups: the top groups' (TopGroups), or every group's.
Status RollupCells(EventStore* store, const QuerySpec& spec, const Shape& shape,
                   std::vector<Cell>* cells, std::vector<RankedGroup>* ranked, std::string* from) {
  if (shape.groups > 0) {
    SITREP_ASSIGN_OR_RETURN(auto top, TopGroups(store, shape, spec.filter, from));
    if (!top.empty()) SITREP_RETURN_IF_ERROR(ListedCells(store, shape, spec.filter, top, cells));
    *ranked = Rank(cells);
    return Status::OK();
  }
  std::vector<SqlValue> params;
  std::string sql = RollupCellSql(shape.group, shape.period, spec.filter, {}, &params);
  SITREP_RETURN_IF_ERROR(ReadCells(store, sql, params, KeySize(shape.group), cells));
  *ranked = Rank(cells);
  *from = "rollups";
  return Status::OK();
}

double Round(double x, double scale) { return std::round(x * scale) / scale; }

// Place id -> name, country, lat, lon for the kept place groups.
Status PlaceColumns(EventStore* store, const std::vector<RankedGroup>& ranked,
                    std::map<int64_t, std::vector<SqlValue>>* out) {
  std::string ids;
  std::vector<SqlValue> params;
  for (const RankedGroup& g : ranked) {
    ids += ids.empty() ? "?" : ", ?";
    params.push_back(g.key[0]);
  }
  if (ids.empty()) return Status::OK();
  return store->Query("SELECT id, name, country, lat, lon FROM places WHERE id IN (" + ids + ")",
                      params, [&](const SqlRow& row) {
                        (*out)[row.Int(0)] = {row.Value(1), row.Value(2), row.Value(3), row.Value(4)};
                        return Status::OK();
                      });
}

std::vector<std::string> KeyColumns(GroupBy g) {
  switch (g) {
    case GroupBy::kDyad: return {"source_code", "target_code"};
    case GroupBy::kActor: return {"actor"};
    case GroupBy::kPlace: return {"place_id", "place_name", "place_country", "lat", "lon"};
    default: return {};
  }
}

// The table of `spec` from its ranked groups and their cells.
Result<QueryTable> Format(EventStore* store, const QuerySpec& spec, const Shape& shape,
                          std::vector<RankedGroup> ranked, std::vector<Cell> cells) {
  std::map<int64_t, std::vector<SqlValue>> places;
  if (shape.group == GroupBy::kPlace) SITREP_RETURN_IF_ERROR(PlaceColumns(store, ranked, &places));
  // Cells in rank order, or in period order then key order.
  std::vector<size_t> by_key(ranked.size()), key_place(ranked.size());
  for (size_t i = 0; i < by_key.size(); ++i) by_key[i] = i;
  std::sort(by_key.begin(), by_key.end(),
            [&](size_t a, size_t b) { return KeyLess(ranked[a].key, ranked[b].key); });
  for (size_t i = 0; i < by_key.size(); ++i) key_place[by_key[i]] = i;
  bool by_rank = spec.aggregate == Aggregate::kSeries || shape.period == Period::kAll;
  std::sort(cells.begin(), cells.end(), [&](const Cell& a, const Cell& b) {
    if (by_rank) {
      if (a.rank != b.rank) return a.rank < b.rank;
      return a.period < b.period;
    }
    if (a.period != b.period) return a.period < b.period;
    return key_place[a.rank] < key_place[b.rank];
  });
  QueryTable t;
  bool period_column = shape.period != Period::kAll;
  if (period_column) t.columns.push_back("period");
  for (const std::string& c : KeyColumns(shape.group)) t.columns.push_back(c);
  std::vector<std::string> measures;
  switch (spec.aggregate) {
    case Aggregate::kCount: measures = {"events", "mentions"}; break;
    case Aggregate::kGoldstein: measures = {"events", "goldstein_sum", "goldstein_mean"}; break;
    case Aggregate::kTopActors: measures = {"events"}; break;
    case Aggregate::kTopDyads: measures = {"events", "mentions"}; break;
    default: measures = {"events", "mentions", "goldstein_sum", "goldstein_mean"}; break;
  }
  for (const std::string& m : measures) t.columns.push_back(m);
  for (const Cell& c : cells) {
    std::vector<SqlValue> row;
    if (period_column) row.push_back(PeriodLabel(shape.period, c.period));
    for (const SqlValue& k : c.key) row.push_back(k);
    if (shape.group == GroupBy::kPlace) {
      auto it = places.find(std::get<int64_t>(c.key[0]));
      for (int i = 0; i < 4; ++i) row.push_back(it == places.end() ? SqlValue{} : it->second[i]);
    }
    double sum = c.goldstein_milli / 1000.0;
    for (const std::string& m : measures) {
      if (m == "events") row.push_back(c.events);
      else if (m == "mentions") row.push_back(c.mentions);
      else if (m == "goldstein_sum") row.push_back(Round(sum, spec.aggregate == Aggregate::kGoldstein ? 100 : 1000));
      else row.push_back(c.events ? Round(sum / c.events, 1000) : 0.0);
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

// The events list (kNone).
std::string ListSql(const QuerySpec& spec, std::vector<SqlValue>* params) {
  std::string where = WhereClause(spec.filter, params);
  std::string limit = spec.limit ? " LIMIT " + std::to_string(spec.limit) : "";
  return "SELECT e.id, e.day AS date, e.source_code, e.source_name, e.target_code,"
         " e.target_name, e.cameo, e.plover, e.quad_class, e.goldstein, e.modality,"
         " e.place_name, e.num_mentions, e.num_sources, e.num_articles,"
         " (SELECT s.text FROM mentions m JOIN sentences s ON s.doc = m.doc AND"
         " s.idx = m.sentence WHERE m.event = e.id ORDER BY m.id LIMIT 1) AS evidence"
         " FROM (SELECT * FROM events" + where + " ORDER BY day DESC, id DESC" + limit + ") e"
         " ORDER BY e.day DESC, e.id DESC";
}

Result<QueryTable> RunList(EventStore* store, const QuerySpec& spec) {
  std::vector<SqlValue> params;
  std::string sql = ListSql(spec, &params);
  QueryTable table;
  table.answered_from = "events";
  SITREP_RETURN_IF_ERROR(store->Query(sql, params, [&](const SqlRow& row) {
    if (table.columns.empty()) {
      for (int i = 0; i < row.size(); ++i) table.columns.emplace_back(row.Name(i));
    }
    std::vector<SqlValue> values;
    for (int i = 0; i < row.size(); ++i) {
      if (row.Name(i) == "date") {
        values.push_back(row.IsNull(i) ? SqlValue{std::string()} : SqlValue{PeriodLabel(Period::kDay, row.Int(i))});
      } else {
        values.push_back(row.Value(i));
      }
    }
    table.rows.push_back(std::move(values));
    return Status::OK();
  }));
  return table;
}

}  // namespace

std::string WhereClause(const EventFilter& f, std::vector<SqlValue>* params) {
  std::vector<std::string> where;
  if (!f.actor.empty()) {
    if (HasLower(f.actor)) {
      params->push_back("%" + f.actor + "%");
      params->push_back("%" + f.actor + "%");
      Add(&where, "(source_name LIKE ? OR target_name LIKE ?)");
    } else {
      std::string a = CodePrefixClause("source_code", f.actor, params);
      Add(&where, "(" + a + " OR " + CodePrefixClause("target_code", f.actor, params) + ")");
    }
  }
  if (!f.source.empty()) Add(&where, CodePrefixClause("source_code", f.source, params));
  if (!f.target.empty()) Add(&where, CodePrefixClause("target_code", f.target, params));
  if (!f.cameo.empty()) Add(&where, CodePrefixClause("cameo", f.cameo, params));
  if (f.quad_class > 0) { params->push_back(int64_t{f.quad_class}); Add(&where, "quad_class = ?"); }
  if (!f.plover.empty()) { params->push_back(f.plover); Add(&where, "plover = ?"); }
  if (!f.modality.empty()) { params->push_back(f.modality); Add(&where, "modality = ?"); }
  if (!f.date_from.empty()) { params->push_back(DayNumber(f.date_from)); Add(&where, "day >= ?"); }
  if (!f.date_to.empty()) { params->push_back(DayNumber(f.date_to)); Add(&where, "day <= ?"); }
  if (!f.place.empty()) { params->push_back("%" + f.place + "%"); Add(&where, "place_name LIKE ?"); }
  if (f.has_circle) Add(&where, CircleClause(f, params));
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
  if (spec.aggregate == Aggregate::kNone) return ListSql(spec, params);
  return EventCellSql(ShapeOf(spec), spec.filter, params);
}

Result<QueryTable> RunQuery(EventStore* store, const QuerySpec& spec) {
  if (spec.aggregate == Aggregate::kNone) return RunList(store, spec);
  Shape shape = ShapeOf(spec);
  std::vector<Cell> cells;
  std::vector<RankedGroup> ranked;
  std::string from = "events";
  if (spec.use_rollups && RollupsCanAnswer(spec.filter, shape.group)) {
    SITREP_RETURN_IF_ERROR(RollupCells(store, spec, shape, &cells, &ranked, &from));
  } else {
    std::vector<SqlValue> params;
    std::string sql = EventCellSql(shape, spec.filter, &params);
    SITREP_RETURN_IF_ERROR(ReadCells(store, sql, params, KeySize(shape.group), &cells));
    ranked = Rank(&cells);
  }
  KeepTop(shape.groups, &ranked, &cells);
  SITREP_ASSIGN_OR_RETURN(QueryTable table, Format(store, spec, shape, std::move(ranked), std::move(cells)));
  table.answered_from = from;
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
