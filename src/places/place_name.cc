#include "places/place_name.h"

#include "base/utf8.h"

namespace sitrep {

namespace {

// ASCII folds of U+00C0..U+00FF and U+0100..U+017F; '\0' means "drop".
constexpr char kLatin1[] =
    "AAAAAAACEEEEIIIIDNOOOOO\0OUUUUYTs"
    "aaaaaaaceeeeiiiidnooooo\0ouuuuyty";
constexpr char kLatinExtendedA[] =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRr"
    "SsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
static_assert(sizeof(kLatin1) == 65);
static_assert(sizeof(kLatinExtendedA) == 129);

// Returns the ASCII fold of `cp`, 0 to drop it, or -1 to keep it unchanged.
int FoldCodepoint(char32_t cp) {
  if (cp >= 0xC0 && cp <= 0xFF) return kLatin1[cp - 0xC0];
  if (cp >= 0x100 && cp <= 0x17F) return kLatinExtendedA[cp - 0x100];
  if (cp >= 0x300 && cp <= 0x36F) return 0;                   // combining marks
  if (cp == 0x2BB || cp == 0x2BC || cp == 0x2BE || cp == 0x2BF) return 0;  // ʻ ʼ ʾ ʿ
  if (cp == 0x2018 || cp == 0x2019 || cp == 0x60 || cp == 0xB4) return 0;
  if (cp == 0x2010 || cp == 0x2011 || cp == 0x2013 || cp == 0x2014) return ' ';
  if (cp == 0x1E0C || cp == 0x1E0E) return 'D';  // Ḍ Ḏ (Arabic transliteration)
  if (cp == 0x1E0D || cp == 0x1E0F) return 'd';
  if (cp == 0x1E24 || cp == 0x1E28 || cp == 0x1E2A) return 'H';
  if (cp == 0x1E25 || cp == 0x1E29 || cp == 0x1E2B || cp == 0x1E96) return 'h';
  if (cp == 0x1E10) return 'D';
  if (cp == 0x1E11) return 'd';
  if (cp == 0x1E62) return 'S';
  if (cp == 0x1E63) return 's';
  if (cp == 0x1E6C || cp == 0x1E6E) return 'T';
  if (cp == 0x1E6D || cp == 0x1E6F) return 't';
  if (cp == 0x1E92 || cp == 0x1E94) return 'Z';
  if (cp == 0x1E93 || cp == 0x1E95) return 'z';
  return -1;
}

void AppendFolded(char c, std::string* out) {
  if (c == '-' || c == '.' || c == ' ' || c == '\t' || c == '\n' || c == '_' || c == '/') {
    if (!out->empty() && out->back() != ' ') out->push_back(' ');
    return;
  }
  if (c == '\'' || c == '"' || c == ',' || c == '(' || c == ')') return;
  if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  out->push_back(c);
}

}  // namespace

std::string NormalizePlaceName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  size_t pos = 0;
  while (pos < name.size()) {
    size_t start = pos;
    char32_t cp = DecodeUtf8(name, &pos);
    if (pos <= start) pos = start + 1;
    if (cp < 0x80) {
      AppendFolded(static_cast<char>(cp), &out);
      continue;
    }
    int folded = FoldCodepoint(cp);
    if (folded > 0) {
      AppendFolded(static_cast<char>(folded), &out);
    } else if (folded < 0 && cp != 0xFFFD) {
      AppendUtf8(cp, &out);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool IsAsciiKey(std::string_view key) {
  for (char c : key) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace sitrep
