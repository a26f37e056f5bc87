// The SQL that answers an aggregation from the rollup tables (store/rollups.h) instead of
// `events`; used by RunQuery (store/query.h), which ranks and formats the rows.
//
// A "cell" is one row (period, group key..., events, mentions, goldstein_milli), summed over
// event types. Cells come from the coarsest rollup level that fits: a month aggregation
// reads rollup_*_month for the whole months inside the date range and rollup_*_day for the
// days at its ragged ends; a week aggregation does the same with weeks; a day aggregation
// reads days. Which rollup group is read follows from the filter: a filter on a dyad or on
// an actor (by code) reads the dyad rollups (grouping by actor then takes both sides), a
// place filter reads the place rollups.
//
// Thread safety: pure functions returning SQL text and parameters.
#pragma once

#include <string>
#include <vector>

#include "store/event_store.h"
#include "store/query.h"
#include "store/rollups.h"

namespace sitrep {

// True when the rollups hold every fact `filter` tests for cells grouped by `group`
// (they do not hold actor names, evidence words, and places together with dyads).
bool RollupsCanAnswer(const EventFilter& filter, GroupBy group);

// True when `filter` tests nothing but the group's own key (actor or dyad codes for
// kDyad, place name or circle for kPlace, nothing for kActor): then the group totals
// (rollup_*_total) rank the groups exactly.
bool FilterOnlyOnGroup(const EventFilter& filter, GroupBy group);

// The SELECT of cells for `group` and `period` under `filter`, with its parameters; when
// `only` is non-empty, only those groups' cells (each a key: {source, target}, {actor} or
// {place}). Call only when RollupsCanAnswer(filter, group).
std::string RollupCellSql(GroupBy group, Period period, const EventFilter& filter,
                          const std::vector<std::vector<SqlValue>>& only,
                          std::vector<SqlValue>* params);

// The SELECT of the `k` groups with most events over all time and types (key..., events),
// ranked, from rollup_*_total, among the groups the filter's conditions on the group's own
// key allow (dyad codes for kDyad, places for kPlace). group != kNone. Every group left
// out has at most as many events, under any filter, as the last one returned.
// With min_events > 0, only groups with at least that many events.
std::string RollupCandidateSql(GroupBy group, const EventFilter& filter, size_t k,
                               int64_t min_events, std::vector<SqlValue>* params);

// True when rollup_place_quad answers events per place and quad class under `filter`: the
// filter names at most a place (name or circle) and a quad class.
bool PlaceQuadCanAnswer(const EventFilter& filter);

// The SELECT of (place, lat, lon, quad_class, events) from rollup_place_quad joined with
// `places`, for the places and quad class (1..4) the filter allows; places without a
// point and events without a quad class left out. Call only when PlaceQuadCanAnswer(filter).
std::string RollupPlaceQuadSql(const EventFilter& filter, std::vector<SqlValue>* params);

// `column` starts with `prefix` (non-empty), as an index-friendly range: column >= p AND
// column < p' (p with its last byte incremented). Appends the two parameters.
std::string CodePrefixClause(const std::string& column, const std::string& prefix,
                             std::vector<SqlValue>* params);

// The filter's circle over columns `lat` and `lon` (a latitude band the index can use, then
// the great-circle distance). Appends five parameters.
std::string CircleClause(const EventFilter& filter, std::vector<SqlValue>* params);

}  // namespace sitrep
