// Segmenter: splits article text into sentences and tokens for news English.
//
// Tokens follow Universal Dependencies English (EWT) conventions so that the parser sees the
// tokens it was trained on (details in text/tokenizer.h): clitics split off ("do|n't",
// "Russia|'s", "I|'m", also with ’), "can|not", "gon|na", punctuation, quotes, brackets,
// dashes, "$" and "%" separated; abbreviations (U.S., Dec., Gen., Sen., Mr., a.m.), initials,
// numbers (3.5, 40,000, 1990s), URLs, e-mail addresses and emoticons kept whole. Hyphenated
// words are split at the hyphen as in EWT ("al|-|Assad") unless the first part is a prefix
// ("e-mail", "non-violent"); SegmenterOptions::keep_hyphenated_words keeps them whole.
// When an abbreviation ends a sentence its period becomes a token of its own ("etc|.").
//
// Sentences end at terminal punctuation unless an abbreviation or initial explains the
// period, at some single line breaks (bullets, short heading lines), and at paragraph ends
// (headlines with no final punctuation are sentences of their own); see
// text/sentence_splitter.h. Unicode quotes and dashes are handled like ASCII ones.
//
// Every token and sentence is a byte span of Document::text; nothing is rewritten.
// Cost: one pass over the bytes, no allocation per token beyond vector growth
// (bench/bench_segment reports MB/s and sentences/s).
// Thread safety: a Segmenter is immutable after construction; Segment() and SegmentSpan() may
// be called from any number of threads at once.
#pragma once

#include <string_view>
#include <vector>

#include "document/document.h"
#include "text/abbreviations.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace sitrep {

struct SegmenterOptions {
  // The abbreviation list; nullptr means the built-in data/text/abbreviations.txt.
  // Must outlive the Segmenter.
  const AbbreviationSet* abbreviations = nullptr;
  // Keep "al-Assad" whole instead of EWT's "al | - | Assad".
  bool keep_hyphenated_words = false;
  // See SentenceSplitterOptions.
  uint32_t max_heading_line_bytes = 50;
  uint32_t max_sentence_tokens = 250;
};

class Segmenter {
 public:
  explicit Segmenter(SegmenterOptions options = {});
  ~Segmenter();
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  // Fills doc->sentences and doc->tokens from doc->text, one paragraph at a time
  // (doc->paragraphs; the whole text when it lists none). Clears earlier segmentation.
  // No sentence crosses a paragraph boundary; Sentence::paragraph is set.
  void Segment(Document* doc) const;

  // Splits text[span.start, span.end) into sentences of tokens, appending to *sentences and
  // *tokens (offsets are into `text`; Sentence::first_token indexes *tokens, and
  // Sentence::paragraph is left 0). A span reaching past the text is clipped to it.
  // Allocates its own scratch per call; Segment reuses one across a document.
  void SegmentSpan(std::string_view text, Span span, std::vector<Sentence>* sentences,
                   std::vector<Token>* tokens) const;

 private:
  void SegmentSpanWith(std::string_view text, Span span, std::vector<TokenInfo>* scratch,
                       std::vector<uint32_t>* ends, std::vector<Sentence>* sentences,
                       std::vector<Token>* tokens) const;

  Tokenizer tokenizer_;
  SentenceSplitter splitter_;
};

}  // namespace sitrep
