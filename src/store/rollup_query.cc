#include "store/rollup_query.h"

#include <limits>

#include "store/event_merger.h"
#include "time/calendar.h"

namespace sitrep {

namespace {

bool HasDyadFilter(const EventFilter& f) {
  return !f.actor.empty() || !f.source.empty() || !f.target.empty();
}
bool HasPlaceFilter(const EventFilter& f) { return !f.place.empty() || f.has_circle; }
bool HasTypeOrDateFilter(const EventFilter& f) {
  return !f.cameo.empty() || f.quad_class > 0 || !f.plover.empty() || !f.modality.empty() ||
         !f.date_from.empty() || !f.date_to.empty();
}

RollupGroup CuboidFor(const EventFilter& f, GroupBy g) {
  if (HasPlaceFilter(f)) return RollupGroup::kPlace;
  if (HasDyadFilter(f)) return RollupGroup::kDyad;
  switch (g) {
    case GroupBy::kDyad: return RollupGroup::kDyad;
    case GroupBy::kActor: return RollupGroup::kActor;
    case GroupBy::kPlace: return RollupGroup::kPlace;
    default: return RollupGroup::kAll;
  }
}

RollupLevel LevelOf(Period p) {
  switch (p) {
    case Period::kDay: return RollupLevel::kDay;
    case Period::kWeek: return RollupLevel::kWeek;
    default: return RollupLevel::kMonth;
  }
}

constexpr int64_t kOpenLow = kUndatedPeriod + 1;
constexpr int64_t kOpenHigh = std::numeric_limits<int32_t>::max();

// An inclusive range of one table's period values.
struct Piece {
  RollupLevel level;
  bool ranged = false;
  int64_t lo = kOpenLow, hi = kOpenHigh;
};

int64_t MonthValue(CivilDate d) { return d.year * 100 + d.month; }
CivilDate MonthStart(int64_t month) {
  return {static_cast<int>(month / 100), static_cast<int>(month % 100), 1};
}

// The first and last whole period of `level` inside [lo, hi] (days; open ends allowed),
// as period values, and the days that period range covers.
bool Interior(RollupLevel level, int64_t lo, int64_t hi, bool lo_open, bool hi_open,
              Piece* interior, int64_t* first_day, int64_t* last_day) {
  interior->level = level;
  interior->ranged = true;
  if (level == RollupLevel::kWeek) {
    int64_t a = lo_open ? kOpenLow : (WeekStart(lo) == lo ? lo : WeekStart(lo) + 7);
    int64_t b = hi_open ? kOpenHigh : (WeekStart(hi) + 6 == hi ? WeekStart(hi) : WeekStart(hi) - 7);
    interior->lo = a;
    interior->hi = b;
    *first_day = a;
    *last_day = hi_open ? kOpenHigh : b + 6;
    return a <= b;
  }
  CivilDate l = CivilFromDays(lo_open ? 0 : lo), h = CivilFromDays(hi_open ? 0 : hi);
  int64_t a = kOpenLow, b = kOpenHigh;
  if (!lo_open) a = l.day == 1 ? MonthValue(l) : MonthValue(AddMonths({l.year, l.month, 1}, 1));
  if (!hi_open) {
    bool last = h.day == DaysInMonth(h.year, h.month);
    b = last ? MonthValue(h) : MonthValue(AddMonths({h.year, h.month, 1}, -1));
  }
  interior->lo = a;
  interior->hi = b;
  *first_day = lo_open ? kOpenLow : DaysFromCivil(MonthStart(a));
  *last_day = hi_open ? kOpenHigh : DaysFromCivil(AddMonths(MonthStart(b), 1)) - 1;
  return a <= b;
}

// The tables and period ranges whose union is exactly the days of the filter's range.
std::vector<Piece> Pieces(Period period, const EventFilter& f) {
  RollupLevel level = LevelOf(period);
  if (f.date_from.empty() && f.date_to.empty()) return {{level}};
  bool lo_open = f.date_from.empty(), hi_open = f.date_to.empty();
  int64_t lo = lo_open ? kOpenLow : DayNumber(f.date_from);
  int64_t hi = hi_open ? kOpenHigh : DayNumber(f.date_to);
  // Like `day >= ?` on events: an unreadable date excludes nothing but undated events,
  // and an unreadable end date excludes everything.
  if (lo == kUnknownDay) { lo = kOpenLow; lo_open = true; }
  if (hi == kUnknownDay) return {{RollupLevel::kDay, true, 1, 0}};
  if (level == RollupLevel::kDay) return {{RollupLevel::kDay, true, lo, hi}};
  Piece interior;
  int64_t first = 0, last = 0;
  if (!Interior(level, lo, hi, lo_open, hi_open, &interior, &first, &last)) {
    return {{RollupLevel::kDay, true, lo, hi}};
  }
  std::vector<Piece> out = {interior};
  if (!lo_open && lo < first) out.push_back({RollupLevel::kDay, true, lo, first - 1});
  if (!hi_open && last < hi) out.push_back({RollupLevel::kDay, true, last + 1, hi});
  return out;
}

// The period a cell of `piece`'s table has in the output.
std::string PeriodOut(Period period, RollupLevel table_level) {
  if (period == Period::kAll) return "0";
  if (table_level == RollupLevel::kDay) return RollupPeriodColumn(LevelOf(period));
  return RollupPeriodColumn(table_level);
}

struct Side {
  std::vector<std::string> keys;  // expressions for the output group columns
  std::string condition;          // "" = none
};

// How the cuboid's rows map to the output group.
std::vector<Side> SidesFor(RollupGroup cuboid, GroupBy group) {
  switch (group) {
    case GroupBy::kNone: return {{{}, ""}};
    case GroupBy::kDyad: return {{{"source", "target"}, ""}};
    case GroupBy::kPlace: return {{{"place"}, ""}};
    case GroupBy::kActor:
      if (cuboid == RollupGroup::kActor) return {{{"actor"}, ""}};
      return {{{"source"}, "source <> ''"},
              {{"target"}, "target <> '' AND target <> source"}};
  }
  return {};
}

std::string Join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}

bool NeedsTypes(const EventFilter& f) { return !f.cameo.empty() || f.quad_class > 0 || !f.plover.empty(); }

// Conditions on the event type and, for place rollups, the place. Quad class and PLOVER
// type also become sets of CAMEO codes (from rollup_types), so the code index serves them.
void TypeAndPlaceConditions(const EventFilter& f, RollupGroup cuboid,
                            std::vector<std::string>* where, std::vector<SqlValue>* params) {
  if (!f.cameo.empty()) where->push_back(CodePrefixClause("cameo", f.cameo, params));
  if (f.quad_class > 0) {
    params->push_back(int64_t{f.quad_class});
    params->push_back(int64_t{f.quad_class});
    where->push_back("cameo IN (SELECT cameo FROM rollup_types WHERE quad_class = ?) AND quad_class = ?");
  }
  if (!f.plover.empty()) {
    params->push_back(f.plover);
    params->push_back(f.plover);
    where->push_back("cameo IN (SELECT cameo FROM rollup_types WHERE plover = ?) AND plover = ?");
  }
  if (!f.modality.empty()) { params->push_back(f.modality); where->push_back("modality = ?"); }
  if (cuboid != RollupGroup::kPlace) return;
  if (!f.place.empty()) {
    params->push_back("%" + f.place + "%");
    where->push_back("place IN (SELECT id FROM places WHERE name LIKE ?)");
  }
  if (f.has_circle) {
    where->push_back("place IN (SELECT id FROM places WHERE " + CircleClause(f, params) + ")");
  }
}

// Conditions on the dyad's codes. An actor on either side becomes two disjoint variants
// (source matches; target matches and source does not), each served by an index.
std::vector<std::vector<std::string>> DyadVariants(const EventFilter& f,
                                                   std::vector<std::vector<SqlValue>>* params) {
  std::vector<std::string> common;
  std::vector<SqlValue> common_params;
  if (!f.source.empty()) common.push_back(CodePrefixClause("source", f.source, &common_params));
  if (!f.target.empty()) common.push_back(CodePrefixClause("target", f.target, &common_params));
  if (f.actor.empty()) {
    params->push_back(common_params);
    return {common};
  }
  std::vector<std::vector<std::string>> out;
  for (int v = 0; v < 2; ++v) {
    std::vector<std::string> where = common;
    std::vector<SqlValue> p = common_params;
    std::string source = CodePrefixClause("source", f.actor, &p);
    if (v == 0) {
      where.push_back(source);
    } else {
      where.push_back(CodePrefixClause("target", f.actor, &p));
      where.push_back("NOT " + source);
    }
    out.push_back(where);
    params->push_back(p);
  }
  return out;
}

// The side's group key is one of `only`. Written as IN (SELECT ... FROM (VALUES ...)):
// SQLite seeks the primary key for each listed group, where a row-value IN list would be
// scanned and a join may first build a Bloom filter over the whole table.
std::string OnlyCondition(const Side& side, const std::vector<std::vector<SqlValue>>& only,
                          std::vector<SqlValue>* params) {
  std::vector<std::string> tuples;
  for (const auto& key : only) {
    std::vector<std::string> marks;
    for (const SqlValue& v : key) {
      params->push_back(v);
      marks.push_back("?");
    }
    tuples.push_back("(" + Join(marks, ", ") + ")");
  }
  std::vector<std::string> columns;
  for (size_t i = 0; i < side.keys.size(); ++i) columns.push_back("column" + std::to_string(i + 1));
  return "(" + Join(side.keys, ", ") + ") IN (SELECT " + Join(columns, ", ") +
         " FROM (VALUES " + Join(tuples, ", ") + "))";
}

}  // namespace

