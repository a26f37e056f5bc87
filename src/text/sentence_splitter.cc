#include "text/sentence_splitter.h"

#include "base/utf8.h"

namespace sitrep {

namespace {

std::string_view Surface(std::string_view text, const TokenInfo& t) {
  return text.substr(t.start, t.end - t.start);
}

// Lower-case letters, roughly: ASCII, Latin-1, Latin Extended-A (odd code points), Greek,
// Cyrillic. Enough to tell "the" from "The" in news text.
bool IsLowerCp(char32_t c) {
  if (c < 128) return c >= 'a' && c <= 'z';
  if (c >= 0xDF && c <= 0xFF) return c != 0xF7;
  if (c >= 0x100 && c <= 0x17F) return c & 1;
  return (c >= 0x3B1 && c <= 0x3C9) || (c >= 0x430 && c <= 0x45F);
}

bool StartsLower(std::string_view text, const TokenInfo& t) {
  size_t pos = t.start;
  return IsLowerCp(DecodeUtf8(text, &pos));
}

bool StartsUpperOrDigit(std::string_view text, const TokenInfo& t) {
  char c = text[t.start];
  if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  if (static_cast<unsigned char>(c) < 128) return false;
  size_t pos = t.start;
  char32_t cp = DecodeUtf8(text, &pos);
  return cp >= 0xC0 && !IsLowerCp(cp);
}

bool IsStop(const TokenInfo& t) {
  return t.kind == TokenKind::kTerminal || t.kind == TokenKind::kAbbreviation ||
         t.kind == TokenKind::kInitial || t.kind == TokenKind::kEmoticon;
}

bool IsQuoteOrBracketOpen(const TokenInfo& t) {
  return t.kind == TokenKind::kQuote || t.kind == TokenKind::kOpenQuote ||
         t.kind == TokenKind::kOpenBracket;
}

// Tokens written right after a stop that still belong to its sentence: closing quotes and
// brackets, and more stops ("?!" written apart, '."').
// An opening quote glued to the stop and followed by a space is a misused closing quote.
bool Closes(std::string_view text, const TokenInfo& t, const TokenInfo* after) {
  if (t.kind == TokenKind::kCloseQuote) return true;
  if (t.kind == TokenKind::kTerminal) {  // "?!" written apart, or the dots of ". . ."
    return !t.space_before || (t.end - t.start == 1 && text[t.start] == '.');
  }
  if (t.kind == TokenKind::kEmoticon) return true;  // "Great! :)"
  if (t.kind == TokenKind::kQuote && after == nullptr) return true;  // a quote ending the paragraph
  if (t.space_before) return false;
  if (t.kind == TokenKind::kOpenQuote) return after == nullptr || after->space_before;
  return t.kind == TokenKind::kCloseBracket || t.kind == TokenKind::kQuote;
}

bool IsEllipsis(std::string_view s) {
  return s.find("..") != std::string_view::npos ||
         s.find("\xE2\x80\xA6") != std::string_view::npos;
}

// A reference mark after the full stop, "[12]", or an omission mark "[...]" belongs to the
// sentence it follows.
bool IsCitation(std::string_view text, const std::vector<TokenInfo>& tokens, uint32_t at) {
  if (at + 2 >= tokens.size() || text[tokens[at].start] != '[' ||
      text[tokens[at + 2].start] != ']' || tokens[at + 1].space_before) {
    return false;
  }
  std::string_view inside = Surface(text, tokens[at + 1]);
  if (tokens[at + 1].kind == TokenKind::kTerminal) return IsEllipsis(inside);  // "[...]"
  if (inside.empty() || inside.size() > 4) return false;
  for (char c : inside) {
    if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'z')) return false;
  }
  return true;
}


// "1." or "b." opening a sentence is a list marker, not a sentence of its own.
bool IsListMarker(std::string_view text, const std::vector<TokenInfo>& tokens, uint32_t start,
                  uint32_t stop) {
  if (stop != start + 1 || tokens[stop].space_before) return false;
  if (tokens[stop].end - tokens[stop].start != 1) return false;
  std::string_view marker = Surface(text, tokens[start]);
  if (marker.size() > 3) return false;
  for (char c : marker) {
    if (!(c >= '0' && c <= '9') && marker.size() > 1) return false;
  }
  return true;
}

}  // namespace

