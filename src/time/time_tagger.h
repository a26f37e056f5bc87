// TimeTagger: finds time expressions in news text and normalises them to TimeML values,
// anchored to the publication date with news (past-tense) preferences.
//
//   DATE      "Dec. 11", "March 27, 2016", "on Monday", "last week", "late last month",
//             "earlier this year", "in April", "in March 2016", "since late 2015", "in 1962",
//             "two years ago", "the 1990s", "the third quarter", "a day after" (anchored to
//             the previous date in the text), "now" (PRESENT_REF), "recently" (PAST_REF)
//   TIME      "7:00 PM", "10 a.m.", "this morning", "last night", "Monday evening"
//   DURATION  "three years", "the past week", "24 hours", "five-year"
//   SET       "every week", "daily"
//
// Without a publication date, relative expressions keep an empty value (unresolved) and
// explicit ones keep what they state ("XXXX-12-11" for "Dec. 11"): dates are never invented.
//
// Offsets are UTF-8 byte offsets into the text given. Thread safety: a TimeTagger is
// immutable; Tag() may be called from any number of threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "document/document.h"

namespace sitrep {

struct TimeExpression {
  Span span;
  std::string value;  // TimeML value ("2016-12-11", "2016-W49", "P3D", "PRESENT_REF"), or ""
  std::string type;   // DATE, TIME, DURATION or SET
};

class TimeTagger {
 public:
  // Appends the expressions found in text[span] to *out, in order. `dct` is the publication
  // date ("2016-12-13", possibly with a time) or "" when unknown.
  void Tag(std::string_view text, Span span, std::string_view dct,
           std::vector<TimeExpression>* out) const;

  // Tags every paragraph of `doc`, boilerplate included (using doc.date as the anchor).
  void TagDocument(const Document& doc, std::vector<TimeExpression>* out) const;
};

}  // namespace sitrep
