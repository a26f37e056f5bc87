// HTML character references in text that is not parsed as HTML (scraped text, feed titles).
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace sitrep {

// True when `s` contains something that looks like a character reference ("&amp;", "&#39;").
bool HasHtmlEntities(std::string_view s);

// Replaces named (the common HTML set) and numeric character references with their UTF-8
// characters. Unknown names are left as they are.
std::string DecodeHtmlEntities(std::string_view s);

}  // namespace sitrep
