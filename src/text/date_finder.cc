#include "text/date_finder.h"

#include <cstdint>
#include <cstdio>
#include <algorithm>
#include <vector>

namespace sitrep {

namespace {

// The scanner works on a small token stream (numbers, ASCII words, punctuation) rather than on
// bytes, so that each date form is a short sequence test.
struct DateToken {
  enum Kind : uint8_t { kNumber, kWord, kPunct };
  Kind kind;
  bool space_before;  // whitespace separates it from the previous token
  uint32_t start;
  uint32_t end;
  int value;  // numbers only (capped)
};

bool IsAsciiAlpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

size_t Utf8SequenceLength(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

void Tokenize(std::string_view s, std::vector<DateToken>* out) {
  out->clear();
  bool space = true;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    bool nbsp = c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || nbsp) {
      space = true;
      i += nbsp ? 2 : 1;
      continue;
    }
    DateToken t{DateToken::kPunct, space, static_cast<uint32_t>(i), 0, 0};
    if (IsDigit(c)) {
      t.kind = DateToken::kNumber;
      while (i < s.size() && IsDigit(static_cast<unsigned char>(s[i]))) {
        if (t.value < 100000000) t.value = t.value * 10 + (s[i] - '0');
        ++i;
      }
    } else if (IsAsciiAlpha(c)) {
      t.kind = DateToken::kWord;
      while (i < s.size() && IsAsciiAlpha(static_cast<unsigned char>(s[i]))) ++i;
    } else {
      i += Utf8SequenceLength(c);
      if (i > s.size()) i = s.size();
    }
    t.end = static_cast<uint32_t>(i);
    out->push_back(t);
    space = false;
  }
}

// Case-insensitive comparison of a token's text with a lower-case literal.
bool WordIs(std::string_view w, std::string_view lower) {
  if (w.size() != lower.size()) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    if (Lower(w[i]) != lower[i]) return false;
  }
  return true;
}

bool IsCapitalized(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

// 1-12 for a capitalised month name or abbreviation, else 0.
int MonthNumber(std::string_view w) {
  static constexpr const char* kMonths[] = {"january", "february", "march",     "april",
                                            "may",     "june",     "july",      "august",
                                            "september", "october", "november", "december"};
  if (w.size() < 3 || !IsCapitalized(w)) return 0;
  for (int m = 0; m < 12; ++m) {
    std::string_view full = kMonths[m];
    if (WordIs(w, full) || WordIs(w, full.substr(0, 3))) return m + 1;
  }
  if (WordIs(w, "sept")) return 9;
  return 0;
}

bool IsWeekday(std::string_view w) {
  static constexpr const char* kDays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                          "friday", "saturday", "sunday"};
  if (w.size() < 3 || !IsCapitalized(w)) return false;
  for (const char* day : kDays) {
    std::string_view full = day;
    if (WordIs(w, full) || WordIs(w, full.substr(0, 3))) return true;
  }
  return WordIs(w, "tues") || WordIs(w, "thur") || WordIs(w, "thurs") || WordIs(w, "weds");
}

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool IsValidDate(int y, int m, int d) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  int days = kDays[m - 1] + (m == 2 && IsLeapYear(y) ? 1 : 0);
  return d <= days;
}

struct DateMatch {
  int year = 0, month = 0, day = 0;
  int hour = -1, minute = -1;
  size_t first = 0;  // first token (the weekday when there is one)
  size_t end = 0;    // one past the last token, time and zone included
};

// Cursor over the token stream of one string.
class DateScanner {
 public:
  DateScanner(std::string_view s, const std::vector<DateToken>& toks) : s_(s), t_(toks) {}

  bool Match(size_t k, DateMatch* out) const;
  // A time that ends (zone and separators skipped) exactly at token `k`.
  bool TimeEndingAt(size_t k, int* hour, int* minute) const;

  std::string_view Text(size_t k) const { return s_.substr(t_[k].start, t_[k].end - t_[k].start); }
  const DateToken& At(size_t k) const { return t_[k]; }
  size_t size() const { return t_.size(); }

