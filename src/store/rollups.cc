#include "store/rollups.h"

namespace sitrep {

namespace {

// Expressions below use "R." for the event row; it becomes "new.", "old." or "e.".
struct Side {
  std::vector<std::string> group_exprs;
  std::string condition;
};

struct Column {
  std::string name;
  std::string expr;
};

struct TableDef {
  std::string name;
  std::vector<Column> key;    // the primary key, in order
  std::vector<Column> extra;  // columns that depend on the key (a day's week and month)
  std::vector<Side> sides;    // how an event contributes rows (twice for actors)
  std::vector<std::string> group_columns;
  std::vector<std::vector<std::string>> indexes;
};

const char kUndated[] = "-2147483648";

std::string DayExpr() { return std::string("coalesce(R.day, ") + kUndated + ")"; }
std::string MonthExpr() { return std::string("coalesce(R.month, ") + kUndated + ")"; }
std::string WeekExpr() {
  return std::string("CASE WHEN R.day IS NULL THEN ") + kUndated +
         " ELSE R.day - ((R.day + 3) % 7 + 7) % 7 END";
}

std::vector<Side> SidesOf(RollupGroup g) {
  switch (g) {
    case RollupGroup::kAll: return {{{}, "1"}};
    case RollupGroup::kDyad: return {{{"R.source_code", "R.target_code"}, "1"}};
    case RollupGroup::kActor:
      return {{{"R.source_code"}, "R.source_code <> ''"},
              {{"R.target_code"}, "R.target_code <> '' AND R.target_code <> R.source_code"}};
    case RollupGroup::kPlace: return {{{"R.place"}, "R.place IS NOT NULL"}};
  }
  return {};
}

const char* GroupName(RollupGroup g) {
  switch (g) {
    case RollupGroup::kAll: return "all";
    case RollupGroup::kDyad: return "dyad";
    case RollupGroup::kActor: return "actor";
    default: return "place";
  }
}

const char* LevelName(RollupLevel l) {
  switch (l) {
    case RollupLevel::kDay: return "day";
    case RollupLevel::kWeek: return "week";
    default: return "month";
  }
}

// Measures of every rollup row, after its key.
const char* const kMeasures[] = {"events", "mentions", "goldstein_milli"};

TableDef LevelTable(RollupGroup g, RollupLevel l, bool typed) {
  TableDef t;
  t.name = RollupTable(g, l, typed);
  t.group_columns = RollupGroupColumns(g);
  t.sides = SidesOf(g);
  std::string period = RollupPeriodColumn(l);
  Column period_column{period, l == RollupLevel::kDay    ? DayExpr()
                               : l == RollupLevel::kWeek ? WeekExpr() : MonthExpr()};
  std::vector<std::string> group_cols = t.group_columns;
  for (const std::string& c : group_cols) t.key.push_back({c, ""});
  if (typed) t.key.push_back({"cameo", "coalesce(R.cameo, '')"});
  t.key.push_back(period_column);
  if (typed) {
    t.key.push_back({"quad_class", "coalesce(R.quad_class, 0)"});
    t.key.push_back({"plover", "coalesce(R.plover, '')"});
  }
  t.key.push_back({"modality", "R.modality"});
  if (l == RollupLevel::kDay) {
    t.extra.push_back({"week", WeekExpr()});
    t.extra.push_back({"month", MonthExpr()});
  }
  if (g == RollupGroup::kAll) return t;
  // A covering index in period (typed: type, period) order, for scans over every group.
  std::vector<std::string> scan;
  if (typed) scan.push_back("cameo");
  scan.push_back(period);
  for (const Column& c : t.key) {
    if (c.name != period && c.name != "cameo") scan.push_back(c.name);
  }
  for (const Column& c : t.extra) scan.push_back(c.name);
  for (const char* m : kMeasures) scan.push_back(m);
  t.indexes.push_back(scan);
  // Dyads by target: an actor on either side, a listed actor's partners.
  if (g == RollupGroup::kDyad) {
    t.indexes.push_back(typed ? std::vector<std::string>{"target", "source", "cameo", period}
                              : std::vector<std::string>{"target", "source", period});
  }
  return t;
}

TableDef TotalTable(RollupGroup g) {
  TableDef t;
  t.name = RollupTotalTable(g);
  t.sides = SidesOf(g);
  if (g == RollupGroup::kAll) {
    // Every event type seen, for filters on quad class and PLOVER type.
    t.key = {{"cameo", "coalesce(R.cameo, '')"}, {"quad_class", "coalesce(R.quad_class, 0)"},
             {"plover", "coalesce(R.plover, '')"}, {"modality", "R.modality"}};
    return t;
  }
  t.group_columns = RollupGroupColumns(g);
  for (const std::string& c : t.group_columns) t.key.push_back({c, ""});
  std::vector<std::string> rank = {"events DESC"};
  for (const std::string& c : t.group_columns) rank.push_back(c);
  t.indexes.push_back(rank);
  return t;
}

// The table schema 5 adds: per place and quad class over all time (the map's counts).
TableDef PlaceQuadTable() {
  TableDef t;
  t.name = RollupPlaceQuadTable();
  t.sides = SidesOf(RollupGroup::kPlace);
  t.group_columns = RollupGroupColumns(RollupGroup::kPlace);
  t.key = {{"place", ""}, {"quad_class", "coalesce(R.quad_class, 0)"}};
  return t;
}

// The tables schema 3 made (RollupSchemaSql); AllTables adds schema 5's.
std::vector<TableDef> Version3Tables() {
  std::vector<TableDef> out;
  for (RollupGroup g : {RollupGroup::kAll, RollupGroup::kDyad, RollupGroup::kActor,
                        RollupGroup::kPlace}) {
    for (bool typed : {false, true}) {
      for (RollupLevel l : {RollupLevel::kDay, RollupLevel::kWeek, RollupLevel::kMonth}) {
        out.push_back(LevelTable(g, l, typed));
      }
    }
    out.push_back(TotalTable(g));
  }
  return out;
}

std::vector<TableDef> AllTables() {
  std::vector<TableDef> out = Version3Tables();
  out.push_back(PlaceQuadTable());
  return out;
}

std::string Replace(std::string s, const std::string& row) {
  for (size_t p = 0; (p = s.find("R.", p)) != std::string::npos; p += row.size()) {
    s.replace(p, 2, row);
  }
  return s;
}

// The key and extra expressions of `t` for one side, with "R." replaced by `row`.
std::vector<std::string> KeyExprs(const TableDef& t, const Side& side, const std::string& row) {
  std::vector<std::string> out;
  for (size_t i = 0; i < t.key.size(); ++i) {
    out.push_back(Replace(i < side.group_exprs.size() ? side.group_exprs[i] : t.key[i].expr, row));
  }
  for (const Column& c : t.extra) out.push_back(Replace(c.expr, row));
  return out;
}

std::vector<std::string> ColumnNames(const TableDef& t) {
  std::vector<std::string> out;
  for (const Column& c : t.key) out.push_back(c.name);
  for (const Column& c : t.extra) out.push_back(c.name);
  return out;
}

std::string Join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}

std::string Goldstein(const std::string& row) {
  return "CAST(round(coalesce(" + row + "goldstein, 0) * 1000) AS INTEGER)";
}

std::string CreateSql(const TableDef& t) {
  std::string sql = "CREATE TABLE " + t.name + "(";
  for (const std::string& c : ColumnNames(t)) sql += c + " NOT NULL, ";
  std::vector<std::string> key;
  for (const Column& c : t.key) key.push_back(c.name);
  sql += "events INTEGER NOT NULL, mentions INTEGER NOT NULL, goldstein_milli INTEGER NOT NULL, "
         "PRIMARY KEY(" + Join(key, ", ") + ")) WITHOUT ROWID;\n";
  for (size_t i = 0; i < t.indexes.size(); ++i) {
    sql += "CREATE INDEX " + t.name + "_" + std::to_string(i) + " ON " + t.name + "(" +
           Join(t.indexes[i], ", ") + ");\n";
  }
  return sql;
}

// Conditions "col = expr AND ..." over the key of `t` for one side.
std::string KeyMatch(const TableDef& t, const Side& side, const std::string& row) {
  std::vector<std::string> exprs = KeyExprs(t, side, row);
  std::vector<std::string> terms;
  for (size_t i = 0; i < t.key.size(); ++i) terms.push_back(t.key[i].name + " = " + exprs[i]);
  return Join(terms, " AND ");
}

std::string AddSql(const TableDef& t, const std::string& row) {
  std::string sql;
  std::vector<std::string> key;
  for (const Column& c : t.key) key.push_back(c.name);
  for (const Side& side : t.sides) {
    sql += "  INSERT INTO " + t.name + "(" + Join(ColumnNames(t), ", ") +
           ", events, mentions, goldstein_milli) SELECT " + Join(KeyExprs(t, side, row), ", ") +
           ", 1, coalesce(" + row + "num_mentions, 0), " + Goldstein(row) + " WHERE " +
           Replace(side.condition, row) + " ON CONFLICT(" + Join(key, ", ") +
           ") DO UPDATE SET events = events + 1, mentions = mentions + excluded.mentions,"
           " goldstein_milli = goldstein_milli + excluded.goldstein_milli;\n";
  }
  return sql;
}

std::string RemoveSql(const TableDef& t, const std::string& row) {
  std::string sql;
  for (const Side& side : t.sides) {
    std::string where = KeyMatch(t, side, row) + " AND " + Replace(side.condition, row);
    sql += "  UPDATE " + t.name + " SET events = events - 1, mentions = mentions - coalesce(" +
           row + "num_mentions, 0), goldstein_milli = goldstein_milli - " + Goldstein(row) +
           " WHERE " + where + ";\n";
    sql += "  DELETE FROM " + t.name + " WHERE " + where + " AND events <= 0;\n";
  }
  return sql;
}

std::string MentionDeltaSql(const TableDef& t) {
  std::string sql;
  for (const Side& side : t.sides) {
    sql += "  UPDATE " + t.name +
           " SET mentions = mentions + coalesce(new.num_mentions, 0) - coalesce(old.num_mentions, 0)"
           " WHERE " + KeyMatch(t, side, "new.") + " AND " + Replace(side.condition, "new.") + ";\n";
  }
  return sql;
}

// Columns whose change moves an event between rollup rows.
const char* const kKeyColumns[] = {"source_code", "target_code", "cameo", "quad_class",
                                   "plover", "modality", "day", "month", "place", "goldstein"};

std::string KeyChanged() {
  std::vector<std::string> terms;
  for (const char* c : kKeyColumns) terms.push_back(std::string("old.") + c + " IS NOT new." + c);
  return "(" + Join(terms, " OR ") + ")";
}

std::string TriggersSql(const std::vector<TableDef>& tables) {
  std::string add_new, remove_old, delta;
  for (const TableDef& t : tables) {
    add_new += AddSql(t, "new.");
    remove_old += RemoveSql(t, "old.");
    delta += MentionDeltaSql(t);
  }
  std::vector<std::string> cols(std::begin(kKeyColumns), std::end(kKeyColumns));
  return "CREATE TRIGGER rollups_insert AFTER INSERT ON events BEGIN\n" + add_new + "END;\n" +
         "CREATE TRIGGER rollups_mentions AFTER UPDATE OF num_mentions ON events WHEN "
         "new.num_mentions IS NOT old.num_mentions AND NOT " + KeyChanged() + " BEGIN\n" + delta +
         "END;\n" +
         "CREATE TRIGGER rollups_move AFTER UPDATE OF num_mentions, " + Join(cols, ", ") +
         " ON events WHEN " + KeyChanged() + " BEGIN\n" + remove_old + add_new + "END;\n" +
         "CREATE TRIGGER rollups_delete AFTER DELETE ON events BEGIN\n" + remove_old + "END;\n";
}

// SELECT ... GROUP BY over `events` giving `t`'s rows.
std::string RecomputeSql(const TableDef& t) {
  std::vector<std::string> parts;
  std::vector<std::string> names = ColumnNames(t);
  for (const Side& side : t.sides) {
    std::vector<std::string> exprs = KeyExprs(t, side, "e.");
    std::vector<std::string> select;
    for (size_t i = 0; i < exprs.size(); ++i) select.push_back(exprs[i] + " AS " + names[i]);
    parts.push_back("SELECT " + Join(select, ", ") + ", coalesce(e.num_mentions, 0) AS m, " +
                    Goldstein("e.") + " AS g FROM events e WHERE " +
                    Replace(side.condition, "e."));
  }
  std::vector<std::string> key;
  for (const Column& c : t.key) key.push_back(c.name);
  return "SELECT " + Join(names, ", ") + ", count(*) AS events, sum(m) AS mentions, "
         "sum(g) AS goldstein_milli FROM (" + Join(parts, " UNION ALL ") + ") GROUP BY " +
         Join(key, ", ") + " ORDER BY " + Join(key, ", ");
}

std::string FillSql(const TableDef& t) {
  return "INSERT INTO " + t.name + "(" + Join(ColumnNames(t), ", ") +
         ", events, mentions, goldstein_milli) " + RecomputeSql(t) + ";\n";
}

const TableDef* FindTable(const std::vector<TableDef>& tables, const std::string& name) {
  for (const TableDef& t : tables) if (t.name == name) return &t;
  return nullptr;
}

}  // namespace