std::string CodePrefixClause(const std::string& column, const std::string& prefix,
                             std::vector<SqlValue>* params) {
  std::string upper = prefix;
  upper.back() = static_cast<char>(upper.back() + 1);
  params->push_back(prefix);
  params->push_back(upper);
  return "(" + column + " >= ? AND " + column + " < ?)";
}

std::string CircleClause(const EventFilter& f, std::vector<SqlValue>* params) {
  double dlat = f.radius_km / 111.0;  // a degree of latitude is about 111 km
  params->push_back(f.lat - dlat);
  params->push_back(f.lat + dlat);
  params->push_back(f.lat);
  params->push_back(f.lon);
  params->push_back(f.radius_km);
  return "lat BETWEEN ? AND ? AND distance_km(lat, lon, ?, ?) <= ?";
}

bool RollupsCanAnswer(const EventFilter& f, GroupBy group) {
  for (char c : f.actor) if (c >= 'a' && c <= 'z') return false;  // actor names
  if (!f.words.empty()) return false;
  if (HasDyadFilter(f) && HasPlaceFilter(f)) return false;
  if (HasPlaceFilter(f)) return group == GroupBy::kNone || group == GroupBy::kPlace;
  if (HasDyadFilter(f)) return group != GroupBy::kPlace;
  return true;
}

