#include "text/tokenizer.h"

#include <array>
#include <cstring>

#include "base/utf8.h"

namespace sitrep {

namespace {

// ---------------------------------------------------------------------------------------
// Character classes. ASCII goes through a table; other code points through range tests.

enum : uint8_t { kSpaceBit = 1, kAlphaBit = 2, kDigitBit = 4, kUpperBit = 8, kWordBit = 16 };

constexpr std::array<uint8_t, 128> MakeAsciiTable() {
  std::array<uint8_t, 128> t{};
  for (int c : {' ', '\t', '\n', '\r', '\f', '\v'}) t[c] = kSpaceBit;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kAlphaBit | kWordBit;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kAlphaBit | kUpperBit | kWordBit;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigitBit | kWordBit;
  t['_'] = kWordBit;
  return t;
}
constexpr std::array<uint8_t, 128> kAscii = MakeAsciiTable();

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsAlnum(char c) { return IsAlpha(c) || IsDigit(c); }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

bool IsSpaceCp(char32_t c) {
  if (c < 128) return kAscii[c] & kSpaceBit;
  return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

// Non-ASCII punctuation and symbols: each is a token of its own.
bool IsPunctCp(char32_t c) {
  if (c < 0xA0) return false;
  if (c <= 0xBF) {
    return !(c == 0xAA || c == 0xB2 || c == 0xB3 || c == 0xB5 || c == 0xB9 || c == 0xBA);
  }
  return c == 0xD7 || c == 0xF7 || (c >= 0x2010 && c <= 0x205E) ||
         (c >= 0x20A0 && c <= 0x20CF) || (c >= 0x2100 && c <= 0x2BFF) ||
         (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F) ||
         (c >= 0xFF1A && c <= 0xFF20) || (c >= 0x1F000 && c <= 0x1FAFF);
}

bool IsWordCp(char32_t c) {
  if (c < 128) return kAscii[c] & kWordBit;
  return !IsSpaceCp(c) && !IsPunctCp(c);
}

constexpr char32_t kLeftSingle = 0x2018, kRightSingle = 0x2019;
constexpr char32_t kLeftDouble = 0x201C, kRightDouble = 0x201D;
constexpr char32_t kEllipsis = 0x2026;

bool IsApostrophe(char32_t c) { return c == '\'' || c == kRightSingle; }

// Hyphenated words whose first part is one of these stay whole in EWT ("e-mail",
// "non-violent", "mid-July"); other hyphens are tokens of their own.
constexpr std::string_view kHyphenPrefixes[] = {
    "e",     "non",   "mid",   "pre",    "anti",    "re",     "post",   "over",  "co",
    "pro",   "multi", "semi",  "ex",     "sub",     "vice",   "neo",    "cross", "counter",
    "psycho", "socio", "un",   "mis",    "micro",   "intra",  "ultra",  "quasi",
    "pseudo", "trans", "bi",   "tri",    "mega",    "mini",   "extra",  "super", "x"};

bool EqualsLower(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if ((word[i] | 0x20) != lower[i]) return false;
  }
  return true;
}

bool IsHyphenPrefix(std::string_view part) {
  for (std::string_view p : kHyphenPrefixes) {
    if (EqualsLower(part, p)) return true;
  }
  return false;
}

// Words written without their apostrophe that EWT still splits; `split` is the length of the
// first part ("cannot" -> "can|not", "gonna" -> "gon|na").
struct FusedWord {
  std::string_view word;
  uint8_t split;
  bool lower_only = false;  // "ive" but not the surname "Ive"
};
constexpr FusedWord kFusedWords[] = {
    {"cannot", 3}, {"gonna", 3},  {"gotta", 3},   {"wanna", 3},    {"dont", 2},
    {"didnt", 3},  {"doesnt", 4}, {"isnt", 2},    {"wasnt", 3},    {"werent", 4},
    {"arent", 3},  {"couldnt", 5}, {"wouldnt", 5}, {"shouldnt", 6}, {"havent", 4},
    {"hasnt", 3},  {"hadnt", 3},  {"cant", 2},    {"wont", 2},     {"aint", 2},
    {"im", 1, true}, {"ive", 1, true}, {"thats", 4, true}, {"whats", 4, true},
    {"theyre", 4, true}, {"youre", 3, true}, {"hes", 2, true}};

// Up to eight lower-cased ASCII letters packed into an integer, for cheap comparisons.
constexpr uint64_t PackLower(std::string_view w) {
  uint64_t packed = 0;
  for (char c : w) packed = (packed << 8) | static_cast<uint8_t>(c | 0x20);
  return packed;
}

constexpr size_t kFusedCount = sizeof(kFusedWords) / sizeof(kFusedWords[0]);
constexpr std::array<uint64_t, kFusedCount> kFusedPacked = [] {
  std::array<uint64_t, kFusedCount> packed{};
  for (size_t i = 0; i < kFusedCount; ++i) packed[i] = PackLower(kFusedWords[i].word);
  return packed;
}();

// First-part length of a fused word, or 0. Matches lower case and a capitalised first letter.
size_t FusedSplit(std::string_view w) {
  if (w.size() < 2 || w.size() > 8) return 0;
  // Cheap filter on the last and first letters before the table scan (this runs per word).
  char last = static_cast<char>(w.back() | 0x20);
  if (last != 't' && last != 'a' && last != 'm' && last != 'e' && last != 's') return 0;
  switch (w[0] | 0x20) {
    case 'a': case 'c': case 'd': case 'g': case 'h': case 'i': case 's': case 't': case 'w':
    case 'y':
      break;
    default:
      return 0;
  }
  for (size_t i = 1; i < w.size(); ++i) {
    if (!(w[i] >= 'a' && w[i] <= 'z')) return 0;
  }
  bool lower = w[0] >= 'a' && w[0] <= 'z';
  const uint64_t packed = PackLower(w);
  for (size_t i = 0; i < kFusedCount; ++i) {
    if (kFusedPacked[i] == packed && (lower || !kFusedWords[i].lower_only)) {
      return kFusedWords[i].split;
    }
  }
  return 0;
}

// Letters after a number that stay on it: ordinals and decades ("4th", "1990s").
bool IsNumberSuffix(std::string_view s) {
  return s == "s" || s == "th" || s == "st" || s == "nd" || s == "rd" || s == "S" ||
         s == "TH" || s == "ST" || s == "ND" || s == "RD";
}

// Upper-case units split from a number as EWT does ("8K", "5PM", "$3M"); other capitals
// stay on ("4G", "17H").
bool IsUpperUnit(std::string_view s) {
  return s == "AM" || s == "PM" || s == "K" || s == "M" || s == "MM" || s == "B" || s == "BN" ||
         s == "KB" || s == "MB" || s == "GB" || s == "TB";
}

constexpr std::string_view kEmoticons[] = {
    ":-)", ":-(", ";-)", ":-D", ":-P", ":-p", ":'(", "^_^", ":)", ":(", ";)",
    ":D",  ":P",  ":p",  "=)",  "=(",  ":/",  "<3",  ":o",  ":O", "XD"};

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

// ---------------------------------------------------------------------------------------
// Scanner: the state of one Tokenize call.

class Scanner {
 public:
  Scanner(std::string_view text, Span span, const AbbreviationSet& abbreviations,
          const TokenizerOptions& options, std::vector<TokenInfo>* out)
      : text_(text.substr(0, span.end)), pos_(span.start), abbr_(abbreviations),
        options_(options), out_(out) {}