std::string RollupTable(RollupGroup group, RollupLevel level, bool typed) {
  return std::string("rollup_") + GroupName(group) + "_" + LevelName(level) + (typed ? "_type" : "");
}

std::string RollupScanIndex(RollupGroup group, RollupLevel level, bool typed) {
  // LevelTable creates it first.
  return group == RollupGroup::kAll ? "" : RollupTable(group, level, typed) + "_0";
}

std::string RollupTotalTable(RollupGroup group) {
  return group == RollupGroup::kAll ? "rollup_types"
                                    : std::string("rollup_") + GroupName(group) + "_total";
}

std::vector<std::string> RollupGroupColumns(RollupGroup group) {
  switch (group) {
    case RollupGroup::kAll: return {};
    case RollupGroup::kDyad: return {"source", "target"};
    case RollupGroup::kActor: return {"actor"};
    default: return {"place"};
  }
}

const char* RollupPeriodColumn(RollupLevel level) { return LevelName(level); }

std::vector<std::string> RollupTableNames() {
  std::vector<std::string> out;
  for (const TableDef& t : AllTables()) out.push_back(t.name);
  return out;
}

std::string RollupPlaceQuadTable() { return "rollup_place_quad"; }

std::string RollupSchemaSql() {
  std::vector<TableDef> tables = Version3Tables();
  std::string sql;
  for (const TableDef& t : tables) sql += CreateSql(t) + FillSql(t);
  return sql + TriggersSql(tables);
}

std::string RollupPlaceQuadSchemaSql() {
  TableDef t = PlaceQuadTable();
  // The triggers are one statement list over every table: made again with the new one.
  return CreateSql(t) + FillSql(t) +
         "DROP TRIGGER rollups_insert;\nDROP TRIGGER rollups_mentions;\n"
         "DROP TRIGGER rollups_move;\nDROP TRIGGER rollups_delete;\n" +
         TriggersSql(AllTables());
}

std::string RollupRecomputeSql(const std::string& table) {
  std::vector<TableDef> tables = AllTables();
  const TableDef* t = FindTable(tables, table);
  return t ? RecomputeSql(*t) : "";
}

std::string RollupContentSql(const std::string& table) {
  std::vector<TableDef> tables = AllTables();
  const TableDef* t = FindTable(tables, table);
  if (!t) return "";
  std::vector<std::string> key;
  for (const Column& c : t->key) key.push_back(c.name);
  return "SELECT " + Join(ColumnNames(*t), ", ") + ", events, mentions, goldstein_milli FROM " +
         t->name + " ORDER BY " + Join(key, ", ");
}

int64_t WeekStart(int64_t day) { return day - ((day + 3) % 7 + 7) % 7; }

}  // namespace sitrep