bool FilterOnlyOnGroup(const EventFilter& f, GroupBy group) {
  if (HasTypeOrDateFilter(f)) return false;
  switch (group) {
    case GroupBy::kDyad: return !HasPlaceFilter(f);
    case GroupBy::kActor: return !HasPlaceFilter(f) && !HasDyadFilter(f);
    case GroupBy::kPlace: return !HasDyadFilter(f);
    default: return false;
  }
}

namespace {

// One SELECT of cells (period, keys, events, mentions, goldstein_milli) from `table`.
std::string Branch(const std::string& table, const std::string& period_out,
                   const std::vector<std::string>& keys, const std::vector<std::string>& where) {
  std::vector<std::string> select = {period_out + " AS period"};
  for (size_t k = 0; k < keys.size(); ++k) select.push_back(keys[k] + " AS k" + std::to_string(k));
  select.push_back("events");
  select.push_back("mentions");
  select.push_back("goldstein_milli");
  return "SELECT " + Join(select, ", ") + " FROM " + table +
         (where.empty() ? "" : " WHERE " + Join(where, " AND "));
}

void AddRange(const Piece& piece, std::vector<std::string>* where, std::vector<SqlValue>* params) {
  if (!piece.ranged) return;
  params->push_back(piece.lo);
  params->push_back(piece.hi);
  where->push_back(std::string(RollupPeriodColumn(piece.level)) + " BETWEEN ? AND ?");
}

bool StartsWith(const SqlValue& v, const std::string& prefix) {
  auto* s = std::get_if<std::string>(&v);
  return s && s->compare(0, prefix.size(), prefix) == 0;
}

// Listed actors under an actor filter (and no dyad filter): an actor the filter's prefix
// matches takes part only in matching events, so its own rollup rows are its cells; any
// other actor's cells are its dyads with a matching partner.
std::string ListedActorsUnderActorFilter(Period period, const EventFilter& f,
                                         const std::vector<std::vector<SqlValue>>& only,
                                         std::vector<SqlValue>* params) {
  std::vector<std::vector<SqlValue>> matching, others;
  for (const auto& key : only) (StartsWith(key[0], f.actor) ? matching : others).push_back(key);
  std::vector<std::string> branches;
  bool typed = NeedsTypes(f);
  for (const Piece& piece : Pieces(period, f)) {
    std::string out = PeriodOut(period, piece.level);
    if (!matching.empty()) {
      std::vector<std::string> where;
      AddRange(piece, &where, params);
      TypeAndPlaceConditions(f, RollupGroup::kActor, &where, params);
      where.push_back(OnlyCondition({{"actor"}, ""}, matching, params));
      branches.push_back(Branch(RollupTable(RollupGroup::kActor, piece.level, typed), out,
                                {"actor"}, where));
    }
    if (others.empty()) continue;
    for (const char* side : {"source", "target"}) {
      std::string partner = std::string(side) == "source" ? "target" : "source";
      std::vector<std::string> where;
      where.push_back(OnlyCondition({{side}, ""}, others, params));
      where.push_back(CodePrefixClause(partner, f.actor, params));
      AddRange(piece, &where, params);
      TypeAndPlaceConditions(f, RollupGroup::kDyad, &where, params);
      branches.push_back(Branch(RollupTable(RollupGroup::kDyad, piece.level, typed), out,
                                {side}, where));
    }
  }
  return "SELECT period, k0, sum(events), sum(mentions), sum(goldstein_milli) FROM (" +
         Join(branches, " UNION ALL ") + ") GROUP BY period, k0";
}

}  // namespace