  void Run();

 private:
  char32_t PeekCp(uint32_t at, uint32_t* len) const;
  char At(uint32_t at) const { return at < text_.size() ? text_[at] : '\0'; }
  bool IsWordAt(uint32_t at) const;
  bool AtBoundary(uint32_t at) const;  // end of text or whitespace at `at`

  void SkipSpace();
  void Emit(uint32_t start, uint32_t end, TokenKind kind,
            AbbreviationClass abbr = AbbreviationClass::kNone);
  void ScanOne();
  bool ScanUrl();
  bool ScanEmoticon();
  void ScanWord();
  void ScanPunct();
  bool ScanDetachedClitic(uint32_t apostrophe_len);
  uint32_t WordRunEnd(uint32_t at) const;
  bool ContinueWord(uint32_t segment_start, uint32_t at, uint32_t* next) const;
  bool JoinHyphen(uint32_t segment_start, uint32_t at) const;
  bool IsDateSlash(uint32_t segment_start, uint32_t at) const;
  uint32_t ExtendEmail(uint32_t end) const;
  bool TakeAbbreviation(uint32_t start, uint32_t end);
  void EmitWord(uint32_t start, uint32_t end, bool has_apostrophe);
  void EmitWordPieces(uint32_t start, uint32_t end, bool has_apostrophe);

