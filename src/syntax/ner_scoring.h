// Scoring predicted entity spans against gold spans.
//
// Two criteria, both type-sensitive:
//   exact    a predicted span is correct when a gold span has the same first, last and type.
//   overlap  a predicted span is correct when it shares at least one token with a gold span
//            of the same type (precision side); a gold span is found when at least one
//            predicted span of its type overlaps it (recall side).
// Counts are kept per type and pooled ("micro") over all types and over any chosen group
// of types (e.g. person+organization+place).
//
// Thread safety: plain values and free functions.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "syntax/ner_conllu.h"

namespace sitrep {

struct NerCounts {
  int64_t gold = 0;          // gold spans
  int64_t predicted = 0;     // predicted spans
  int64_t exact_match = 0;   // predicted spans equal to a gold span (same type)
  int64_t overlap_pred = 0;  // predicted spans overlapping a same-type gold span
  int64_t overlap_gold = 0;  // gold spans overlapped by a same-type predicted span

  double ExactPrecision() const;
  double ExactRecall() const;
  double ExactF1() const;
  double OverlapPrecision() const;
  double OverlapRecall() const;
  double OverlapF1() const;
  NerCounts& operator+=(const NerCounts& other);
};

struct NerScores {
  std::map<std::string, NerCounts> per_type;  // keyed by type, sorted
  NerCounts overall;                          // pooled over every type

  // Counts pooled over the listed types only (types absent from per_type count as zero).
  NerCounts Pooled(const std::vector<std::string>& types) const;
};

// Scores sentence-aligned span lists: gold[i] and predicted[i] belong to the same sentence.
// Sizes must match; extra sentences on either side are scored against nothing.
NerScores ScoreEntities(const std::vector<std::vector<NerSpan>>& gold,
                        const std::vector<std::vector<NerSpan>>& predicted);

// {"overall":{...},"per_type":{"person":{"gold":..,"predicted":..,"exact_p":..,"exact_r":..,
//  "exact_f1":..,"overlap_p":..,"overlap_r":..,"overlap_f1":..},...}}
std::string ToJson(const NerScores& scores);
// The object for one NerCounts, as used inside ToJson.
std::string ToJson(const NerCounts& counts);

}  // namespace sitrep
