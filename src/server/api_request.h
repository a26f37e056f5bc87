// API requests: the URL query parameters of the dashboard's JSON API, validated and turned
// into store filters (store/query.h) before any SQL runs.
//
// Every endpoint accepts the shared filters (the same as `sitrep query`):
//   actor    CAMEO code prefix on either side ("RUS"), or a name substring ("Putin")
//   source, target   code prefixes of a directed dyad;  dyad  SOURCE-TARGET ("RUS-SYR")
//   cameo (or root)  CAMEO code prefix of 1-4 digits;  quad  1..4
//   plover   PLOVER type ("ASSAULT");  modality  asserted | hypothetical | negated
//   from, to ISO dates, inclusive;  place  words of the place name
//   near     LAT,LON[,KM] circle;  bbox  WEST,SOUTH,EAST,NORTH box (events with a point)
//   words    space-separated words that must all occur in an evidence sentence
// An endpoint's own parameters come on top (see ParseEventsRequest and friends).
//
// Errors: a parameter that is unknown, repeated, too long or malformed gives
// Status::InvalidArgument whose message names the parameter and says what is expected;
// the server answers it with 400. Parsing never touches the store.
// Thread safety: pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "base/status.h"
#include "store/query.h"

namespace sitrep::server {

// Query parameters in the order they came, already percent-decoded.
using ParamList = std::vector<std::pair<std::string, std::string>>;

// Hard ceilings, whatever the request asks.
struct RequestLimits {
  size_t max_results = 1000;      // rows of one page of events or of a top-N list
  size_t max_offset = 100000;     // deepest page of events
  size_t max_value_bytes = 200;   // any one parameter value
  size_t max_words = 8;           // words of the `words` filter
};

// A longitude/latitude box; valid only when `set`.
struct BoundingBox {
  bool set = false;
  double west = -180, south = -90, east = 180, north = 90;
};

// The shared filters.
struct FilterRequest {
  EventFilter filter;
  BoundingBox bbox;
};

enum class EventSort { kDate, kGoldstein, kCameo, kSource, kTarget, kMentions, kPlace };

// GET /api/events: filters + sort=date|goldstein|cameo|source|target|mentions|place,
// order=asc|desc (default desc), limit (default 50), offset (default 0).
struct EventsRequest {
  FilterRequest where;
  EventSort sort = EventSort::kDate;
  bool descending = true;
  size_t limit = 50;
  size_t offset = 0;
};

// What one aggregate row is grouped by, besides its period.
enum class AggregateBy { kNone, kDyad, kActor, kPlace };

// GET /api/aggregate: filters + by=none|dyad|actor|place (default none),
// period=day|week|month|all (default month), level=code|country (actors grouped by full
// code or by its first three letters; default code), limit (groups kept, by events;
// default 100).
struct AggregateRequest {
  FilterRequest where;
  AggregateBy by = AggregateBy::kNone;
  bool has_period = true;  // false for period=all
  Period period = Period::kMonth;
  bool country_level = false;
  size_t limit = 100;
};

// GET /api/map: filters + zoom=0..12 (cell size 10 / 2^zoom degrees; default 0).
struct MapRequest {
  FilterRequest where;
  int zoom = 0;
};

// GET /api/actors: q (code prefix or name substring) + limit (default 50); no filters.
// GET /api/dyads, /api/places: filters + q (a place name substring, places only) + limit.
struct ListRequest {
  FilterRequest where;
  std::string q;
  size_t limit = 50;
};

Result<EventsRequest> ParseEventsRequest(const ParamList& params, const RequestLimits& limits);
Result<AggregateRequest> ParseAggregateRequest(const ParamList& params,
                                               const RequestLimits& limits);
Result<MapRequest> ParseMapRequest(const ParamList& params, const RequestLimits& limits);
Result<ListRequest> ParseListRequest(const ParamList& params, const RequestLimits& limits,
                                     bool with_filters, bool with_q);

// A canonical text for the request's parameters (sorted "k=v" pairs), for cache keys.
std::string CanonicalParams(const ParamList& params);

}  // namespace sitrep::server
