#include "text/html_charset.h"

#include <algorithm>
#include <cstdint>

#include "base/utf8.h"

namespace sitrep {

namespace {

// Windows-1252 bytes 0x80..0x9F; the other bytes map to the same code point (Latin-1).
// Undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) keep their C1 code point, as browsers do.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool IsCharsetChar(char c) {
  c = AsciiLower(c);
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':' ||
         c == '.';
}

bool IsWesternSingleByte(std::string_view charset) {
  return charset.empty() || charset == "windows-1252" || charset == "cp1252" ||
         charset == "iso-8859-1" || charset == "iso8859-1" || charset == "latin1" ||
         charset == "latin-1" || charset == "iso-8859-15" || charset == "us-ascii" ||
         charset == "ascii" || charset == "x-cp1252";
}

}  // namespace

std::string DeclaredHtmlCharset(std::string_view html, size_t scan_bytes) {
  std::string head;
  head.reserve(std::min(html.size(), scan_bytes));
  for (char c : html.substr(0, scan_bytes)) head.push_back(AsciiLower(c));
  // "charset" appears in both the HTML5 and the http-equiv form; only trust it inside <meta.
  for (size_t pos = head.find("charset"); pos != std::string::npos;
       pos = head.find("charset", pos + 7)) {
    size_t tag = head.rfind('<', pos);
    if (tag == std::string::npos || head.compare(tag, 5, "<meta") != 0) continue;
    if (head.find('>', tag) < pos) continue;
    size_t i = pos + 7;
    while (i < head.size() && (head[i] == ' ' || head[i] == '\t')) ++i;
    if (i >= head.size() || head[i] != '=') continue;
    ++i;
    while (i < head.size() && (head[i] == ' ' || head[i] == '"' || head[i] == '\'')) ++i;
    size_t start = i;
    while (i < head.size() && IsCharsetChar(head[i])) ++i;
    if (i > start) return head.substr(start, i - start);
  }
  return "";
}

std::string Windows1252ToUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char c : bytes) {
    auto b = static_cast<unsigned char>(c);
    if (b < 0x80) {
      out.push_back(c);
    } else if (b < 0xA0) {
      AppendUtf8(kCp1252High[b - 0x80], &out);
    } else {
      AppendUtf8(b, &out);
    }
  }
  return out;
}

bool ConvertHtmlToUtf8(std::string_view html, std::string* out) {
  if (IsValidUtf8(html)) return false;
  if (IsWesternSingleByte(DeclaredHtmlCharset(html))) {
    *out = Windows1252ToUtf8(html);
  } else {
    *out = RepairUtf8(html);
  }
  return true;
}

}  // namespace sitrep
