// UTF-8 validation and repair.
//
// Everything sitrep emits is valid UTF-8. Input bytes are made so once, when a document is
// read; later stages may then assume valid UTF-8 and take byte offsets into it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sitrep {

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool IsValidUtf8(std::string_view s);

// Returns `s` with each maximal invalid subsequence replaced by U+FFFD.
std::string RepairUtf8(std::string_view s);

// Drops a leading UTF-8 byte-order mark, if present.
std::string_view StripBom(std::string_view s);

// Converts CRLF and lone CR line endings to LF.
std::string NormalizeNewlines(std::string_view s);

// Appends the UTF-8 encoding of `cp` (invalid code points become U+FFFD).
void AppendUtf8(char32_t cp, std::string* out);

// Decodes one code point at `s[*pos]` and advances *pos. Invalid input yields U+FFFD and
// advances by one byte. Precondition: *pos < s.size().
char32_t DecodeUtf8(std::string_view s, size_t* pos);

// Number of code points in a valid UTF-8 string.
size_t Utf8Length(std::string_view s);

// A cheap content test: true when `s` looks like binary data rather than text (NUL bytes,
// or many control characters in the first few kilobytes).
bool LooksBinary(std::string_view s);

}  // namespace sitrep
