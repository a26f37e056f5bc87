// MergeRule: when two reports describe the same real-world event.
//
// Reports of one event come from different sentences of one article and from different
// articles. The store links each new mention to an existing event when the rule below holds,
// and otherwise starts a new event. The rule (all must hold):
//
//   1. same dyad        the source actor codes are equal and the target actor codes are equal
//                       (an absent target equals only an absent target);
//   2. same family      the CAMEO root (the two-digit family: "19" fight, "04" consult, ...)
//                       is equal. Root rather than the full code, because reports of one event
//                       vary in detail ("attacked" 190 vs "shelled" 195);
//   3. same modality    an asserted report never merges with a negated or hypothetical one;
//   4. compatible date  the mention's day is within `max_days_apart` days of *every* mention
//                       already linked (so events cannot grow by chaining). A mention without
//                       any date (no event date, no publication date) merges only with
//                       undated events of its own document;
//   5. compatible place when both sides have coordinates they are at most `max_km_apart`
//                       apart, and when both name a country the countries are equal. An
//                       unknown place is compatible with any place.
//
// Among several compatible events the store picks the closest in time, then the oldest.
//
// Counters kept per event, as GDELT does, and updated as every new report arrives:
//   NumMentions  mentions linked to the event;
//   NumArticles  distinct documents among them;
//   NumSources   distinct sources (web site host without "www.", else the document's site,
//                else "unknown").
//
// Thread safety: MergeRule is an immutable value; the free functions are pure.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "document/document.h"

namespace sitrep {

struct MergeOptions {
  int max_days_apart = 3;
  double max_km_apart = 100;
};

// Day numbers count days since 1970-01-01. kUnknownDay marks "no date known".
inline constexpr int64_t kUnknownDay = std::numeric_limits<int64_t>::min();

// What the rule compares about one mention.
struct MentionFacts {
  std::string source;   // CAMEO actor codes
  std::string target;
  std::string root;     // CAMEO root, two digits
  Modality modality = Modality::kAsserted;
  int64_t day = kUnknownDay;
  bool has_place = false;
  double lat = 0, lon = 0;
  std::string country;  // ISO3 of the place, "" when unknown
};

// What the rule compares about an event already stored (the facts of all its mentions).
struct EventFacts {
  std::string source;
  std::string target;
  std::string root;
  Modality modality = Modality::kAsserted;
  int64_t min_day = kUnknownDay;  // earliest and latest mention day; kUnknownDay when undated
  int64_t max_day = kUnknownDay;
  bool has_place = false;
  double lat = 0, lon = 0;
  std::string country;
};

class MergeRule {
 public:
  explicit MergeRule(MergeOptions options = {}) : options_(options) {}

  // True when the mention may be linked to the event (rules 1-5; for undated mentions the
  // caller restricts candidates to the same document).
  bool SameEvent(const MentionFacts& mention, const EventFacts& event) const;

  // The day window in which candidate events must have been seen: [day - N, day + N].
  int64_t FirstCandidateDay(int64_t day) const { return day - options_.max_days_apart; }
  int64_t LastCandidateDay(int64_t day) const { return day + options_.max_days_apart; }

  const MergeOptions& options() const { return options_; }

 private:
  bool DatesCompatible(int64_t day, const EventFacts& event) const;
  bool PlacesCompatible(const MentionFacts& mention, const EventFacts& event) const;
  MergeOptions options_;
};

// The facts of event `index` of `doc`. The day is the event's own date when it names a
// day or month ("2016-03-15", "2016-03"), else the document's publication date.
MentionFacts FactsOf(const Document& doc, size_t index);

// Days since 1970-01-01 of an ISO date's day ("2016-03-15", "2016-03-15T10:00Z"); a month
// ("2016-03") counts as its first day. kUnknownDay when `iso` holds no usable date.
int64_t DayNumber(std::string_view iso);

// Great-circle distance in kilometres.
double GreatCircleKm(double lat1, double lon1, double lat2, double lon2);

// The source a document counts for in NumSources: the URL's host without "www.", else
// `site`, else "unknown".
std::string SourceName(std::string_view url, std::string_view site);

}  // namespace sitrep
