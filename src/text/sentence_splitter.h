// SentenceSplitter: decides where sentences end within one paragraph of tokens.
//
// A sentence ends
//   - at . ! ? … (or a run of them) when the next word does not start in lower case;
//     closing quotes and brackets written right after the mark stay with the sentence;
//   - at the period of an abbreviation or initial only when the abbreviation can close a
//     sentence ([final] in data/text/abbreviations.txt, or a dotted form like "U.S.") and
//     the next word is a typical sentence starter ("The", "He", "But"): "in the U.S. The
//     next day" splits, "U.S. President", "Gen. Smith" and "George W. Bush" do not;
//   - at a line break inside the paragraph when the next line starts with a bullet, or when
//     the line before is short (a heading or list item) and has no final punctuation, and
//     the next line starts with a capital, digit or quote. Long wrapped lines do not split;
//   - at the end of the paragraph (a headline without a final period is a sentence).
//
// Thread safety: immutable after construction; Split may be called from many threads.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/abbreviations.h"
#include "text/tokenizer.h"

namespace sitrep {

struct SentenceSplitterOptions {
  // A line of at most this many bytes that ends without punctuation, followed by a single
  // line break, is taken as a heading or list item and ends a sentence.
  uint32_t max_heading_line_bytes = 50;
  // Sentences longer than this many tokens are cut (0 = never), to bound parser cost on
  // text with no punctuation at all.
  uint32_t max_sentence_tokens = 250;
};

class SentenceSplitter {
 public:
  // `abbreviations` must outlive the splitter.
  explicit SentenceSplitter(const AbbreviationSet* abbreviations,
                            SentenceSplitterOptions options = {});

  // Appends to *ends, for each sentence of `tokens` (one paragraph, from Tokenizer on
  // `text`), the index one past its last token. The last value appended is tokens.size();
  // nothing is appended when tokens is empty.
  void Split(std::string_view text, const std::vector<TokenInfo>& tokens,
             std::vector<uint32_t>* ends) const;

 private:
  bool EndsAfter(std::string_view text, const std::vector<TokenInfo>& tokens, uint32_t stop,
                 uint32_t next) const;
  bool LineBreakEnds(std::string_view text, const std::vector<TokenInfo>& tokens,
                     uint32_t line_start, uint32_t next) const;

  const AbbreviationSet* abbreviations_;
  SentenceSplitterOptions options_;
};

}  // namespace sitrep
