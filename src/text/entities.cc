#include "text/entities.h"

#include <cstdlib>
#include <unordered_map>

#include "base/utf8.h"

namespace sitrep {

namespace {

const std::unordered_map<std::string_view, char32_t>& NamedEntities() {
  static const auto* table = new std::unordered_map<std::string_view, char32_t>{
      {"amp", '&'},      {"lt", '<'},        {"gt", '>'},        {"quot", '"'},
      {"apos", '\''},    {"nbsp", 0xA0},     {"ndash", 0x2013},  {"mdash", 0x2014},
      {"lsquo", 0x2018}, {"rsquo", 0x2019},  {"sbquo", 0x201A},  {"ldquo", 0x201C},
      {"rdquo", 0x201D}, {"bdquo", 0x201E},  {"hellip", 0x2026}, {"laquo", 0xAB},
      {"raquo", 0xBB},   {"copy", 0xA9},     {"reg", 0xAE},      {"trade", 0x2122},
      {"deg", 0xB0},     {"euro", 0x20AC},   {"pound", 0xA3},    {"yen", 0xA5},
      {"cent", 0xA2},    {"sect", 0xA7},     {"para", 0xB6},     {"middot", 0xB7},
      {"bull", 0x2022},  {"times", 0xD7},    {"divide", 0xF7},   {"frac12", 0xBD},
      {"frac14", 0xBC},  {"frac34", 0xBE},   {"shy", 0xAD},      {"zwnj", 0x200C},
      {"zwj", 0x200D},   {"lrm", 0x200E},    {"rlm", 0x200F},    {"thinsp", 0x2009},
      {"ensp", 0x2002},  {"emsp", 0x2003},   {"prime", 0x2032},  {"Prime", 0x2033},
      {"dagger", 0x2020}, {"iexcl", 0xA1},   {"iquest", 0xBF},   {"acute", 0xB4},
      {"Agrave", 0xC0},  {"Aacute", 0xC1},   {"Acirc", 0xC2},    {"Atilde", 0xC3},
      {"Auml", 0xC4},    {"Aring", 0xC5},    {"AElig", 0xC6},    {"Ccedil", 0xC7},
      {"Egrave", 0xC8},  {"Eacute", 0xC9},   {"Ecirc", 0xCA},    {"Euml", 0xCB},
      {"Igrave", 0xCC},  {"Iacute", 0xCD},   {"Icirc", 0xCE},    {"Iuml", 0xCF},
      {"Ntilde", 0xD1},  {"Ograve", 0xD2},   {"Oacute", 0xD3},   {"Ocirc", 0xD4},
      {"Otilde", 0xD5},  {"Ouml", 0xD6},     {"Oslash", 0xD8},   {"Ugrave", 0xD9},
      {"Uacute", 0xDA},  {"Ucirc", 0xDB},    {"Uuml", 0xDC},     {"Yacute", 0xDD},
      {"szlig", 0xDF},   {"agrave", 0xE0},   {"aacute", 0xE1},   {"acirc", 0xE2},
      {"atilde", 0xE3},  {"auml", 0xE4},     {"aring", 0xE5},    {"aelig", 0xE6},
      {"ccedil", 0xE7},  {"egrave", 0xE8},   {"eacute", 0xE9},   {"ecirc", 0xEA},
      {"euml", 0xEB},    {"igrave", 0xEC},   {"iacute", 0xED},   {"icirc", 0xEE},
      {"iuml", 0xEF},    {"ntilde", 0xF1},   {"ograve", 0xF2},   {"oacute", 0xF3},
      {"ocirc", 0xF4},   {"otilde", 0xF5},   {"ouml", 0xF6},     {"oslash", 0xF8},
      {"ugrave", 0xF9},  {"uacute", 0xFA},   {"ucirc", 0xFB},    {"uuml", 0xFC},
      {"yacute", 0xFD},  {"yuml", 0xFF},     {"scaron", 0x161},  {"Scaron", 0x160},
      {"zcaron", 0x17E}, {"Zcaron", 0x17D},  {"oelig", 0x153},   {"OElig", 0x152},
  };
  return *table;
}

// Parses a reference starting at s[i] == '&'. On success returns its length and sets *cp.
size_t ParseReference(std::string_view s, size_t i, char32_t* cp) {
  size_t j = i + 1;
  if (j < s.size() && s[j] == '#') {
    ++j;
    int base = 10;
    if (j < s.size() && (s[j] == 'x' || s[j] == 'X')) {
      base = 16;
      ++j;
    }
    size_t digits_start = j;
    char32_t value = 0;
    while (j < s.size() && j - digits_start < 8 &&
           (base == 16 ? std::isxdigit(static_cast<unsigned char>(s[j]))
                       : std::isdigit(static_cast<unsigned char>(s[j])))) {
      value = value * base + (std::isdigit(static_cast<unsigned char>(s[j]))
                                  ? s[j] - '0'
                                  : (std::tolower(static_cast<unsigned char>(s[j])) - 'a' + 10));
      ++j;
    }
    if (j == digits_start) return 0;
    if (j < s.size() && s[j] == ';') ++j;
    if (value == 0 || value > 0x10FFFF) value = 0xFFFD;
    // Windows-1252 code points that pages emit as numeric references.
    if (value >= 0x80 && value <= 0x9F) {
      static const char32_t kCp1252[32] = {
          0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
          0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
          0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
      value = kCp1252[value - 0x80];
    }
    *cp = value;
    return j - i;
  }
  size_t name_start = j;
  while (j < s.size() && j - name_start < 10 && std::isalnum(static_cast<unsigned char>(s[j]))) ++j;
  if (j == name_start || j >= s.size() || s[j] != ';') return 0;
  auto it = NamedEntities().find(s.substr(name_start, j - name_start));
  if (it == NamedEntities().end()) return 0;
  *cp = it->second;
  return j + 1 - i;
}

}  // namespace

bool HasHtmlEntities(std::string_view s) {
  for (size_t i = s.find('&'); i != std::string_view::npos; i = s.find('&', i + 1)) {
    char32_t cp;
    if (ParseReference(s, i, &cp) > 0) return true;
  }
  return false;
}

std::string DecodeHtmlEntities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    size_t amp = s.find('&', i);
    if (amp == std::string_view::npos) {
      out.append(s.substr(i));
      break;
    }
    out.append(s.substr(i, amp - i));
    char32_t cp;
    size_t len = ParseReference(s, amp, &cp);
    if (len == 0) {
      out.push_back('&');
      i = amp + 1;
    } else {
      AppendUtf8(cp, &out);
      i = amp + len;
    }
  }
  return out;
}

}  // namespace sitrep