 private:
  bool IsNum(size_t k, int min_len, int max_len) const {
    if (k >= t_.size() || t_[k].kind != DateToken::kNumber) return false;
    int len = static_cast<int>(t_[k].end - t_[k].start);
    return len >= min_len && len <= max_len;
  }
  bool IsPunct(size_t k, char c) const {
    return k < t_.size() && t_[k].kind == DateToken::kPunct && s_[t_[k].start] == c &&
           t_[k].end - t_[k].start == 1;
  }
  bool IsWord(size_t k) const { return k < t_.size() && t_[k].kind == DateToken::kWord; }
  bool Adjacent(size_t k) const { return k < t_.size() && !t_[k].space_before; }

  bool MatchNumeric(size_t k, DateMatch* m) const;
  bool MatchMonthFirst(size_t k, DateMatch* m) const;
  bool MatchDayFirst(size_t k, DateMatch* m) const;
  size_t SkipOrdinal(size_t k) const;
  bool MatchTime(size_t k, int* hour, int* minute, size_t* end) const;
  size_t SkipMeridiem(size_t k, int* hour) const;
  size_t SkipZone(size_t k) const;
  size_t SkipTimeSeparator(size_t k) const;

  std::string_view s_;
  const std::vector<DateToken>& t_;
};

size_t DateScanner::SkipOrdinal(size_t k) const {
  if (!IsWord(k) || !Adjacent(k)) return k;
  std::string_view w = Text(k);
  if (WordIs(w, "st") || WordIs(w, "nd") || WordIs(w, "rd") || WordIs(w, "th")) return k + 1;
  return k;
}

// 2016-04-06, 2016/04/06, 12/13/2016 (month first), 13.12.2016 and 13-12-2016 (day first).
bool DateScanner::MatchNumeric(size_t k, DateMatch* m) const {
  if (k + 4 >= t_.size()) return false;
  if (!IsNum(k, 1, 4) || !Adjacent(k + 1) || !Adjacent(k + 2) || !Adjacent(k + 3) ||
      !Adjacent(k + 4)) {
    return false;
  }
  char sep = s_[t_[k + 1].start];
  if (!(sep == '-' || sep == '/' || sep == '.') || !IsPunct(k + 1, sep) || !IsPunct(k + 3, sep)) {
    return false;
  }
  int a = t_[k].value, b = t_[k + 2].value, c = t_[k + 4].value;
  if (IsNum(k, 4, 4) && IsNum(k + 2, 1, 2) && IsNum(k + 4, 1, 2)) {
    *m = DateMatch{a, b, c};
  } else if (IsNum(k, 1, 2) && IsNum(k + 2, 1, 2) && IsNum(k + 4, 4, 4)) {
    bool month_first = (sep == '/') ? a <= 12 : b > 12;
    *m = month_first ? DateMatch{c, a, b} : DateMatch{c, b, a};
  } else {
    return false;
  }
  m->end = k + 5;
  return true;
}

// April 6, 2016 / Apr. 6th 2016
bool DateScanner::MatchMonthFirst(size_t k, DateMatch* m) const {
  if (!IsWord(k)) return false;
  int month = MonthNumber(Text(k));
  if (month == 0) return false;
  size_t j = k + 1;
  if (IsPunct(j, '.') && Adjacent(j)) ++j;
  if (!IsNum(j, 1, 2)) return false;
  int day = t_[j].value;
  j = SkipOrdinal(j + 1);
  if (IsPunct(j, ',')) ++j;
  if (!IsNum(j, 4, 4)) return false;
  *m = DateMatch{t_[j].value, month, day};
  m->end = j + 1;
  return true;
}

