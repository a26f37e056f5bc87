// Tokenizer: splits a stretch of news English into tokens following Universal Dependencies
// English (EWT) conventions, each a byte span of the original text (nothing is rewritten).
//
// Kept whole: words (any non-ASCII letters included), numbers ("3.5", "40,000", "1990s",
// "4th", "5:30", "+44"), dates with slashes ("9/11", "3/8/00"), phone numbers ("853-3242"),
// abbreviations and initials with their period ("U.S.", "Gen.", "a.m.", "J."), URLs, e-mail
// addresses, @handles and #hashtags, emoticons (":)"), "AT&T"-style names, "US$", runs of one
// punctuation mark ("...", "--", "?!", "***"), and hyphenated words whose first part is a
// prefix ("e-mail", "non-violent", "mid-July").
// Split off: clitics "n't 's 're 'll 've 'm 'd", with ' or ’ ("do|n't", "ca|n't", "wo|n't",
// "Russia|'s", "I|'m", "U.S.|'s"; "1990's" and "O'Brien" stay whole); fused forms EWT splits
// ("can|not", "gon|na", "wan|na", "do|nt"); units after numbers ("5|pm", "170|m", "8|K");
// currency signs, "%", brackets, quotes (ASCII and Unicode; "''" and "‘’" are one token),
// dashes, fraction and ratio slashes ("1|/|2", "24|/|7"), ranges ("1969|-|1970"), and by
// default the hyphen of other hyphenated words ("al|-|Assad", "U.S.|-|led"), as EWT and GUM
// do; TokenizerOptions::keep_hyphenated_words keeps those whole.
//
// The final period of an abbreviation stays on the token here; the segmenter moves it into a
// token of its own when the abbreviation ends a sentence ("etc|." as in EWT).
//
// Cost: one left-to-right pass; ASCII goes through a table, other code points are decoded
// only where they occur. No allocation except growth of the output vector.
// Thread safety: a Tokenizer is immutable; Tokenize may be called from many threads at once.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "document/document.h"
#include "text/abbreviations.h"

namespace sitrep {

enum class TokenKind : uint8_t {
  kWord,          // letters and/or digits, possibly with internal punctuation
  kAbbreviation,  // a word that keeps its final period ("Gen.", "U.S.", "etc.")
  kInitial,       // one capital letter and a period ("W.")
  kTerminal,      // a run of . ! ? … ("." "?!" "...")
  kOpenBracket,   // ( [ {
  kCloseBracket,  // ) ] }
  kQuote,         // an ASCII quote " ' ` '' `` (open or close: decided by spacing)
  kOpenQuote,     // “ ‘ «
  kCloseQuote,    // ” ’ »
  kDash,          // - -- – —
  kUrl,           // URL or e-mail address
  kEmoticon,      // :) ;-) ...
  kBullet,        // • ▪ ► and the like
  kOther,         // , ; : and any other symbol
};

// A token with what the sentence splitter needs to know about it.
struct TokenInfo {
  uint32_t start = 0;
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  AbbreviationClass abbreviation = AbbreviationClass::kNone;  // for kAbbreviation
  bool space_before = false;    // whitespace (or the span start) precedes the token
  bool newline_before = false;  // a line break lies between this token and the previous one
};

struct TokenizerOptions {
  // Keep "al-Assad" as one token instead of EWT's "al | - | Assad".
  bool keep_hyphenated_words = false;
};

class Tokenizer {
 public:
  // `abbreviations` must outlive the Tokenizer.
  explicit Tokenizer(const AbbreviationSet* abbreviations, TokenizerOptions options = {});

  // Appends the tokens of text[span.start, span.end) to *out (offsets are into `text`).
  // Never fails; any byte sequence yields tokens covering every non-space character.
  // Precondition: span lies within text and does not cut a UTF-8 sequence.
  void Tokenize(std::string_view text, Span span, std::vector<TokenInfo>* out) const;

 private:
  const AbbreviationSet* abbreviations_;
  TokenizerOptions options_;
};

}  // namespace sitrep
