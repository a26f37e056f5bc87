// EventDater: gives each coded event its own date, not the article's.
//
// An event takes the time expression that governs its clause (a DATE or TIME in the
// trigger's clause, embedded clauses left out: in "ISIS retook Palmyra, which was liberated
// in March 2016", "March 2016" dates the liberation, not the retaking); failing that, one in
// its sentence; failing that, the publication date. Each date carries its precision (day,
// week, month, quarter, season, year, decade). Unresolved expressions ("XXXX-12-11", when the
// publication date is unknown) and references such as PAST_REF are never used: dates are
// not invented.
//
// Thread safety: stateless apart from the tagger it owns; Date() may run concurrently.
#pragma once

#include <string>
#include <vector>

#include "document/document.h"
#include "time/time_tagger.h"

namespace sitrep {

class EventDater {
 public:
  // Fills Event::date and Event::date_precision for every event of *doc. Requires tokens
  // and dependency arcs.
  void Date(Document* doc) const;

  // The precision of a TimeML value ("2016-03" -> "month"), or "" when it is no date.
  static std::string PrecisionOf(const std::string& value);

 private:
  TimeTagger tagger_;
};

}  // namespace sitrep
