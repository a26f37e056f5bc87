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
// Verbal events (quad classes 1 and 3: statements, appeals, consultations, demands,
// accusations, ...) also need the same speech act, because many different people share one
// actor code (every minister is GBRGOV) and speak every day:
//
//   6. same speakers    the source's and the target's speaker keys are equal (SpeakerKey: a
//                       named actor is its canonical name, "Tony Blair"; an actor named by a
//                       common noun keeps that noun, "United Kingdom government|secretary",
//                       so two unnamed officials are not taken for one; a person named right
//                       after the actor is added, "...|spokesman|burns");
//   7. same statement   the event already has a mention from the same document, or the
//                       evidence sentences share at least `min_shared_words` content words
//                       (ContentWords: words of three or more letters that are not stop
//                       words, actor names or the trigger).
//
// Material events (quad classes 2 and 4) keep rules 1-5 only: two reports of a strike on
// one day by one army rarely name it the same way, and are rarely two strikes.
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
#include <unordered_set>
#include <vector>

#include "base/status.h"
#include "document/document.h"

namespace sitrep {

using WordSet = std::unordered_set<std::string>;

struct MergeOptions {
  int max_days_apart = 3;
  double max_km_apart = 100;
  // Rule 7: content words two reports of one statement in different documents share.
  int min_shared_words = 2;
  // Words that never count as shared (LoadStopWords; data/store/stopwords.txt). Empty: none.
  WordSet stop_words;
};

// Day numbers count days since 1970-01-01. kUnknownDay marks "no date known".
inline constexpr int64_t kUnknownDay = std::numeric_limits<int64_t>::min();

// What the rule compares about one mention.
struct MentionFacts {
  std::string source;   // CAMEO actor codes
  std::string target;
  std::string root;     // CAMEO root, two digits
  int quad_class = 0;   // 1..4; 1 and 3 are verbal
  Modality modality = Modality::kAsserted;
  int64_t day = kUnknownDay;
  bool has_place = false;
  double lat = 0, lon = 0;
  std::string country;  // ISO3 of the place, "" when unknown
  std::string source_key;  // SpeakerKey of the source and of the target ("" when absent)
  std::string target_key;
  std::vector<std::string> words;  // ContentWords of the evidence, sorted, unique
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
  std::string source_key;  // speaker keys of its first mention
  std::string target_key;
  bool same_document = false;      // it already has a mention from the mention's document
  std::vector<std::string> words;  // content words of its mentions, sorted, unique
};

class MergeRule {
 public:
  explicit MergeRule(MergeOptions options = {}) : options_(options) {}

  // True when the mention may be linked to the event (rules 1-7; for undated mentions the
  // caller restricts candidates to the same document).
  bool SameEvent(const MentionFacts& mention, const EventFacts& event) const;

  // True for the quad classes of verbal events (1 verbal cooperation, 3 verbal conflict).
  static bool IsVerbal(int quad_class) { return quad_class == 1 || quad_class == 3; }

  // The facts of event `index` of `doc`. The day is the event's own date when it names a
  // day or month ("2016-03-15", "2016-03"), else the document's publication date.
  MentionFacts FactsOf(const Document& doc, size_t index) const;

  // The day window in which candidate events must have been seen: [day - N, day + N].
  int64_t FirstCandidateDay(int64_t day) const { return day - options_.max_days_apart; }
  int64_t LastCandidateDay(int64_t day) const { return day + options_.max_days_apart; }

  const MergeOptions& options() const { return options_; }

 private:
  bool DatesCompatible(int64_t day, const EventFacts& event) const;
  bool PlacesCompatible(const MentionFacts& mention, const EventFacts& event) const;
  bool SameStatement(const MentionFacts& mention, const EventFacts& event) const;
  MergeOptions options_;
};

// Who an actor mention is, for rule 6. A pronoun resolved by the coder stands for its
// antecedent. When the mention's text shares a word with the actor's canonical name
// ("Mr Blair" / "Tony Blair"), or its kind names one actor (person, country, organisation,
// party, ...), the key is the canonical name; otherwise (a common noun: "the secretary",
// "Tory leader" for GBRGOV) it is the name, "|" and the noun's last word, lower-cased.
// When proper names follow the mention in the sentence's tagged tokens (an appositive, after
// at most one common noun: "Tory spokesman Simon Burns", "Tory frontbencher John Redwood"),
// "|" and the last of them, lower-cased, is added, so two named spokesmen of one party are
// two speakers. "" for actor index -1.
std::string SpeakerKey(const Document& doc, int32_t actor);

// The content words of `text`: lower-cased runs of letters (bytes >= 0x80 count as letters)
// of three or more bytes, without `stop_words` and `exclude`; sorted and unique.
std::vector<std::string> ContentWords(std::string_view text, const WordSet& stop_words,
                                      const WordSet& exclude = {});

// How many words two sorted, unique word lists share.
size_t SharedWordCount(const std::vector<std::string>& a, const std::vector<std::string>& b);

// Reads a word list: one word a line, lower case, '#' starts a comment. Errors name the file
// and line (a line with a space or an upper-case letter).
Result<WordSet> LoadStopWords(const std::string& path);

// Days since 1970-01-01 of an ISO date's day ("2016-03-15", "2016-03-15T10:00Z"); a month
// ("2016-03") counts as its first day. kUnknownDay when `iso` holds no usable date.
int64_t DayNumber(std::string_view iso);

// Great-circle distance in kilometres.
double GreatCircleKm(double lat1, double lon1, double lat2, double lon2);

// The source a document counts for in NumSources: the URL's host without "www.", else
// `site`, else "unknown".
std::string SourceName(std::string_view url, std::string_view site);

}  // namespace sitrep
