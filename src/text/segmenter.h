// Segmenter: splits article text into sentences and tokens for news English.
//
// Tokens follow Universal Dependencies English (EWT) conventions so that the parser sees the
// tokens it was trained on: clitics split off ("do|n't", "Russia|'s", "I|'m"), punctuation
// separated, but abbreviations (U.S., Dec., Gen., Sen., Mr., a.m.), initials, numbers (3.5,
// 40,000), hyphenated names (al-Assad, Al-Bab), URLs and e-mail addresses kept whole.
// Sentences end at terminal punctuation unless an abbreviation or initial explains the period,
// and at paragraph ends (headlines with no final punctuation are sentences of their own).
// Unicode quotes and dashes are handled like their ASCII counterparts.
//
// Every token and sentence is a byte span of Document::text; nothing is rewritten.
// Thread safety: a Segmenter is immutable after construction; Segment() may be called from
// any number of threads at once.
#pragma once

#include <string_view>
#include <vector>

#include "document/document.h"

namespace sitrep {

class Segmenter {
 public:
  Segmenter();
  ~Segmenter();
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  // Fills doc->sentences and doc->tokens from doc->text, one paragraph at a time
  // (doc->paragraphs; the whole text when it lists none). Clears earlier segmentation.
  void Segment(Document* doc) const;

  // Splits one stretch of text (offsets relative to `text`) into sentences of tokens.
  // Used by Segment and by evaluation on raw text.
  void SegmentSpan(std::string_view text, Span span, std::vector<Sentence>* sentences,
                   std::vector<Token>* tokens) const;
};

}  // namespace sitrep
