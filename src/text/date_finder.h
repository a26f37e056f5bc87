// Finds a publication date written in article text or page furniture.
//
// Recognises the forms news sites print near a headline or byline: "Friday, June 21, 2024",
// "April 6, 2016 — 7:00 PM EDT", "Thu Apr 7, 2016", "2016-04-06", "06 April 2016",
// "Published: 12/13/2016" and the like.
//
// Thread safety: pure function; call from any thread.
#pragma once

#include <string>
#include <string_view>

namespace sitrep {

// Returns the first plausible publication date in `text` as ISO 8601 ("2016-04-06", or
// "2016-04-06T19:00" when a time of day is given), or "" when there is none. Only the
// first `scan_bytes` bytes are searched: publication dates sit near the top.
std::string FindPublicationDate(std::string_view text, size_t scan_bytes = 2000);

// Normalises a date string from metadata (ISO 8601, RFC 822, or a written date) to ISO
// 8601. Returns "" when it cannot be read.
std::string NormalizeDate(std::string_view value);

}  // namespace sitrep
