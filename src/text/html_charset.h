// Character sets of web pages: finding the declared one and converting the page to UTF-8.
//
// Only UTF-8 and the Western single-byte sets (Windows-1252, ISO-8859-1, ISO-8859-15,
// US-ASCII) are converted; those cover nearly all English-language news pages. A page in any
// other charset is treated as UTF-8 with its invalid bytes replaced.
//
// Thread safety: pure functions; call from any thread.
#pragma once

#include <string>
#include <string_view>

namespace sitrep {

// The charset a page declares in its first `scan_bytes` bytes (<meta charset=…> or
// <meta http-equiv="Content-Type" content="…; charset=…">), lowercased, or "" when none.
std::string DeclaredHtmlCharset(std::string_view html, size_t scan_bytes = 4096);

// Decodes Windows-1252 bytes to UTF-8 (ISO-8859-1 is read as Windows-1252, as browsers do).
std::string Windows1252ToUtf8(std::string_view bytes);

// Returns `html` as valid UTF-8 in *out and true, or false when it already is valid UTF-8
// (and *out is left untouched, so the caller can keep using the original bytes). A leading
// UTF-8 byte-order mark is not removed. Bytes that are not valid UTF-8 are decoded as
// Windows-1252 when the page declares a Western single-byte charset or none at all, and
// replaced with U+FFFD otherwise.
bool ConvertHtmlToUtf8(std::string_view html, std::string* out);

}  // namespace sitrep