SentenceSplitter::SentenceSplitter(const AbbreviationSet* abbreviations,
                                   SentenceSplitterOptions options)
    : abbreviations_(abbreviations), options_(options) {}

void SentenceSplitter::Split(std::string_view text, const std::vector<TokenInfo>& tokens,
                             std::vector<uint32_t>* ends) const {
  const uint32_t n = static_cast<uint32_t>(tokens.size());
  uint32_t start = 0;
  uint32_t line_start = 0;
  for (uint32_t i = 0; i < n; ++i) {
    if (i > start && tokens[i].newline_before && LineBreakEnds(text, tokens, line_start, i)) {
      ends->push_back(i);
      start = i;
    }
    if (tokens[i].newline_before) line_start = i;
    if (options_.max_sentence_tokens && i - start >= options_.max_sentence_tokens) {
      ends->push_back(i);
      start = i;
    }
    if (!IsStop(tokens[i]) || IsListMarker(text, tokens, start, i)) continue;
    uint32_t next = i + 1;
    while (next < n) {
      if (Closes(text, tokens[next], next + 1 < n ? &tokens[next + 1] : nullptr)) {
        ++next;
      } else if (IsCitation(text, tokens, next)) {
        next += 3;
      } else {
        break;
      }
    }
    if (next < n && EndsAfter(text, tokens, i, next)) {
      ends->push_back(next);
      start = next;
      if (tokens[next].newline_before) line_start = next;
      i = next - 1;
    }
  }
  if (n > start) ends->push_back(n);
}

// Whether the stop token `stop` ends a sentence whose successor starts at token `next`.
bool SentenceSplitter::EndsAfter(std::string_view text, const std::vector<TokenInfo>& tokens,
                                 uint32_t stop, uint32_t next) const {
  const TokenInfo& s = tokens[stop];
  const TokenInfo& t = tokens[next];
  if (!t.space_before) return false;  // "draft).doc", "...Nope"
  // Look past an opening quote or bracket to the first word.
  const TokenInfo* word = &t;
  if (IsQuoteOrBracketOpen(t) && next + 1 < tokens.size()) word = &tokens[next + 1];
  if (s.kind == TokenKind::kTerminal) {
    if (t.kind == TokenKind::kOther && !t.space_before) return false;  // "Yahoo!, Inc."
    if (t.kind == TokenKind::kOther && (text[t.start] == ',' || text[t.start] == ';')) {
      return false;
    }
    // A lower-case word after a bare full stop, ! or ? still starts a sentence in web and
    // news text ("it. the bird ..."); after an ellipsis or a closing quote it seldom does
    // ("... and then", "\"Why?\" he asked").
    if (!StartsLower(text, *word) || t.kind == TokenKind::kUrl) return true;
    return next == stop + 1 && !IsEllipsis(Surface(text, s));
  }
  if (s.kind == TokenKind::kEmoticon) return StartsUpperOrDigit(text, *word);  // "Thanks :) I"
  if (s.abbreviation != AbbreviationClass::kFinal) return false;
  if (!StartsUpperOrDigit(text, *word)) return false;
  return abbreviations_->IsSentenceStarter(Surface(text, *word));
}

// Whether a single line break before token `next` ends a sentence (see the header).
bool SentenceSplitter::LineBreakEnds(std::string_view text, const std::vector<TokenInfo>& tokens,
                                     uint32_t line_start, uint32_t next) const {
  const TokenInfo& t = tokens[next];
  const TokenInfo& prev = tokens[next - 1];
  if (t.kind == TokenKind::kBullet) return true;
  bool marker = (text[t.start] == '-' || text[t.start] == '*') && t.end - t.start == 1 &&
                next + 1 < tokens.size() && tokens[next + 1].space_before;
  if (marker) return true;
  if (prev.end - tokens[line_start].start > options_.max_heading_line_bytes) return false;
  if (prev.kind == TokenKind::kOther || prev.kind == TokenKind::kDash) return false;
  const TokenInfo* word = &t;
  if (IsQuoteOrBracketOpen(t) && next + 1 < tokens.size()) word = &tokens[next + 1];
  return StartsUpperOrDigit(text, *word);
}

}  // namespace sitrep
