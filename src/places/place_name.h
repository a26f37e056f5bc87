// Place-name normalisation: the one key under which the gazetteer stores a name and under
// which the recogniser looks a text span up, so that "Al-Bab", "al Bab" and "Al Bāb" meet.
//
// The key is lower-case ASCII where the name is Latin: accents are folded (é -> e,
// ş -> s), combining marks and apostrophe-like letters (’ ʿ ʾ ') are dropped, hyphens,
// dots and runs of white space become one space, and the ends are trimmed. Characters
// outside Latin script are kept as they are (lower-cased only when ASCII).
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace sitrep {

// The normalised key of a place name. Never fails; invalid UTF-8 bytes are dropped.
std::string NormalizePlaceName(std::string_view name);

// True when every byte of `key` is ASCII (a Latin-script name after folding).
bool IsAsciiKey(std::string_view key);

}  // namespace sitrep