  std::string_view text_;
  uint32_t pos_;
  const AbbreviationSet& abbr_;
  const TokenizerOptions& options_;
  std::vector<TokenInfo>* out_;
  bool space_before_ = true;
  bool newline_before_ = false;
};

char32_t Scanner::PeekCp(uint32_t at, uint32_t* len) const {
  if (at >= text_.size()) {
    *len = 0;
    return 0;
  }
  unsigned char c = static_cast<unsigned char>(text_[at]);
  if (c < 128) {
    *len = 1;
    return c;
  }
  size_t p = at;
  char32_t cp = DecodeUtf8(text_, &p);
  *len = static_cast<uint32_t>(p - at);
  return cp;
}

bool Scanner::IsWordAt(uint32_t at) const {
  if (at >= text_.size()) return false;
  unsigned char c = static_cast<unsigned char>(text_[at]);
  if (c < 128) return kAscii[c] & kWordBit;
  uint32_t len;
  return IsWordCp(PeekCp(at, &len));
}

bool Scanner::AtBoundary(uint32_t at) const {
  if (at >= text_.size()) return true;
  uint32_t len;
  return IsSpaceCp(PeekCp(at, &len));
}

void Scanner::Run() {
  while (true) {
    SkipSpace();
    if (pos_ >= text_.size()) return;
    ScanOne();
  }
}

void Scanner::SkipSpace() {
  while (pos_ < text_.size()) {
    unsigned char c = static_cast<unsigned char>(text_[pos_]);
    if (c < 128) {
      if (!(kAscii[c] & kSpaceBit)) return;
      if (c == '\n') newline_before_ = true;
      space_before_ = true;
      ++pos_;
      continue;
    }
    uint32_t len;
    char32_t cp = PeekCp(pos_, &len);
    if (!IsSpaceCp(cp)) return;
    if (cp == 0x2028 || cp == 0x2029) newline_before_ = true;
    space_before_ = true;
    pos_ += len;
  }
}

void Scanner::Emit(uint32_t start, uint32_t end, TokenKind kind, AbbreviationClass abbr) {
  TokenInfo t;
  t.start = start;
  t.end = end;
  t.kind = kind;
  t.abbreviation = abbr;
  t.space_before = space_before_;
  t.newline_before = newline_before_;
  out_->push_back(t);
  space_before_ = false;
  newline_before_ = false;
  pos_ = end;
}

void Scanner::ScanOne() {
  if (ScanUrl() || (space_before_ && ScanEmoticon())) return;
  uint32_t len;
  char32_t c = PeekCp(pos_, &len);
  bool signed_number = (c == '+') && space_before_ && IsDigit(At(pos_ + 1));
  // "@handle" and "#hashtag" are one token.
  bool handle = (c == '@' || c == '#') && space_before_ && IsAlpha(At(pos_ + 1));
  // "'90s", "’73": an apostrophe standing for the century belongs to the number.
  bool elided_year = IsApostrophe(c) && IsDigit(At(pos_ + len)) && IsDigit(At(pos_ + len + 1)) &&
                     !IsDigit(At(pos_ + len + 2));
  if (IsWordCp(c) || signed_number || elided_year || handle) {
    ScanWord();
  } else if (!space_before_ && IsApostrophe(c) && ScanDetachedClitic(len)) {
    return;
  } else {
    ScanPunct();
  }
}

// A clitic glued to a token that is not a plain word: "U.S.'s", "Inc.'s", "B.C.’s".
bool Scanner::ScanDetachedClitic(uint32_t apostrophe_len) {
  uint32_t end = pos_ + apostrophe_len;
  while (IsAlpha(At(end))) ++end;
  if (IsWordAt(end) || end == pos_ + apostrophe_len) return false;
  std::string_view tail = text_.substr(pos_ + apostrophe_len, end - pos_ - apostrophe_len);
  if (!(EqualsLower(tail, "s") || EqualsLower(tail, "re") || EqualsLower(tail, "ll") ||
        EqualsLower(tail, "ve") || EqualsLower(tail, "m") || EqualsLower(tail, "d"))) {
    return false;
  }
  Emit(pos_, end, TokenKind::kWord);
  return true;
}

// ---------------------------------------------------------------------------------------
// URLs, e-mail addresses, emoticons.

bool Scanner::ScanUrl() {
  // This runs at every token: test the second letter before comparing whole prefixes.
  char first = text_[pos_];
  char second = At(pos_ + 1);
  bool maybe = (first == 'h' && second == 't') || (first == 'w' && second == 'w') ||
               (first == 'f' && second == 't') || (first == 'm' && second == 'a');
  if (!maybe || (pos_ > 0 && IsAlnum(text_[pos_ - 1]))) return false;
  std::string_view rest = text_.substr(pos_);
  if (!(StartsWith(rest, "http://") || StartsWith(rest, "https://") ||
        StartsWith(rest, "ftp://") || StartsWith(rest, "www.") || StartsWith(rest, "mailto:"))) {
    return false;
  }
  uint32_t end = pos_;
  while (end < text_.size() && !AtBoundary(end)) ++end;
  // Trailing punctuation belongs to the sentence, not the address.
  while (end > pos_ + 4) {
    char c = text_[end - 1];
    unsigned char u = static_cast<unsigned char>(c);
    if (std::strchr(".,;:!?'\")]}>", c) != nullptr && c != '\0') {
      --end;
    } else if (u >= 0x80 && end - pos_ > 7 && static_cast<unsigned char>(text_[end - 3]) == 0xE2) {
      end -= 3;  // a closing Unicode quote or bracket glued to the address
    } else {
      break;
    }
  }
  Emit(pos_, end, TokenKind::kUrl);
  return true;
}

bool Scanner::ScanEmoticon() {
  char c = text_[pos_];
  if (!(c == ':' || c == ';' || c == '=' || c == '^' || c == '<' || c == 'X')) return false;
  std::string_view rest = text_.substr(pos_, 4);
  for (std::string_view e : kEmoticons) {
    if (StartsWith(rest, e) && AtBoundary(pos_ + e.size())) {
      Emit(pos_, pos_ + static_cast<uint32_t>(e.size()), TokenKind::kEmoticon);
      return true;
    }
  }
  return false;
}

// Extends a word followed by '@' into an e-mail address; returns the new end (or `end`).
uint32_t Scanner::ExtendEmail(uint32_t end) const {
  if (At(end) != '@' || !IsAlnum(At(end + 1))) return end;
  uint32_t e = end + 1;
  bool dot = false;
  while (e < text_.size()) {
    char c = text_[e];
    if (IsAlnum(c) || c == '-' || c == '_') {
      ++e;
    } else if (c == '.' && IsAlnum(At(e + 1))) {
      dot = true;
      ++e;
    } else {
      break;
    }
  }
  // "Warner@ENRON" (an address without a domain) is kept whole too, as EWT does.
  return dot || e - end > 1 ? e : end;
}

// ---------------------------------------------------------------------------------------
// Words.

uint32_t Scanner::WordRunEnd(uint32_t at) const {
  while (at < text_.size()) {
    unsigned char c = static_cast<unsigned char>(text_[at]);
    if (c < 128) {
      if (!(kAscii[c] & kWordBit)) break;
      ++at;
    } else {
      uint32_t len;
      if (!IsWordCp(PeekCp(at, &len))) break;
      at += len;
    }
  }
  return at;
}

// Whether a hyphen at `at` (after the segment starting at segment_start) joins two parts.
bool Scanner::JoinHyphen(uint32_t segment_start, uint32_t at) const {
  if (!IsWordAt(at + 1)) return false;
  std::string_view left = text_.substr(segment_start, at - segment_start);
  if (options_.keep_hyphenated_words || IsHyphenPrefix(left)) return true;
  // Phone numbers stay whole ("646-8420", "713-853-3989"); ranges split ("1969-1970").
  bool digits = !left.empty();
  for (char c : left) digits &= IsDigit(c);
  if (!digits || !IsDigit(At(at + 1))) return false;
  uint32_t r = at + 1;
  while (IsDigit(At(r))) ++r;
  uint32_t right = r - at - 1;
  if (At(r) == '-' && IsDigit(At(r + 1))) return true;
  if (segment_start > 0 && At(segment_start - 1) == '-') return true;
  return left.size() <= 3 && right == 4;  // "853-3242", "3-5213"; not "1969-1970"
}

// A slash between numbers joins a date ("9/11", "3/8/00"); fractions and ratios split.
bool Scanner::IsDateSlash(uint32_t segment_start, uint32_t at) const {
  if (segment_start > 0 && At(segment_start - 1) == '/') return true;  // third part of a date
  uint32_t r = at + 1;
  while (IsDigit(At(r))) ++r;
  if (At(r) == '/' && IsDigit(At(r + 1))) return true;  // month/day/year
  uint32_t left_len = at - segment_start, right_len = r - at - 1;
  if (left_len > 2 || right_len > 2 || (left_len < 2 && right_len < 2)) return false;
  int left = 0, right = 0;
  for (uint32_t i = segment_start; i < at; ++i) left = left * 10 + (text_[i] - '0');
  for (uint32_t i = at + 1; i < r; ++i) right = right * 10 + (text_[i] - '0');
  return left >= 1 && left <= 12 && right >= 1 && right <= 31;
}

// Decides whether the word continues across the punctuation at `at`; sets *next to the
// position after it.
bool Scanner::ContinueWord(uint32_t segment_start, uint32_t at, uint32_t* next) const {
  char c = At(at);
  char prev = At(at - 1);
  char after = At(at + 1);
  *next = at + 1;
  switch (c) {
    case '.':  // "3.5", "U.S", "www.example.com", "file.doc"
      return IsWordAt(at + 1);
    case ',':  // "40,000" but not "5,and"
      return IsDigit(prev) && IsDigit(after) && IsDigit(At(at + 2)) && IsDigit(At(at + 3)) &&
             !IsDigit(At(at + 4));
    case ':':  // "5:30"
      return IsDigit(prev) && IsDigit(after);
    case '/':  // "9/11", "11/28/2000", "w/o", "l/c"; but "24 / 7" and "1 / 2" as EWT
      if (IsDigit(prev) && IsDigit(after)) return IsDateSlash(segment_start, at);
      return at - segment_start == 1 && IsAlpha(prev) && IsAlpha(after) && !IsAlpha(At(at + 2));
    case '&': {  // "AT&T", "P&L"
      uint32_t r = at + 1;
      while (IsAlpha(At(r))) ++r;
      return at - segment_start <= 3 && r - at - 1 >= 1 && r - at - 1 <= 3 && IsUpper(after) &&
             IsUpper(text_[segment_start]);
    }
    case '-':
      return JoinHyphen(segment_start, at);
    case '\'':
      return IsWordAt(at + 1);
    default:
      break;
  }
  // ’ (U+2019) between letters is an apostrophe: "don’t", "O’Brien".
  if (static_cast<unsigned char>(c) == 0xE2 && static_cast<unsigned char>(At(at + 1)) == 0x80 &&
      static_cast<unsigned char>(At(at + 2)) == 0x99) {
    *next = at + 3;
    return IsWordAt(at + 3);
  }
  return false;
}

void Scanner::ScanWord() {
  uint32_t start = pos_;
  uint32_t at = pos_;
  uint32_t len;
  // The sign of "+44", the ' of "'90s", the @ of "@handle".
  if (!IsWordCp(PeekCp(at, &len))) at += len;
  uint32_t segment_start = at;
  bool has_apostrophe = false;
  while (true) {
    at = WordRunEnd(at);
    uint32_t next;
    if (at >= text_.size() || !ContinueWord(segment_start, at, &next)) break;
    char joint = text_[at];
    if (joint != '.' && joint != '\'' && next - at == 1) segment_start = next;
    has_apostrophe |= joint == '\'' || next - at == 3;
    at = next;
  }
  // "US$", "HK$": a currency written with its country letters is one token.
  if (At(at) == '$' && IsDigit(At(at + 1)) && at - start <= 3 && IsUpper(text_[start])) ++at;
  uint32_t email_end = ExtendEmail(at);
  if (email_end != at) {
    Emit(start, email_end, TokenKind::kUrl);
    return;
  }
  if (TakeAbbreviation(start, at)) return;
  EmitWord(start, at, has_apostrophe);
}

// Shape test for dotted abbreviations: "U.S", "a.m", "Ph.D" (segments of one or two letters).
bool IsDottedShape(std::string_view w) {
  size_t segments = 0, run = 0;
  for (char c : w) {
    if (c == '.') {
      if (run == 0 || run > 2) return false;
      ++segments;
      run = 0;
    } else if (IsAlpha(c)) {
      ++run;
    } else {
      return false;
    }
  }
  return segments >= 1 && run >= 1 && run <= 2;
}

// Emits word+period as one token when the period belongs to an abbreviation or initial.
bool Scanner::TakeAbbreviation(uint32_t start, uint32_t end) {
  // "etc..." is a word and an ellipsis; "Inc.." is the abbreviation and a full stop.
  if (At(end) != '.' || (At(end + 1) == '.' && At(end + 2) == '.')) return false;
  std::string_view with_period = text_.substr(start, end + 1 - start);
  std::string_view word = with_period.substr(0, with_period.size() - 1);
  if (word.size() == 1 && IsUpper(word[0])) {
    Emit(start, end + 1, TokenKind::kInitial, AbbreviationClass::kFinal);
    return true;
  }
  AbbreviationClass c = abbr_.Classify(with_period);
  if (c == AbbreviationClass::kNone && IsDottedShape(word)) c = AbbreviationClass::kFinal;
  if (c != AbbreviationClass::kNone) {
    Emit(start, end + 1, TokenKind::kAbbreviation, c);
    return true;
  }
  // A number glued to a dotted abbreviation: "2p.m." -> "2|p.m.".
  uint32_t digits = start;
  while (digits < end && IsDigit(text_[digits])) ++digits;
  if (digits == start || digits == end || !IsDottedShape(text_.substr(digits, end - digits))) {
    return false;
  }
  Emit(start, digits, TokenKind::kWord);
  Emit(digits, end + 1, TokenKind::kAbbreviation, AbbreviationClass::kFinal);
  return true;
}

// Emits a word, splitting clitics, fused forms and units the way EWT does.
void Scanner::EmitWord(uint32_t start, uint32_t end, bool has_apostrophe) {
  std::string_view w = text_.substr(start, end - start);
  if (size_t split = FusedSplit(w)) {
    Emit(start, start + static_cast<uint32_t>(split), TokenKind::kWord);
    Emit(start + static_cast<uint32_t>(split), end, TokenKind::kWord);
    return;
  }
  EmitWordPieces(start, end, has_apostrophe);
}

// Finds a final clitic ('s 're 'll 've 'm 'd n't, with ' or ’) and the number+unit split.
void Scanner::EmitWordPieces(uint32_t start, uint32_t end, bool has_apostrophe) {
  std::string_view w = text_.substr(start, end - start);
  // Clitic: find the last apostrophe.
  size_t apos = has_apostrophe ? w.find_last_of('\'') : std::string_view::npos;
  size_t apos_len = 1;
  size_t curly = has_apostrophe ? w.rfind("\xE2\x80\x99") : std::string_view::npos;
  if (curly != std::string_view::npos && (apos == std::string_view::npos || curly > apos)) {
    apos = curly;
    apos_len = 3;
  }
  if (apos != std::string_view::npos && apos > 0) {
    std::string_view tail = w.substr(apos + apos_len);
    bool nt = (tail == "t" || tail == "T") && (w[apos - 1] == 'n' || w[apos - 1] == 'N') &&
              apos >= 2;
    bool clitic = EqualsLower(tail, "s") || EqualsLower(tail, "re") || EqualsLower(tail, "ll") ||
                  EqualsLower(tail, "ve") || EqualsLower(tail, "m") || EqualsLower(tail, "d");
    bool digits_before = IsDigit(w[apos - 1]);  // "1990's", "80's" stay whole in EWT
    if (nt) {
      EmitWordPieces(start, start + static_cast<uint32_t>(apos - 1), true);
      Emit(start + static_cast<uint32_t>(apos - 1), end, TokenKind::kWord);
      return;
    }
    if (clitic && !digits_before) {
      EmitWordPieces(start, start + static_cast<uint32_t>(apos), true);
      Emit(start + static_cast<uint32_t>(apos), end, TokenKind::kWord);
      return;
    }
  }
  // Number + unit: "5pm" -> "5|pm", "170m" -> "170|m"; "1990s" and "4th" stay whole.
  if (IsDigit(w[0])) {
    size_t i = 0;
    while (i < w.size() && (IsDigit(w[i]) || w[i] == '.' || w[i] == ',' || w[i] == ':')) ++i;
    if (i < w.size() && IsDigit(w[i - 1])) {
      std::string_view unit = w.substr(i);
      bool letters = true;
      bool lower = true;
      for (char c : unit) {
        letters &= IsAlpha(c);
        lower &= (c >= 'a' && c <= 'z');
      }
      if (letters && !IsNumberSuffix(unit) && (lower || IsUpperUnit(unit))) {
        Emit(start, start + static_cast<uint32_t>(i), TokenKind::kWord);
        Emit(start + static_cast<uint32_t>(i), end, TokenKind::kWord);
        return;
      }
    }
  }
  Emit(start, end, TokenKind::kWord);
}

// ---------------------------------------------------------------------------------------
// Punctuation and symbols.

bool IsTerminalCp(char32_t c) { return c == '.' || c == '!' || c == '?' || c == kEllipsis; }

void Scanner::ScanPunct() {
  uint32_t len;
  char32_t c = PeekCp(pos_, &len);
  uint32_t end = pos_ + len;
  if (IsTerminalCp(c)) {
    uint32_t l2;
    while (IsTerminalCp(PeekCp(end, &l2))) end += l2;
    Emit(pos_, end, TokenKind::kTerminal);
    return;
  }
  switch (c) {
    case '(': case '[': case '{':
      Emit(pos_, end, TokenKind::kOpenBracket);
      return;
    case ')': case ']': case '}':
      Emit(pos_, end, TokenKind::kCloseBracket);
      return;
    case '"':
      Emit(pos_, end, TokenKind::kQuote);
      return;
    case '\'': case '`':  // '' and `` are one token
      Emit(pos_, At(end) == static_cast<char>(c) ? end + 1 : end, TokenKind::kQuote);
      return;
    case kLeftDouble: case kLeftSingle: case 0xAB: {
      uint32_t l2;
      char32_t second = PeekCp(end, &l2);
      if (c == kLeftSingle && (second == kLeftSingle || second == kRightSingle)) end += l2;  // ‘’
      Emit(pos_, end, TokenKind::kOpenQuote);
      return;
    }
    case kRightDouble: case kRightSingle: case 0xBB: {
      uint32_t l2;
      if (c == kRightSingle && PeekCp(end, &l2) == kRightSingle) end += l2;  // ’’
      Emit(pos_, end, TokenKind::kCloseQuote);
      return;
    }
    case 0x2013: case 0x2014: case 0x2015: case 0x2012:
      Emit(pos_, end, TokenKind::kDash);
      return;
    case 0x2022: case 0x25AA: case 0x25CF: case 0x25BA: case 0x25B6: case 0x2023: case 0xB7:
    case 0x25A0: case 0x2043:
      Emit(pos_, end, TokenKind::kBullet);
      return;
    default:
      break;
  }
  // Runs of one ASCII mark are one token: "--", "***", "___", "==", "<<".
  // (c != 0: strchr would match the terminator, and At() reads NUL past the end forever.)
  if (c != 0 && c < 128 && std::strchr("-*_=~#+<>^|/\\$", static_cast<char>(c)) != nullptr) {
    while (end < text_.size() && At(end) == static_cast<char>(c)) ++end;
  }
  Emit(pos_, end, c == '-' ? TokenKind::kDash : TokenKind::kOther);
}

}  // namespace

Tokenizer::Tokenizer(const AbbreviationSet* abbreviations, TokenizerOptions options)
    : abbreviations_(abbreviations), options_(options) {}

void Tokenizer::Tokenize(std::string_view text, Span span, std::vector<TokenInfo>* out) const {
  Scanner scanner(text, span, *abbreviations_, options_, out);
  scanner.Run();
}

}  // namespace sitrep
