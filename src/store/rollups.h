// Rollups: aggregate tables the store keeps beside `events`, so that counts and Goldstein
// sums per period, per dyad, per actor and per place are answered without reading events.
//
// Every rollup row holds, for one combination of its key columns:
//   events           the number of merged events,
//   mentions         the sum of their NumMentions,
//   goldstein_milli  the sum of their Goldstein values in thousandths, as an integer (so
//                    sums stay exact however often they are updated).
//
// Tables, for each group and each level (day, week, month):
//
//   rollup_<group>_<level>        keyed by group, period and modality
//   rollup_<group>_<level>_type   keyed by group, CAMEO code, period, quad class, PLOVER
//                                 type and modality (read when a filter names a type)
//
// where <group> is
//   all     no group: one row per period (and type)
//   dyad    source, target: the directed dyad of CAMEO actor codes
//   actor   actor: each event counts once for its source and once for its target (once
//           only when both are the same code; an empty code counts for nobody)
//   place   place: the id of the event's place (events without a place are in no row)
//
// and over all time:
//   rollup_{dyad,actor,place}_total  per group, ranked by events (top-N candidates)
//   rollup_types                     per event type (cameo, quad_class, plover, modality)
//   rollup_place_quad                per place and quad class (schema 5; the map's counts)
//
// Periods: `day` is the day number (days since 1970-01-01), `week` the day number of the
// week's Monday, `month` year * 100 + month. Day tables also carry the week and month of
// their day. Undated events have period kUndatedPeriod at every level.
//
// Indexes: the primary key leads with the group (reading a few groups' series); a covering
// index leads with the period (untyped) or the CAMEO code and period (typed), for scans of
// every group over a date range or an event type.
//
// Consistency: SQL triggers on `events` update every rollup in the statement that inserts,
// updates or deletes the event — inside the same transaction — so the rollups are exact
// after any Add, any merge (NumMentions grows, a place is learnt) and any crash.
// EventStore::CheckRollups compares them with a recomputation from `events`.
//
// Thread safety: pure functions returning SQL text.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sitrep {

enum class RollupGroup { kAll, kDyad, kActor, kPlace };
enum class RollupLevel { kDay, kWeek, kMonth };

// The period of undated events in every rollup table.
inline constexpr int64_t kUndatedPeriod = -2147483648LL;

// "rollup_dyad_month", or with `typed` "rollup_dyad_month_type".
std::string RollupTable(RollupGroup group, RollupLevel level, bool typed = false);
// The covering index of a level table that leads with the period (untyped) or with the
// CAMEO code and the period (typed); "" for kAll, whose key already leads so.
std::string RollupScanIndex(RollupGroup group, RollupLevel level, bool typed = false);
// "rollup_dyad_total"; for kAll "rollup_types".
std::string RollupTotalTable(RollupGroup group);
// The group's key columns: {}, {"source", "target"}, {"actor"}, {"place"}.
std::vector<std::string> RollupGroupColumns(RollupGroup group);
// The period column of a level: "day", "week", "month".
const char* RollupPeriodColumn(RollupLevel level);

// Every rollup table of the present schema, in schema order.
std::vector<std::string> RollupTableNames();

// "rollup_place_quad": events per place and quad class (0 when the event has none) over
// all time, added by schema version 5.
std::string RollupPlaceQuadTable();

// The statements that create the rollup tables of schema version 3 (every table but
// rollup_place_quad), their indexes and triggers, and fill them from the rows already in
// `events` (migration step 2 -> 3). Kept as version 3 made them.
std::string RollupSchemaSql();
// Migration step 4 -> 5: creates rollup_place_quad, fills it from `events` and makes the
// triggers again so that they keep every table, rollup_place_quad included.
std::string RollupPlaceQuadSchemaSql();

// A SELECT that recomputes `table` from `events`, with the table's columns in its order,
// sorted by its key. Empty for an unknown table.
std::string RollupRecomputeSql(const std::string& table);
// A SELECT of `table`'s rows in the same column order and sort.
std::string RollupContentSql(const std::string& table);

// The day number of the Monday of `day`'s week.
int64_t WeekStart(int64_t day);

}  // namespace sitrep
