#include "text/segmenter.h"

namespace sitrep {

namespace {

const AbbreviationSet* ChooseAbbreviations(const SegmenterOptions& options) {
  return options.abbreviations ? options.abbreviations : &AbbreviationSet::Builtin();
}

TokenizerOptions MakeTokenizerOptions(const SegmenterOptions& options) {
  TokenizerOptions t;
  t.keep_hyphenated_words = options.keep_hyphenated_words;
  return t;
}

SentenceSplitterOptions MakeSplitterOptions(const SegmenterOptions& options) {
  SentenceSplitterOptions s;
  s.max_heading_line_bytes = options.max_heading_line_bytes;
  s.max_sentence_tokens = options.max_sentence_tokens;
  return s;
}

bool IsClosing(TokenKind k) {
  return k == TokenKind::kCloseQuote || k == TokenKind::kCloseBracket || k == TokenKind::kQuote;
}

// Appends the tokens of one sentence. An abbreviation or initial that closes the sentence
// gives its period to a token of its own, as EWT writes "etc ." at a sentence end.
void EmitSentence(const std::vector<TokenInfo>& infos, uint32_t begin, uint32_t end,
                  std::vector<Sentence>* sentences, std::vector<Token>* tokens) {
  uint32_t last = end;
  while (last > begin + 1 && IsClosing(infos[last - 1].kind)) --last;
  const uint32_t stop = last - 1;
  const bool split_period = infos[stop].kind == TokenKind::kAbbreviation ||
                            infos[stop].kind == TokenKind::kInitial;
  Sentence s;
  s.first_token = static_cast<uint32_t>(tokens->size());
  s.token_count = end - begin + (split_period ? 1 : 0);
  tokens->resize(tokens->size() + s.token_count);  // one growth step per sentence
  Token* out = tokens->data() + s.first_token;
  for (uint32_t i = begin; i < end; ++i, ++out) {
    out->start = infos[i].start;
    out->end = infos[i].end;
    if (i == stop && split_period) {
      out->end = infos[i].end - 1;
      ++out;
      out->start = infos[i].end - 1;
      out->end = infos[i].end;
    }
  }
  s.span = {infos[begin].start, infos[end - 1].end};
  sentences->push_back(s);
}

}  // namespace

Segmenter::Segmenter(SegmenterOptions options)
    : tokenizer_(ChooseAbbreviations(options), MakeTokenizerOptions(options)),
      splitter_(ChooseAbbreviations(options), MakeSplitterOptions(options)) {}

Segmenter::~Segmenter() = default;

void Segmenter::Segment(Document* doc) const {
  doc->sentences.clear();
  doc->tokens.clear();
  std::vector<TokenInfo> scratch;
  std::vector<uint32_t> ends;
  const uint32_t text_size = static_cast<uint32_t>(doc->text.size());
  // News English averages about six bytes per token; reserving avoids moving Tokens (which
  // carry strings for later stages) as the vector grows.
  doc->tokens.reserve(text_size / 6 + 16);
  scratch.reserve(text_size / 6 + 16);
  if (doc->paragraphs.empty()) {
    SegmentSpanWith(doc->text, {0, text_size}, &scratch, &ends, &doc->sentences, &doc->tokens);
    return;
  }
  for (size_t p = 0; p < doc->paragraphs.size(); ++p) {
    size_t before = doc->sentences.size();
    SegmentSpanWith(doc->text, doc->paragraphs[p], &scratch, &ends, &doc->sentences,
                    &doc->tokens);
    for (size_t s = before; s < doc->sentences.size(); ++s) {
      doc->sentences[s].paragraph = static_cast<uint32_t>(p);
    }
  }
}

void Segmenter::SegmentSpan(std::string_view text, Span span, std::vector<Sentence>* sentences,
                            std::vector<Token>* tokens) const {
  std::vector<TokenInfo> scratch;
  std::vector<uint32_t> ends;
  SegmentSpanWith(text, span, &scratch, &ends, sentences, tokens);
}

void Segmenter::SegmentSpanWith(std::string_view text, Span span,
                                std::vector<TokenInfo>* scratch, std::vector<uint32_t>* ends,
                                std::vector<Sentence>* sentences,
                                std::vector<Token>* tokens) const {
  scratch->clear();
  ends->clear();
  if (span.end > text.size()) span.end = static_cast<uint32_t>(text.size());
  if (span.start >= span.end) return;
  tokenizer_.Tokenize(text, span, scratch);
  splitter_.Split(text, *scratch, ends);
  uint32_t begin = 0;
  for (uint32_t end : *ends) {
    EmitSentence(*scratch, begin, end, sentences, tokens);
    begin = end;
  }
}

}  // namespace sitrep