// 6 April 2016 / 6th of April, 2016 / 13 Dec 2016
bool DateScanner::MatchDayFirst(size_t k, DateMatch* m) const {
  if (!IsNum(k, 1, 2)) return false;
  int day = t_[k].value;
  size_t j = SkipOrdinal(k + 1);
  if (IsWord(j) && WordIs(Text(j), "of")) ++j;
  if (!IsWord(j)) return false;
  int month = MonthNumber(Text(j));
  if (month == 0) return false;
  ++j;
  if (IsPunct(j, '.') && Adjacent(j)) ++j;
  if (IsPunct(j, ',')) ++j;
  if (!IsNum(j, 4, 4)) return false;
  *m = DateMatch{t_[j].value, month, day};
  m->end = j + 1;
  return true;
}

// "am", "PM", "a.m." after an hour; adjusts *hour to the 24-hour clock.
size_t DateScanner::SkipMeridiem(size_t k, int* hour) const {
  if (!IsWord(k)) return k;
  std::string_view w = Text(k);
  bool pm = false;
  size_t next;
  if (WordIs(w, "am") || WordIs(w, "pm")) {
    pm = Lower(w[0]) == 'p';
    next = k + 1;
  } else if ((WordIs(w, "a") || WordIs(w, "p")) && IsPunct(k + 1, '.') && IsWord(k + 2) &&
             WordIs(Text(k + 2), "m")) {
    pm = Lower(w[0]) == 'p';
    next = k + 3;
    if (IsPunct(next, '.') && Adjacent(next)) ++next;
  } else {
    return k;
  }
  if (*hour < 1 || *hour > 12) return k;
  if (pm && *hour != 12) *hour += 12;
  if (!pm && *hour == 12) *hour = 0;
  return next;
}

// Time-zone names (EST, GMT, UTC, Z) and numeric offsets (+03:00, -0400).
size_t DateScanner::SkipZone(size_t k) const {
  if (IsWord(k)) {
    std::string_view w = Text(k);
    bool upper = w.size() <= 5;
    for (char c : w) upper = upper && c >= 'A' && c <= 'Z';
    if (upper) return k + 1;
    return k;
  }
  if ((IsPunct(k, '+') || IsPunct(k, '-')) && IsNum(k + 1, 2, 4) && Adjacent(k + 1)) {
    size_t j = k + 2;
    if (IsPunct(j, ':') && IsNum(j + 1, 2, 2)) j += 2;
    return j;
  }
  return k;
}

bool DateScanner::MatchTime(size_t k, int* hour, int* minute, size_t* end) const {
  if (!IsNum(k, 1, 2)) return false;
  int h = t_[k].value, mi = 0;
  size_t j = k + 1;
  if (IsPunct(j, ':') && Adjacent(j) && IsNum(j + 1, 2, 2) && Adjacent(j + 1)) {
    mi = t_[j + 1].value;
    j += 2;
    if (IsPunct(j, ':') && IsNum(j + 1, 2, 2) && Adjacent(j + 1)) j += 2;
    if (IsPunct(j, '.') && IsNum(j + 1, 1, 9) && Adjacent(j + 1)) j += 2;
    j = SkipMeridiem(j, &h);
  } else {
    size_t after = SkipMeridiem(j, &h);  // "7pm", "7 PM": an hour needs its am/pm
    if (after == j) return false;
    j = after;
  }
  if (h > 23 || mi > 59) return false;
  *hour = h;
  *minute = mi;
  *end = SkipZone(j);
  return true;
}

size_t DateScanner::SkipTimeSeparator(size_t k) const {
  if (k >= t_.size()) return k;
  if (IsWord(k)) {
    std::string_view w = Text(k);
    if (WordIs(w, "at") || (w == "T" && Adjacent(k))) return k + 1;
    return k;
  }
  if (t_[k].kind != DateToken::kPunct) return k;
  std::string_view p = Text(k);
  static constexpr std::string_view kSeparators[] = {",", "-", "|", "/", "@", "\xE2\x80\x94",
                                                     "\xE2\x80\x93", "\xE2\x80\xA2", "\xC2\xB7"};
  for (std::string_view sep : kSeparators) {
    if (p == sep) return k + 1;
  }
  return k;
}