std::string RollupCellSql(GroupBy group, Period period, const EventFilter& f,
                          const std::vector<std::vector<SqlValue>>& only,
                          std::vector<SqlValue>* params) {
  RollupGroup cuboid = CuboidFor(f, group);
  if (group == GroupBy::kActor && !only.empty() && !f.actor.empty() && f.source.empty() &&
      f.target.empty()) {
    return ListedActorsUnderActorFilter(period, f, only, params);
  }
  std::vector<std::vector<SqlValue>> variant_params;
  std::vector<std::vector<std::string>> variants = {{}};
  if (cuboid == RollupGroup::kDyad) variants = DyadVariants(f, &variant_params);
  else variant_params.push_back({});
  std::vector<Side> sides = SidesFor(cuboid, group);
  std::vector<std::string> branches;
  bool typed = NeedsTypes(f);
  for (const Piece& piece : Pieces(period, f)) {
    std::string table = RollupTable(cuboid, piece.level, typed);
    // Reading every group under a type or date condition: the covering index that leads
    // with it (the planner, on sampled statistics, may prefer a skip-scan of the key).
    std::string index = RollupScanIndex(cuboid, piece.level, typed);
    bool scan = only.empty() && !index.empty() && (typed || piece.ranged) &&
                (cuboid != RollupGroup::kDyad || (f.actor.empty() && f.source.empty() && f.target.empty()));
    if (scan) table += " INDEXED BY " + index;
    for (size_t v = 0; v < variants.size(); ++v) {
      for (const Side& side : sides) {
        std::vector<std::string> where = variants[v];
        for (const SqlValue& p : variant_params[v]) params->push_back(p);
        AddRange(piece, &where, params);
        TypeAndPlaceConditions(f, cuboid, &where, params);
        if (!side.condition.empty()) where.push_back(side.condition);
        if (!only.empty()) where.push_back(OnlyCondition(side, only, params));
        branches.push_back(Branch(table, PeriodOut(period, piece.level), side.keys, where));
      }
    }
  }
  std::vector<std::string> keys = {"period"};
  for (size_t k = 0; k < sides[0].keys.size(); ++k) keys.push_back("k" + std::to_string(k));
  return "SELECT " + Join(keys, ", ") + ", sum(events), sum(mentions), sum(goldstein_milli) FROM (" +
         Join(branches, " UNION ALL ") + ") GROUP BY " + Join(keys, ", ");
}

