#include "actors/match_pieces.h"

#include "base/utf8.h"

namespace sitrep {

namespace {

enum class CharClass { kSpace, kHyphen, kIgnore, kPeriod, kPunct, kLetter, kDigit, kOtherWord };

// Base letters of U+00C0..U+017F with case kept; '*' marks the two symbols (× ÷).
constexpr std::string_view kLatinFold =
    "AAAAAAACEEEEIIII"
    "DNOOOOO*OUUUUYTs"
    "aaaaaaaceeeeiiii"
    "dnooooo*ouuuuyty"
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlLlLlNnNnNnnNn"
    "OoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
static_assert(kLatinFold.size() == 0x180 - 0xC0);

struct CharInfo {
  CharClass cls = CharClass::kOtherWord;
  char folded = 0;  // ASCII letter, digit or punctuation; 0 = keep the raw bytes
};

bool IsUnicodeSpace(char32_t c) {
  return c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000 ||
         c == 0xFEFF;
}

bool IsUnicodeHyphen(char32_t c) {
  return (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 || c == 0xFE63 || c == 0xFF0D;
}

bool IsUnicodePunct(char32_t c) {
  return (c >= 0xA1 && c <= 0xBF) || (c >= 0x2016 && c <= 0x206F) || (c >= 0x2190 && c <= 0x2BFF) ||
         (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F);
}

CharInfo ClassifyAscii(char c) {
  if (c >= 'a' && c <= 'z') return {CharClass::kLetter, c};
  if (c >= 'A' && c <= 'Z') return {CharClass::kLetter, c};
  if (c >= '0' && c <= '9') return {CharClass::kDigit, c};
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
    return {CharClass::kSpace, 0};
  }
  if (c == '-') return {CharClass::kHyphen, 0};
  if (c == '.') return {CharClass::kPeriod, '.'};
  if (c == '`') return {CharClass::kPunct, '\''};
  return {CharClass::kPunct, c};
}

CharInfo Classify(char32_t c) {
  if (c < 0x80) return ClassifyAscii(static_cast<char>(c));
  if (c >= 0xC0 && c < 0x180) {
    char f = kLatinFold[c - 0xC0];
    return f == '*' ? CharInfo{CharClass::kPunct, 0} : CharInfo{CharClass::kLetter, f};
  }
  if (c == 0xAD || c == 0x200C || c == 0x200D) return {CharClass::kIgnore, 0};
  if (IsUnicodeSpace(c)) return {CharClass::kSpace, 0};
  if (IsUnicodeHyphen(c)) return {CharClass::kHyphen, 0};
  if (c == 0x2018 || c == 0x2019 || c == 0x201B || c == 0x2032 || c == 0x02BC || c == 0xB4) {
    return {CharClass::kPunct, '\''};
  }
  if (c == 0x201C || c == 0x201D || c == 0x201E || c == 0x2033 || c == 0xAB || c == 0xBB) {
    return {CharClass::kPunct, '"'};
  }
  if (IsUnicodePunct(c)) return {CharClass::kPunct, 0};
  return {CharClass::kOtherWord, 0};
}

char ToLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// Builds one word piece; flushed into the buffer when the word ends.
class WordBuilder {
 public:
  bool open() const { return open_; }

  void Start(uint32_t start) {
    open_ = true;
    piece_ = TextPiece{};
    piece_.start = start;
    piece_.word = true;
    norm_.clear();
    cased_.clear();
    upper_ = lower_ = 0;
    capital_after_small_ = false;
  }

  void Add(const CharInfo& info, std::string_view raw, uint32_t end) {
    piece_.end = end;
    if (info.folded == 0) {
      norm_.append(raw);
      cased_.append(raw);
      return;
    }
    cased_.push_back(info.folded);
    norm_.push_back(ToLower(info.folded));
    if (info.folded >= 'A' && info.folded <= 'Z') {
      ++upper_;
      if (lower_ > 0) capital_after_small_ = true;
    }
    if (info.folded >= 'a' && info.folded <= 'z') ++lower_;
  }

  void AddPeriod(uint32_t end) {
    piece_.end = end;
    piece_.has_period = true;
  }

  void Flush(PieceBuffer* out) {
    if (!open_) return;
    open_ = false;
    piece_.all_caps = upper_ >= 2 && lower_ == 0;
    piece_.mixed_caps = upper_ >= 2 && capital_after_small_;
    piece_.norm_begin = static_cast<uint32_t>(out->chars.size());
    piece_.norm_size = static_cast<uint32_t>(norm_.size());
    out->chars.append(norm_);
    piece_.cased_begin = static_cast<uint32_t>(out->chars.size());
    piece_.cased_size = static_cast<uint32_t>(cased_.size());
    out->chars.append(cased_);
    out->pieces.push_back(piece_);
  }

 private:
  bool open_ = false;
  TextPiece piece_;
  std::string norm_;
  std::string cased_;
  int upper_ = 0;
  int lower_ = 0;
  bool capital_after_small_ = false;
};

void AppendPunct(const CharInfo& info, std::string_view raw, uint32_t start, uint32_t end,
                 PieceBuffer* out) {
  TextPiece p;
  p.start = start;
  p.end = end;
  p.norm_begin = p.cased_begin = static_cast<uint32_t>(out->chars.size());
  if (info.folded != 0) {
    out->chars.push_back(info.folded);
  } else {
    out->chars.append(raw);
  }
  p.norm_size = p.cased_size = static_cast<uint32_t>(out->chars.size()) - p.norm_begin;
  out->pieces.push_back(p);
}

}  // namespace

void AppendPieces(std::string_view text, uint32_t base_offset, PieceBuffer* out) {
  WordBuilder word;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t begin = pos;
    char32_t c = DecodeUtf8(text, &pos);
    CharInfo info = Classify(c);
    std::string_view raw = text.substr(begin, pos - begin);
    uint32_t start = base_offset + static_cast<uint32_t>(begin);
    uint32_t end = base_offset + static_cast<uint32_t>(pos);
    switch (info.cls) {
      case CharClass::kLetter:
      case CharClass::kDigit:
      case CharClass::kOtherWord:
        if (!word.open()) word.Start(start);
        word.Add(info, raw, end);
        break;
      case CharClass::kPeriod:
        if (word.open()) {
          word.AddPeriod(end);
        } else {
          AppendPunct(info, raw, start, end, out);
        }
        break;
      case CharClass::kIgnore:
        break;
      case CharClass::kSpace:
      case CharClass::kHyphen:
        word.Flush(out);
        break;
      case CharClass::kPunct:
        word.Flush(out);
        AppendPunct(info, raw, start, end, out);
        break;
    }
  }
  word.Flush(out);
}

}  // namespace sitrep