bool DateScanner::Match(size_t k, DateMatch* out) const {
  size_t j = k;
  if (IsWord(j) && IsWeekday(Text(j))) {
    ++j;
    if (IsPunct(j, '.') && Adjacent(j)) ++j;
    if (IsPunct(j, ',')) ++j;
  }
  DateMatch m;
  if (!MatchNumeric(j, &m) && !MatchMonthFirst(j, &m) && !MatchDayFirst(j, &m)) return false;
  if (!IsValidDate(m.year, m.month, m.day)) return false;
  // Reject pieces of longer numbers ("12/13/20161", "1.2.2016.5").
  if (m.end < t_.size() && Adjacent(m.end) && t_[m.end].kind == DateToken::kNumber) return false;
  m.first = k;
  size_t t = m.end;
  for (int skips = 0; skips < 2; ++skips) {
    size_t next = SkipTimeSeparator(t);
    if (next == t) break;
    t = next;
  }
  size_t time_end;
  if (MatchTime(t, &m.hour, &m.minute, &time_end)) {
    m.end = time_end;
  } else {
    m.hour = m.minute = -1;
    m.end = SkipZone(m.end);
  }
  *out = m;
  return true;
}

bool DateScanner::TimeEndingAt(size_t k, int* hour, int* minute) const {
  size_t lowest = k > 8 ? k - 8 : 0;
  for (size_t s = k; s-- > lowest;) {
    size_t end;
    if (!MatchTime(s, hour, minute, &end)) continue;
    while (end < k && (IsPunct(end, ',') || SkipTimeSeparator(end) != end)) ++end;
    if (end == k) return true;
  }
  return false;
}

std::string FormatDate(const DateMatch& m) {
  char buf[32];
  if (m.hour >= 0) {
    std::snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d", m.year, m.month, m.day, m.hour,
                  m.minute);
  } else {
    std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", m.year, m.month, m.day);
  }
  return buf;
}

// Finds the first date in a token stream at or after token `from`.
bool NextDate(const DateScanner& scan, size_t from, DateMatch* m) {
  for (size_t k = from; k < scan.size(); ++k) {
    const DateToken& t = scan.At(k);
    if (t.kind == DateToken::kPunct) continue;
    if (t.kind == DateToken::kWord && !IsCapitalized(scan.Text(k))) continue;
    if (!scan.Match(k, m)) continue;
    if (m->hour < 0) scan.TimeEndingAt(k, &m->hour, &m->minute);
    return true;
  }
  return false;
}

// --- choosing the publication date among the dates of the first lines ---

bool ContainsLower(std::string_view haystack, std::string_view lower_needle) {
  if (haystack.size() < lower_needle.size()) return false;
  for (size_t i = 0; i + lower_needle.size() <= haystack.size(); ++i) {
    if (WordIs(haystack.substr(i, lower_needle.size()), lower_needle)) return true;
  }
  return false;
}

// How strongly the text before a date on its line says "this is when it was published".
int CueStrength(std::string_view prefix) {
  if (ContainsLower(prefix, "published") || ContainsLower(prefix, "posted")) return 5;
  if (ContainsLower(prefix, "updated") || ContainsLower(prefix, "modified")) return 3;
  if (ContainsLower(prefix, "date") || ContainsLower(prefix, "filed")) return 3;
  if (prefix.size() >= 3 && WordIs(prefix.substr(0, 3), "by ")) return 2;
  return 0;
}

// Lower-case words that may stand next to a dateline date without making it prose.
bool IsDatelineWord(std::string_view w) {
  static constexpr std::string_view kAllowed[] = {
      "on", "at", "by", "published", "posted", "updated", "last", "first", "modified",
      "date", "dated", "filed", "created", "originally", "am", "pm", "a", "m", "p", "and",
      "from", "in", "et", "edt", "est", "gmt", "utc", "bst", "cet", "min", "read", "ago"};
  for (std::string_view a : kAllowed) {
    if (w == a) return true;
  }
  return false;
}

