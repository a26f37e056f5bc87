#include "time/time_tagger.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <optional>

#include "time/calendar.h"

namespace sitrep {

namespace {

// ---------------------------------------------------------------------------------------
// Words: the tagger works on a light word split of its own (letters, numbers with their
// separators, single punctuation marks), each with byte offsets into the text.
// ---------------------------------------------------------------------------------------

struct Word {
  uint32_t start = 0;
  uint32_t end = 0;
  std::string lower;
  bool capitalized = false;
  bool alpha = false;
  bool digits = false;  // only ASCII digits
  int number = -1;      // value when the word is a plain or ordinal number
};

bool IsAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::vector<Word> SplitWords(std::string_view text, Span span) {
  std::vector<Word> words;
  uint32_t i = span.start;
  while (i < span.end) {
    char c = text[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    Word w;
    w.start = i;
    if (IsAlpha(c)) {
      while (i < span.end && IsAlpha(text[i])) ++i;
      // "a.m." and "p.m." style abbreviations stay one word.
      while (i + 1 < span.end && text[i] == '.' && IsAlpha(text[i + 1]) && i - w.start <= 2 &&
             (i + 2 >= span.end || !IsAlpha(text[i + 2]))) {
        i += 2;
      }
      if (i < span.end && text[i] == '.' && i - w.start <= 3 && w.start + 1 < i &&
          text[i - 2] == '.') {
        ++i;
      }
      w.alpha = true;
    } else if (IsDigit(c)) {
      while (i < span.end && (IsDigit(text[i]) ||
                              ((text[i] == ':' || text[i] == '/' || text[i] == '-' ||
                                text[i] == ',' || text[i] == '.') &&
                               i + 1 < span.end && IsDigit(text[i + 1])))) {
        ++i;
      }
      uint32_t digits_end = i;
      while (i < span.end && IsAlpha(text[i]) && i - digits_end < 2) ++i;  // 21st, 1990s
      if (i < span.end && IsAlpha(text[i])) i = digits_end;  // "10am" handled below
      std::string_view num = text.substr(w.start, digits_end - w.start);
      w.digits = num.find_first_not_of("0123456789") == std::string_view::npos;
      if (w.digits && num.size() <= 4) {
        w.number = 0;
        for (char d : num) w.number = w.number * 10 + (d - '0');
      }
    } else {
      // One character (a whole UTF-8 sequence for non-ASCII).
      ++i;
      while (i < span.end && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
    }
    w.end = i;
    w.lower.assign(text.substr(w.start, w.end - w.start));
    for (char& ch : w.lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    w.capitalized = std::isupper(static_cast<unsigned char>(c)) != 0;
    words.push_back(std::move(w));
  }
  return words;
}

// ---------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------

int MonthNumber(std::string_view w) {
  static const std::array<std::string_view, 12> kFull = {
      "january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december"};
  static const std::array<std::string_view, 12> kShort = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  for (int m = 0; m < 12; ++m) {
    if (w == kFull[m] || w == kShort[m]) return m + 1;
  }
  if (w == "sept") return 9;
  return 0;
}

// 0 = Monday ... 6 = Sunday; -1 when not a weekday name.
int WeekdayNumber(std::string_view w) {
  static const std::array<std::string_view, 7> kFull = {"monday", "tuesday", "wednesday", "thursday",
                                                        "friday", "saturday", "sunday"};
  static const std::array<std::string_view, 7> kShort = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  for (int d = 0; d < 7; ++d) {
    if (w == kFull[d] || w == kShort[d]) return d;
  }
  if (w == "tues") return 1;
  if (w == "thur" || w == "thurs") return 3;
  return -1;
}

// Number words up to ninety-nine, and "a"/"an" as one.
int SmallNumber(std::string_view w) {
  static const std::array<std::string_view, 20> kOnes = {
      "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
      "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
      "nineteen"};
  static const std::array<std::string_view, 8> kTens = {"twenty", "thirty", "forty", "fifty",
                                                        "sixty", "seventy", "eighty", "ninety"};
  for (int i = 0; i < 20; ++i) {
    if (w == kOnes[i]) return i;
  }
  for (int i = 0; i < 8; ++i) {
    if (w == kTens[i]) return 20 + 10 * i;
  }
  if (w == "a" || w == "an") return 1;
  if (w == "dozen") return 12;
  return -1;
}

int OrdinalNumber(std::string_view w) {
  static const std::array<std::string_view, 4> kOrd = {"first", "second", "third", "fourth"};
  for (int i = 0; i < 4; ++i) {
    if (w == kOrd[i]) return i + 1;
  }
  return -1;
}

// TimeML unit letter for a unit word ("days" -> 'D'); 0 when not a unit. Sets *time_unit
// for hours, minutes and seconds, which TimeML writes after a "T".
char UnitLetter(std::string_view w, bool* time_unit) {
  *time_unit = false;
  if (w.size() > 1 && w.back() == 's') w.remove_suffix(1);
  if (w == "day") return 'D';
  if (w == "week") return 'W';
  if (w == "month") return 'M';
  if (w == "year") return 'Y';
  if (w == "decade") return 'E';  // written as P10Y-style below
  if (w == "centurie" || w == "century") return 'C';
  *time_unit = true;
  if (w == "hour") return 'H';
  if (w == "minute") return 'N';
  if (w == "second") return 'S';
  *time_unit = false;
  return 0;
}

std::string DurationValue(const std::string& amount, char unit, bool time_unit) {
  if (unit == 'E') return amount == "X" ? "PXDE" : "P" + amount + "DE";
  if (unit == 'C') return amount == "X" ? "PXCE" : "P" + amount + "CE";
  if (unit == 'N') return "PT" + amount + "M";
  return std::string(time_unit ? "PT" : "P") + amount + unit;
}

bool IsSeason(std::string_view w, std::string* code) {
  if (w == "spring") *code = "SP";
  else if (w == "summer") *code = "SU";
  else if (w == "fall" || w == "autumn") *code = "FA";
  else if (w == "winter") *code = "WI";
  else return false;
  return true;
}

// Words that may stand before a bare year ("in 1962", "since 2015").
bool IsYearContext(std::string_view w) {
  static const std::array<std::string_view, 22> kWords = {
      "in", "since", "of", "by", "until", "till", "during", "from", "to", "before",
      "after", "early", "late", "mid", "through", "around", "fiscal", "year", "between",
      "and", "spring", "summer"};
  for (auto k : kWords) {
    if (w == k) return true;
  }
  return w == "autumn" || w == "winter" || w == "fall";
}

// ---------------------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------------------

struct Match {
  size_t length = 0;  // words consumed
  std::string value;
  std::string type = "DATE";
};

// Marks the words of sentences that speak of the future ("will", "is to", "next"), where a
// bare weekday or month points forward rather than back.
std::vector<char> FutureContext(const std::vector<Word>& words) {
  std::vector<char> future(words.size(), 0);
  size_t start = 0;
  for (size_t i = 0; i <= words.size(); ++i) {
    bool end = i == words.size() || words[i].lower == "." || words[i].lower == "?" || words[i].lower == "!";
    if (!end) continue;
    bool is_future = false;
    for (size_t j = start; j < i; ++j) {
      const std::string& w = words[j].lower;
      if (w == "will" || w == "ll" || w == "shall" || w == "scheduled" || w == "upcoming" ||
          ((w == "is" || w == "are") && j + 1 < i && words[j + 1].lower == "to")) {
        is_future = true;
      }
    }
    for (size_t j = start; j < i; ++j) future[j] = is_future;
    start = i + 1;
  }
  return future;
}

// What earlier expressions of a document leave for later ones to anchor to.
struct Anchors {
  // The last day-precision date named: "a day after" counts from it.
  std::optional<CivilDate> last_day;
  // The last quarter named ("the third quarter"): "a year earlier" then means that quarter a
  // year before, as in earnings reports.
  int last_quarter_year = 0;
  int last_quarter = 0;
};

class Matcher {
 public:
  Matcher(const std::vector<Word>& words, std::optional<CivilDate> dct, Anchors* anchors)
      : last_day(anchors->last_day),
        last_quarter_year(anchors->last_quarter_year),
        last_quarter(anchors->last_quarter),
        w_(words),
        dct_(dct),
        future_(FutureContext(words)),
        anchors_(anchors) {}
  ~Matcher() { *anchors_ = {last_day, last_quarter_year, last_quarter}; }

  // The longest expression starting at word i, if any.
  bool At(size_t i, Match* best);
  std::optional<CivilDate> last_day;
  int last_quarter_year = 0;
  int last_quarter = 0;

 private:
  const Word* word(size_t i) const { return i < w_.size() ? &w_[i] : nullptr; }
  bool Is(size_t i, std::string_view s) const { return i < w_.size() && w_[i].lower == s; }
  size_t SkipPeriod(size_t i) const { return Is(i, ".") ? i + 1 : i; }

  bool Numeric(size_t i, Match* m);
  bool MonthDate(size_t i, Match* m);
  bool DayMonth(size_t i, Match* m);
  bool Weekday(size_t i, Match* m);
  bool Deictic(size_t i, Match* m);
  bool Relative(size_t i, Match* m);
  bool Ago(size_t i, Match* m);
  bool Year(size_t i, Match* m);
  bool Duration(size_t i, Match* m);
  bool ClockTime(size_t i, Match* m);
  bool Set(size_t i, Match* m);
  bool Quarter(size_t i, Match* m);
  bool Reference(size_t i, Match* m);

  // Reads a count at word i ("three", "24", "twenty four", "a"): its value and length.
  bool Count(size_t i, int* value, size_t* length) const;
  // Chooses the year of a month (and day) mentioned without one, preferring the past.
  int InferYear(int month, int day, int direction = 0) const;
  std::string DayValue(CivilDate d);
  // Appends a part-of-day suffix ("morning" -> "TMO") at word i, if present.
  size_t PartOfDay(size_t i, std::string* value, std::string* type) const;

  const std::vector<Word>& w_;
  std::optional<CivilDate> dct_;
  std::vector<char> future_;
  Anchors* anchors_;
  size_t current_ = 0;  // the word the current match starts at
};

void TagWithAnchors(std::string_view text, Span span, std::string_view dct, Anchors* anchors,
                    std::vector<TimeExpression>* out) {
  std::vector<Word> words = SplitWords(text, span);
  Matcher matcher(words, ParseIsoDate(dct), anchors);
  for (size_t i = 0; i < words.size();) {
    Match m;
    if (!matcher.At(i, &m)) {
      ++i;
      continue;
    }
    // "on", "in", "since" stay outside; a trailing comma or period never belongs.
    size_t last = i + m.length - 1;
    while (last > i && !words[last].alpha && !words[last].digits) --last;
    out->push_back({{words[i].start, words[last].end}, std::move(m.value), std::move(m.type)});
    i += m.length;
  }
}

std::string Matcher::DayValue(CivilDate d) {
  last_day = d;
  return FormatDate(d);
}

bool Matcher::Count(size_t i, int* value, size_t* length) const {
  const Word* a = word(i);
  if (!a) return false;
  if (a->number >= 0 && a->digits) {
    *value = a->number;
    *length = 1;
    return true;
  }
  int n = SmallNumber(a->lower);
  if (n < 0) return false;
  *value = n;
  *length = 1;
  if (n >= 20 && n % 10 == 0) {  // "twenty four", "twenty-four"
    size_t j = Is(i + 1, "-") ? i + 2 : i + 1;
    const Word* b = word(j);
    int ones = b ? SmallNumber(b->lower) : -1;
    if (ones >= 1 && ones <= 9 && b->lower != "a" && b->lower != "an") {
      *value = n + ones;
      *length = j - i + 1;
    }
  }
  return true;
}

int Matcher::InferYear(int month, int day, int direction) const {
  if (!dct_) return 0;
  bool future = direction > 0 || (direction == 0 && current_ < future_.size() && future_[current_]);
  // The candidate nearest the publication date, the past preferred four to one: news reports
  // what happened, and announces only what is close.
  int best_year = dct_->year;
  int64_t best_cost = INT64_MAX;
  int64_t anchor = DaysFromCivil(*dct_);
  for (int y = dct_->year - 1; y <= dct_->year + 1; ++y) {
    int d = day > 0 ? std::min(day, DaysInMonth(y, month)) : 15;
    int64_t delta = DaysFromCivil({y, month, d}) - anchor;
    if (day <= 0 && y == dct_->year && month == dct_->month) delta = 0;
    if (direction != 0 && delta * direction < 0) continue;  // "next March", "last April"
    if (direction == 0 && y == dct_->year && month == dct_->month) {
      best_year = y;  // "this month"
      break;
    }
    int64_t cost = delta > 0 ? (future ? delta : delta * 4) : (future ? -delta * 4 : -delta);
    if (cost < best_cost) {
      best_cost = cost;
      best_year = y;
    }
  }
  return best_year;
}

size_t Matcher::PartOfDay(size_t i, std::string* value, std::string* type) const {
  const Word* a = word(i);
  if (!a) return 0;
  std::string suffix;
  if (a->lower == "morning") suffix = "TMO";
  else if (a->lower == "afternoon") suffix = "TAF";
  else if (a->lower == "evening") suffix = "TEV";
  else if (a->lower == "night") suffix = "TNI";
  else return 0;
  if (!value->empty()) *value += suffix;
  *type = "TIME";
  return 1;
}

bool Matcher::Numeric(size_t i, Match* m) {
  const Word& a = w_[i];
  std::string_view s = a.lower;
  int y = 0, mo = 0, d = 0;
  if (s.size() == 10 && s[4] == '-' && s[7] == '-') {  // 2016-12-13
    if (auto date = ParseIsoDate(s)) {
      m->value = DayValue(*date);
      m->length = 1;
      return true;
    }
    return false;
  }
  if (std::sscanf(a.lower.c_str(), "%d/%d/%d", &mo, &d, &y) == 3 && s.find('/') != std::string_view::npos) {
    if (y < 100) y += y < 50 ? 2000 : 1900;
    if (mo > 12 && d <= 12) std::swap(mo, d);  // day first
    if (!IsValidDate(y, mo, d) || y < 1900 || y > 2100) return false;
    m->value = DayValue({y, mo, d});
    m->length = 1;
    return true;
  }
  return false;
}

// "December 11", "Dec. 11, 2016", "March 2016", "in April", optionally after a weekday.
bool Matcher::MonthDate(size_t i, Match* m) {
  size_t j = i;
  int weekday = WeekdayNumber(w_[j].lower);
  if (weekday >= 0 && w_[j].capitalized) {
    j = SkipPeriod(j + 1);
    if (Is(j, ",")) ++j;
  }
  const Word* mw = word(j);
  if (!mw || !mw->alpha || !mw->capitalized) return false;
  int month = MonthNumber(mw->lower);
  if (month == 0) return false;
  bool abbreviated = mw->lower.size() <= 4 && mw->lower != "may" && mw->lower != "june" && mw->lower != "july";
  size_t k = j + 1;
  if (abbreviated) k = SkipPeriod(k);
  int day = 0;
  if (const Word* dw = word(k); dw && dw->number >= 1 && dw->number <= 31 &&
                                (dw->digits || dw->lower.size() <= 4)) {
    day = dw->number;
    ++k;
  }
  int year = 0;
  size_t after_day = k;
  if (day > 0 && Is(k, ",")) ++k;
  if (const Word* yw = word(k); yw && yw->digits && yw->number >= 1800 && yw->number <= 2100) {
    year = yw->number;
    ++k;
  } else {
    k = after_day;
  }
  // A lone month name must look like a date: "May" and "March" are also words.
  if (day == 0 && year == 0) {
    const Word* prev = i > 0 ? word(i - 1) : nullptr;
    bool context = prev && (IsYearContext(prev->lower) || prev->lower == "last" ||
                            prev->lower == "next" || prev->lower == "this" || prev->lower == "-");
    if (!context || (mw->lower == "may" && !prev)) return false;
  }
  if (day > 0 && !IsValidDate(year ? year : 2000, month, day)) return false;
  if (year == 0) {
    const Word* prev = i > 0 ? word(i - 1) : nullptr;
    if (prev && prev->lower == "this" && dct_) {
      year = dct_->year;
    } else {
      int direction = prev && prev->lower == "next" ? 1 : prev && prev->lower == "last" ? -1 : 0;
      year = InferYear(month, day, direction);
    }
  }
  if (day > 0) {
    m->value = year ? DayValue({year, month, day}) : "XXXX-" + FormatMonth(0, month).substr(5) +
                                                        "-" + (day < 10 ? "0" : "") + std::to_string(day);
  } else {
    m->value = year ? FormatMonth(year, month) : "XXXX-" + FormatMonth(0, month).substr(5);
  }
  m->length = k - i;
  return true;
}

// "11 December 2016", "the 11th of December".
bool Matcher::DayMonth(size_t i, Match* m) {
  size_t j = i;
  if (Is(j, "the")) ++j;
  const Word* dw = word(j);
  if (!dw || dw->number < 1 || dw->number > 31) return false;
  size_t k = j + 1;
  if (Is(k, "of")) ++k;
  const Word* mw = word(k);
  if (!mw || !mw->capitalized) return false;
  int month = MonthNumber(mw->lower);
  if (month == 0) return false;
  k = SkipPeriod(k + 1);
  int year = 0;
  if (Is(k, ",")) ++k;
  if (const Word* yw = word(k); yw && yw->digits && yw->number >= 1800 && yw->number <= 2100) {
    year = yw->number;
    ++k;
  } else if (k > 0 && Is(k - 1, ",")) {
    --k;
  }
  if (!IsValidDate(year ? year : 2000, month, dw->number)) return false;
  if (year == 0) year = InferYear(month, dw->number);
  m->value = year ? DayValue({year, month, dw->number}) : "";
  m->length = k - i;
  return true;
}

bool Matcher::Weekday(size_t i, Match* m) {
  size_t j = i;
  int direction = 0;  // -1 last, +1 next, 0 nearest (past preferred)
  if (Is(j, "last") || Is(j, "past")) direction = -1, ++j;
  else if (Is(j, "next") || Is(j, "coming")) direction = 1, ++j;
  else if (Is(j, "this")) ++j;
  const Word* a = word(j);
  if (!a || !a->capitalized) return false;
  int wd = WeekdayNumber(a->lower);
  if (wd < 0) return false;
  size_t k = SkipPeriod(j + 1);
  bool abbreviated = a->lower.size() <= 4;
  if (abbreviated && !Is(j + 1, ".")) return false;  // "Sun", "Wed" alone are other words
  if (direction == 0 && current_ < future_.size() && future_[current_]) direction = 1;
  if (dct_) {
    int today = sitrep::Weekday(*dct_);
    int back = (today - wd + 7) % 7;
    int ahead = (wd - today + 7) % 7;
    // A weekday named on that same weekday is the publication day itself.
    int64_t offset = direction > 0 ? ahead : -back;
    m->value = DayValue(AddDays(*dct_, offset));
  } else {
    m->value = "";
  }
  m->length = k - i;
  return true;
}

bool Matcher::Deictic(size_t i, Match* m) {
  const std::string& s = w_[i].lower;
  int offset;
  if (s == "today") offset = 0;
  else if (s == "yesterday") offset = -1;
  else if (s == "tomorrow") offset = 1;
  else if (s == "tonight") {
    m->value = dct_ ? FormatDate(*dct_) + "TNI" : "";
    m->type = "TIME";
    m->length = 1;
    return true;
  } else if (s == "last" && Is(i + 1, "night")) {
    m->value = dct_ ? FormatDate(AddDays(*dct_, -1)) + "TNI" : "";
    m->type = "TIME";
    m->length = 2;
    return true;
  } else if (s == "this" && i + 1 < w_.size()) {
    std::string value = dct_ ? FormatDate(*dct_) : "";
    size_t n = PartOfDay(i + 1, &value, &m->type);
    if (n == 0) return false;
    m->value = value;
    m->length = 1 + n;
    return true;
  } else {
    return false;
  }
  m->value = dct_ ? DayValue(AddDays(*dct_, offset)) : "";
  m->length = 1;
  return true;
}

// "last week", "this year", "late last month", "earlier this year", "next spring".
bool Matcher::Relative(size_t i, Match* m) {
  size_t j = i;
  while (Is(j, "early") || Is(j, "earlier") || Is(j, "late") || Is(j, "later") || Is(j, "mid") ||
         Is(j, "-")) {
    ++j;
  }
  int direction;
  if (Is(j, "last") || Is(j, "previous")) direction = -1;
  else if (Is(j, "next") || Is(j, "coming")) direction = 1;
  else if (Is(j, "this") || Is(j, "current")) direction = 0;
  else return false;
  const Word* u = word(j + 1);
  if (!u) return false;
  std::string season;
  m->length = j + 2 - i;
  if (!dct_) {
    bool time_unit;
    if (UnitLetter(u->lower, &time_unit) == 0 && !IsSeason(u->lower, &season) &&
        u->lower != "weekend" && u->lower != "quarter") {
      return false;
    }
    m->value = "";
    return true;
  }
  const CivilDate& d = *dct_;
  if (u->lower == "week") {
    m->value = FormatWeek(AddDays(d, 7 * direction));
  } else if (u->lower == "weekend") {
    m->value = FormatWeek(AddDays(d, 7 * direction)) + "-WE";
  } else if (u->lower == "month") {
    CivilDate t = AddMonths(d, direction);
    m->value = FormatMonth(t.year, t.month);
  } else if (u->lower == "year") {
    m->value = std::to_string(d.year + direction);
  } else if (u->lower == "quarter") {
    int q = (d.month - 1) / 3 + direction;
    int y = d.year + (q < 0 ? -1 : q > 3 ? 1 : 0);
    q = (q + 4) % 4;
    m->value = std::to_string(y) + "-Q" + std::to_string(q + 1);
  } else if (IsSeason(u->lower, &season)) {
    int y = d.year + direction;
    if (direction == -1 && (season == "SP" || season == "SU") && d.month >= 9) y = d.year;
    m->value = std::to_string(y) + "-" + season;
  } else if (u->lower == "decade") {
    m->value = std::to_string((d.year + 10 * direction) / 10);
  } else if (u->lower == "century") {
    m->value = std::to_string((d.year - 1) / 100 + direction);
  } else {
    return false;
  }
  return true;
}

// "two years ago", "a week ago", "three days earlier" (anchored), "a day after".
bool Matcher::Ago(size_t i, Match* m) {
  int n;
  size_t len;
  size_t j = i;
  bool vague = false;
  if (Is(j, "several") || Is(j, "few") || Is(j, "many") || Is(j, "some")) {
    vague = true;
    len = 1;
  } else if (!Count(j, &n, &len)) {
    return false;
  }
  bool time_unit;
  const Word* u = word(j + len);
  if (!u) return false;
  char unit = UnitLetter(u->lower, &time_unit);
  if (unit == 0 || time_unit) return false;
  size_t k = j + len + 1;
  bool ago = Is(k, "ago");
  bool after = Is(k, "after") || Is(k, "later");
  bool before = Is(k, "before") || Is(k, "earlier");
  if (!ago && !after && !before) return false;
  // "ago" counts from publication; "after"/"later" from the last date named, else from it.
  std::optional<CivilDate> anchor = ago ? dct_ : (last_day ? last_day : (before || Is(k, "later") ? dct_ : std::nullopt));
  if (!ago && !anchor) return false;  // "a day after" with nothing to anchor to: a duration
  m->length = k + 1 - i;
  if (!anchor || vague) {
    m->value = vague && ago ? "PAST_REF" : "";
    return true;
  }
  int sign = after ? 1 : -1;
  CivilDate d = *anchor;
  switch (unit) {
    case 'D': m->value = DayValue(AddDays(d, sign * n)); break;
    case 'W': m->value = FormatWeek(AddDays(d, sign * 7 * n)); break;
    case 'M': {
      CivilDate t = AddMonths(d, sign * n);
      m->value = FormatMonth(t.year, t.month);
      break;
    }
    case 'Y':
      m->value = std::to_string((last_quarter ? last_quarter_year : d.year) + sign * n);
      if (last_quarter) m->value += "-Q" + std::to_string(last_quarter);
      break;
    case 'E': m->value = std::to_string((d.year + sign * 10 * n) / 10); break;
    default: m->value = "";
  }
  if (!ago && unit == 'D') m->length = k - i;  // keep "after" out of the span
  return true;
}

bool Matcher::Year(size_t i, Match* m) {
  const Word& a = w_[i];
  // Centuries: "the 20th century" is TimeML "19" (the years 19xx).
  if (a.number >= 1 && a.number <= 21 && a.lower.size() >= 3 && Is(i + 1, "century")) {
    std::string_view suffix = std::string_view(a.lower).substr(a.lower.size() - 2);
    if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") {
      char buf[8];
      std::snprintf(buf, sizeof buf, "%02d", a.number - 1);
      m->value = buf;
      m->length = 2;
      return true;
    }
  }
  // Decades: "1990s", "the 1980s".
  if (a.lower.size() == 5 && a.lower.back() == 's' && IsDigit(a.lower[0]) && a.lower[3] == '0') {
    int century = std::atoi(a.lower.substr(0, 3).c_str());
    if (century >= 180 && century <= 210) {
      m->value = a.lower.substr(0, 3);
      m->length = 1;
      return true;
    }
  }
  if (!a.digits || a.number < 1900 || a.number > 2100 || a.lower.size() != 4) return false;
  const Word* prev = i > 0 ? word(i - 1) : nullptr;
  const Word* next = word(i + 1);
  bool context = prev && IsYearContext(prev->lower);
  bool standalone = !next || (!next->alpha && next->lower != "%" && !next->digits);
  // "the 1990 budget": a year before a singular noun; "1990 troops" is a count.
  if (!context && !standalone && next->alpha && !next->capitalized && next->lower.back() != 's' &&
      next->lower != "people" && next->lower != "police" && next->lower != "men" &&
      next->lower != "women" && next->lower != "children" && next->lower != "personnel" &&
      a.number >= 1950 && a.number <= 2030) {
    standalone = true;
  }
  if (prev && prev->lower == "$") return false;
  if (!context && !standalone) return false;
  m->value = std::to_string(a.number);
  m->length = 1;
  return true;
}

bool Matcher::Duration(size_t i, Match* m) {
  size_t j = i;
  bool article = false;
  if (Is(j, "the") && (Is(j + 1, "past") || Is(j + 1, "last") || Is(j + 1, "next") ||
                       Is(j + 1, "previous") || Is(j + 1, "coming") || Is(j + 1, "first"))) {
    j += 2;
    article = true;
  }
  int n = 1;
  size_t len = 0;
  std::string amount;
  if (Is(j, "several") || Is(j, "few") || Is(j, "many") || Is(j, "some")) {
    amount = "X";
    len = 1;
  } else if (Count(j, &n, &len)) {
    amount = std::to_string(n);
  } else if (article) {
    amount = "1";  // "the past week"
  } else {
    return false;
  }
  size_t k = j + len;
  if (Is(k, "-")) ++k;  // "five-year"
  const Word* u = word(k);
  if (!u) return false;
  bool time_unit;
  char unit = UnitLetter(u->lower, &time_unit);
  if (unit == 0) return false;
  if (amount == "1" && !article && u->lower.back() == 's') return false;  // "a years"? no
  if (!article && len == 1 && (w_[j].lower == "a" || w_[j].lower == "an") && Is(k + 1, "ago")) return false;
  if (Is(k + 1, "-") && Is(k + 2, "old")) return false;  // an age, not a time
  m->value = DurationValue(amount, unit, time_unit);
  m->type = "DURATION";
  m->length = k + 1 - i;
  if (Is(k + 1, "-") && Is(k + 2, "long")) m->length += 2;
  return true;
}

bool Matcher::ClockTime(size_t i, Match* m) {
  const Word& a = w_[i];
  int hour = -1, minute = 0;
  size_t k = i + 1;
  if (a.lower.size() >= 4 && a.lower.size() <= 5 && a.lower[a.lower.size() - 3] == ':') {
    hour = std::atoi(a.lower.c_str());
    minute = std::atoi(a.lower.c_str() + a.lower.size() - 2);
  } else if (a.digits && a.number >= 1 && a.number <= 12 &&
             (Is(k, "a.m.") || Is(k, "p.m.") || Is(k, "am") || Is(k, "pm") || Is(k, "a.m") ||
              Is(k, "p.m"))) {
    hour = a.number;
  } else if (a.lower == "noon" || a.lower == "midday") {
    hour = 12;
  } else if (a.lower == "midnight") {
    hour = 24;
  } else {
    return false;
  }
  if (hour < 0 || hour > 24 || minute > 59) return false;
  if (Is(k, "p.m.") || Is(k, "pm") || Is(k, "p.m")) {
    if (hour < 12) hour += 12;
    ++k;
  } else if (Is(k, "a.m.") || Is(k, "am") || Is(k, "a.m")) {
    if (hour == 12) hour = 0;
    ++k;
  }
  // Time zones and "local time" belong to the expression.
  static const std::array<std::string_view, 10> kZones = {"gmt", "utc", "est", "edt", "cst", "cdt",
                                                          "pst", "pdt", "bst", "cet"};
  if (const Word* z = word(k); z && std::find(kZones.begin(), kZones.end(), z->lower) != kZones.end()) ++k;
  if (Is(k, "local") && Is(k + 1, "time")) k += 2;
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d:%02d", hour, minute);
  m->value = (dct_ ? FormatDate(*dct_) : std::string("XXXX-XX-XX")) + buf;
  m->type = "TIME";
  m->length = k - i;
  return true;
}

bool Matcher::Set(size_t i, Match* m) {
  const std::string& s = w_[i].lower;
  static const std::array<std::pair<std::string_view, std::string_view>, 7> kAdverbs = {{
      {"daily", "P1D"}, {"weekly", "P1W"}, {"monthly", "P1M"}, {"annually", "P1Y"},
      {"yearly", "P1Y"}, {"nightly", "P1D"}, {"hourly", "PT1H"}}};
  for (auto [word, value] : kAdverbs) {
    if (s == word) {
      m->value = std::string(value);
      m->type = "SET";
      m->length = 1;
      return true;
    }
  }
  if (s != "every" && s != "each" && s != "per") return false;
  size_t j = i + 1;
  int n = 1;
  size_t len = 0;
  if (!Count(j, &n, &len)) n = 1, len = 0;
  const Word* u = word(j + len);
  if (!u) return false;
  bool time_unit;
  char unit = UnitLetter(u->lower, &time_unit);
  if (unit == 0) return false;
  m->value = DurationValue(std::to_string(n), unit, time_unit);
  m->type = "SET";
  m->length = j + len + 1 - i;
  return true;
}

bool Matcher::Quarter(size_t i, Match* m) {
  size_t j = i;
  if (Is(j, "the")) ++j;
  const Word* o = word(j);
  if (!o) return false;
  int q = OrdinalNumber(o->lower);
  if (q < 0 && o->number >= 1 && o->number <= 4 && !o->digits) q = o->number;  // "3rd"
  size_t quarter_at = Is(j + 1, "-") ? j + 2 : j + 1;  // "third-quarter"
  if (q < 0 && dct_ && (o->lower == "latest" || o->lower == "quarter" || o->lower == "year-ago" ||
                        o->lower == "year-earlier" || o->lower == "recent" || o->lower == "past")) {
    // The latest completed quarter, or the same quarter a year before.
    int current = (dct_->month - 1) / 3;  // 0-based quarter of publication
    int year = dct_->year;
    int latest = current == 0 ? 4 : current;
    if (current == 0) --year;
    bool year_ago = o->lower == "year-ago" || o->lower == "year-earlier";
    size_t k = o->lower == "quarter" ? j + 1 : j + 2;
    if (o->lower != "quarter" && !Is(j + 1, "quarter")) return false;
    if (o->lower == "quarter" && i == j) return false;  // needs "the"
    m->value = std::to_string(year - (year_ago ? 1 : 0)) + "-Q" + std::to_string(latest);
    m->length = k - i;
    return true;
  }
  if (q < 1 || q > 4 || !Is(quarter_at, "quarter")) return false;
  size_t k = quarter_at + 1;
  last_quarter = q;
  int year = 0;
  if (Is(k, "of") && word(k + 1) && word(k + 1)->digits && word(k + 1)->number >= 1900) {
    year = word(k + 1)->number;
    k += 2;
  } else if (dct_) {
    int current = (dct_->month - 1) / 3 + 1;
    year = q <= current ? dct_->year : dct_->year - 1;
  }
  m->value = year ? std::to_string(year) + "-Q" + std::to_string(q) : "";
  last_quarter_year = year;
  if (!year) last_quarter = 0;
  m->length = k - i;
  return true;
}

bool Matcher::Reference(size_t i, Match* m) {
  const std::string& s = w_[i].lower;
  m->length = 1;
  bool tu = false;
  if (s == "now" || s == "nowadays" || s == "currently") {
    m->value = "PRESENT_REF";
  } else if (s == "recently" || s == "formerly") {
    m->value = "PAST_REF";
  } else if (s == "recent" && word(i + 1) && UnitLetter(word(i + 1)->lower, &tu) && !tu) {
    m->value = "PAST_REF";  // "recent years"
    m->length = 2;
  } else if (s == "these" && Is(i + 1, "days")) {
    m->value = "PRESENT_REF";
    m->length = 2;
  } else if (s == "the" && Is(i + 1, "past") && !(word(i + 2) && (word(i + 2)->alpha || word(i + 2)->digits))) {
    m->value = "PAST_REF";
    m->length = 2;
  } else if (s == "the" && Is(i + 1, "future")) {
    m->value = "FUTURE_REF";
    m->length = 2;
  } else if ((s == "year-earlier" || s == "year-ago") && dct_) {
    m->value = std::to_string(dct_->year - 1);
  } else if (s == "the" && Is(i + 1, "weekend") && dct_) {
    int wd = sitrep::Weekday(*dct_);
    m->value = FormatWeek(AddDays(*dct_, wd <= 2 ? -7 : 0)) + "-WE";
    m->length = 2;
  } else if (s == "at" && Is(i + 1, "present")) {
    m->value = "PRESENT_REF";
    m->length = 2;
  } else {
    return false;
  }
  return true;
}

bool Matcher::At(size_t i, Match* best) {
  using Rule = bool (Matcher::*)(size_t, Match*);
  static constexpr Rule kRules[] = {&Matcher::Numeric,  &Matcher::MonthDate, &Matcher::DayMonth,
                                    &Matcher::Weekday,  &Matcher::Deictic,   &Matcher::Relative,
                                    &Matcher::Ago,      &Matcher::Quarter,   &Matcher::Year,
                                    &Matcher::ClockTime, &Matcher::Set,      &Matcher::Duration,
                                    &Matcher::Reference};
  best->length = 0;
  current_ = i;
  std::optional<CivilDate> saved = last_day;
  std::optional<CivilDate> chosen = last_day;
  for (Rule rule : kRules) {
    Match m;
    last_day = saved;
    if ((this->*rule)(i, &m) && m.length > best->length) {
      *best = std::move(m);
      chosen = last_day;
    }
  }
  last_day = chosen;
  return best->length > 0;
}

}  // namespace

void TimeTagger::Tag(std::string_view text, Span span, std::string_view dct,
                     std::vector<TimeExpression>* out) const {
  Anchors anchors;
  TagWithAnchors(text, span, dct, &anchors, out);
}

void TimeTagger::TagDocument(const Document& doc, std::vector<TimeExpression>* out) const {
  // Paragraph by paragraph, so that no expression runs across a paragraph break; datelines
  // and bylines marked as boilerplate are tagged too, since they state dates.
  std::vector<Span> spans = doc.paragraphs;
  for (const BoilerplateSpan& b : doc.boilerplate) spans.push_back(b.span);
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
  if (spans.empty()) spans.push_back({0, static_cast<uint32_t>(doc.text.size())});
  Anchors anchors;
  for (const Span& s : spans) TagWithAnchors(doc.text, s, doc.date, &anchors, out);
}

}  // namespace sitrep