namespace {

// The filter's place conditions alone (a place name or a circle).
EventFilter PlaceConditionsOnly(const EventFilter& f) {
  EventFilter out;
  out.place = f.place;
  out.has_circle = f.has_circle;
  out.lat = f.lat;
  out.lon = f.lon;
  out.radius_km = f.radius_km;
  return out;
}

}  // namespace

std::string RollupCandidateSql(GroupBy group, const EventFilter& f, size_t k,
                               int64_t min_events, std::vector<SqlValue>* params) {
  RollupGroup own = group == GroupBy::kDyad    ? RollupGroup::kDyad
                    : group == GroupBy::kActor ? RollupGroup::kActor
                                               : RollupGroup::kPlace;
  // Only conditions on the group's own key narrow its candidates.
  std::vector<std::string> columns = RollupGroupColumns(own);
  std::vector<std::string> where;
  if (own == RollupGroup::kDyad) {
    std::vector<std::vector<SqlValue>> variant_params;
    auto variants = DyadVariants(f, &variant_params);
    // Candidates need no index split: one OR of the variants.
    std::vector<std::string> ors;
    for (size_t v = 0; v < variants.size(); ++v) {
      if (variants[v].empty()) continue;
      ors.push_back("(" + Join(variants[v], " AND ") + ")");
      for (const SqlValue& p : variant_params[v]) params->push_back(p);
    }
    if (!ors.empty()) where.push_back("(" + Join(ors, " OR ") + ")");
  } else if (own == RollupGroup::kPlace) {
    TypeAndPlaceConditions(PlaceConditionsOnly(f), own, &where, params);
  }
  if (min_events > 0) {
    params->push_back(min_events);
    where.push_back("events >= ?");
  }
  std::vector<std::string> order = {"events DESC"};
  for (const std::string& c : columns) order.push_back(c);
  return "SELECT " + Join(columns, ", ") + ", events FROM " + RollupTotalTable(own) +
         (where.empty() ? "" : " WHERE " + Join(where, " AND ")) + " ORDER BY " +
         Join(order, ", ") + " LIMIT " + std::to_string(k);
}

bool PlaceQuadCanAnswer(const EventFilter& f) {
  EventFilter rest = f;
  rest.quad_class = 0;
  return rest.words.empty() && FilterOnlyOnGroup(rest, GroupBy::kPlace) && !HasDyadFilter(rest);
}

std::string RollupPlaceQuadSql(const EventFilter& f, std::vector<SqlValue>* params) {
  std::vector<std::string> where = {"p.lat IS NOT NULL", "p.lon IS NOT NULL"};
  if (f.quad_class > 0) {
    params->push_back(int64_t{f.quad_class});
    where.push_back("r.quad_class = ?");
  } else {
    where.push_back("r.quad_class BETWEEN 1 AND 4");  // events without one are on no map
  }
  std::vector<std::string> place_where;
  TypeAndPlaceConditions(PlaceConditionsOnly(f), RollupGroup::kPlace, &place_where, params);
  for (const std::string& w : place_where) where.push_back("r." + w);
  return "SELECT r.place, p.lat, p.lon, r.quad_class, r.events FROM " + RollupPlaceQuadTable() +
         " r JOIN places p ON p.id = r.place WHERE " + Join(where, " AND ");
}

}  // namespace sitrep