// Counts lower-case words of prose (not cue words) in `s`.
int ProseWords(std::string_view s) {
  int count = 0;
  size_t i = 0;
  while (i < s.size()) {
    if (!IsAsciiAlpha(static_cast<unsigned char>(s[i]))) {
      ++i;
      continue;
    }
    size_t start = i;
    while (i < s.size() && IsAsciiAlpha(static_cast<unsigned char>(s[i]))) ++i;
    std::string_view w = s.substr(start, i - start);
    if (w[0] >= 'a' && w[0] <= 'z' && !IsDatelineWord(w)) ++count;
  }
  return count;
}

bool StartsWithDash(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  if (s.empty()) return false;
  return s[0] == '-' || s[0] == ':' || s[0] == '|' || s[0] == '(' ||
         s.substr(0, 3) == "\xE2\x80\x94" || s.substr(0, 3) == "\xE2\x80\x93";
}

// Score of a date found on `line`; negative when the date sits in running prose.
int ScoreDate(std::string_view line, const DateScanner& scan, const DateMatch& m) {
  std::string_view prefix = line.substr(0, scan.At(m.first).start);
  std::string_view suffix = line.substr(scan.At(m.end - 1).end);
  int cue = CueStrength(prefix);
  if (ProseWords(prefix) >= 2) return -1;
  if (prefix.size() > 80 && cue == 0) return -1;
  bool dateline_opener = StartsWithDash(suffix);
  if (!dateline_opener) {
    std::string_view rest = suffix;
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == ',')) rest.remove_prefix(1);
    bool clause_follows = !suffix.empty() && suffix.front() == ',' && !rest.empty() &&
                          rest.front() >= 'a' && rest.front() <= 'z';
    if (clause_follows || ProseWords(suffix) >= 3) return -1;
  }
  return 1 + cue + (prefix.size() <= 40 ? 1 : 0);
}

// Every date form has a four-digit year 1900-2100 (or starts with one): a cheap filter.
bool HasYear(std::string_view s) {
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (IsDigit(static_cast<unsigned char>(s[i]))) {
      ++run;
      continue;
    }
    if (run >= 4) {
      char a = s[i - run], b = s[i - run + 1];
      if ((a == '1' && b == '9') || (a == '2' && (b == '0' || b == '1'))) return true;
    }
    run = 0;
  }
  if (run >= 4) {
    char a = s[s.size() - run], b = s[s.size() - run + 1];
    return (a == '1' && b == '9') || (a == '2' && (b == '0' || b == '1'));
  }
  return false;
}

}  // namespace

std::string FindPublicationDate(std::string_view text, size_t scan_bytes) {
  text = text.substr(0, std::min(text.size(), scan_bytes));
  std::vector<DateToken> toks;
  DateMatch best;
  int best_score = -1;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (!HasYear(line)) continue;
    // A qualifying date starts within the first 80 bytes unless a cue precedes it, so long
    // prose lines are tokenized only at their start.
    Tokenize(line.substr(0, std::min<size_t>(line.size(), 200)), &toks);
    DateScanner scan(line, toks);
    DateMatch m;
    for (size_t k = 0; NextDate(scan, k, &m); k = m.end) {
      int score = ScoreDate(line, scan, m);
      if (score > best_score) {
        best_score = score;
        best = m;
      }
    }
  }
  return best_score > 0 ? FormatDate(best) : std::string();
}

std::string NormalizeDate(std::string_view value) {
  std::vector<DateToken> toks;
  Tokenize(value, &toks);
  DateScanner scan(value, toks);
  DateMatch m;
  if (NextDate(scan, 0, &m)) return FormatDate(m);
  // Compact "20160406" as some feeds write it.
  for (size_t k = 0; k < toks.size(); ++k) {
    if (toks[k].kind != DateToken::kNumber || toks[k].end - toks[k].start != 8) continue;
    int v = toks[k].value;
    DateMatch c{v / 10000, v / 100 % 100, v % 100};
    if (IsValidDate(c.year, c.month, c.day)) return FormatDate(c);
  }
  return "";
}

}  // namespace sitrep
