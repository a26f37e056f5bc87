// Finds a publication date written in article text or page furniture.
//
// Recognises the forms news sites print near a headline or byline:
//   "Friday, June 21, 2024"            "April 6, 2016 — 7:00 PM EDT"     "Thu Apr 7, 2016"
//   "2016-04-06", "2016-04-06T19:00Z"  "06 April 2016", "6th April 2016" "Published: 12/13/2016"
//   "Updated 10:32 am EST, Wed March 9, 2016"   "Tue, 13 Dec 2016 10:00:00 GMT" (RFC 822)
// Slashed dates are read month first (US order) unless the first number exceeds 12.
// Two-digit years and dates without a day ("March 2016") are not publication dates.
// Every date is validated: year 1900-2100, month 1-12, a day that exists in that month.
//
// Output is ISO 8601: "2016-04-06", or "2016-04-06T19:00" when a time of day is given
// (12-hour clocks are converted to 24-hour; time zones are dropped, not converted).
//
// Thread safety: pure functions without shared state; call from any thread.
// Cost: a hand-written scanner (no std::regex); lines without a digit are skipped at once.
#pragma once

#include <string>
#include <string_view>

namespace sitrep {

// Returns the most plausible publication date among the first `scan_bytes` bytes of `text`,
// as ISO 8601, or "" when there is none.
//
// Dates are looked for line by line. A date qualifies when it stands on its own line (with at
// most a byline, a place name or a cue such as "Published:"/"Posted on"/"Updated"), or opens
// a dateline paragraph ("WASHINGTON, April 6, 2016 — ..."). Dates inside running prose
// ("the war began on March 3, 2011, when ...") are ignored. Among the qualifying dates the
// one with the strongest cue wins ("Published"/"Posted" over "Updated" over none); ties go
// to the earliest.
std::string FindPublicationDate(std::string_view text, size_t scan_bytes = 2000);

// Normalises a date string from metadata (ISO 8601 with or without time and zone, RFC 822,
// a written date such as "April 6, 2016 7:00 PM", a slashed date, or an 8-digit "20160406")
// to ISO 8601. The first valid date in `value` is used. Returns "" when none can be read.
std::string NormalizeDate(std::string_view value);

}  // namespace sitrep
