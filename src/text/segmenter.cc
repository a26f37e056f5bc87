#include "text/segmenter.h"

#include <cctype>

namespace sitrep {

Segmenter::Segmenter() = default;
Segmenter::~Segmenter() = default;

void Segmenter::Segment(Document* doc) const {
  doc->sentences.clear();
  doc->tokens.clear();
  std::vector<Span> paras = doc->paragraphs;
  if (paras.empty()) paras.push_back({0, static_cast<uint32_t>(doc->text.size())});
  for (size_t p = 0; p < paras.size(); ++p) {
    size_t before = doc->sentences.size();
    SegmentSpan(doc->text, paras[p], &doc->sentences, &doc->tokens);
    for (size_t s = before; s < doc->sentences.size(); ++s) doc->sentences[s].paragraph = p;
  }
}

// PLACEHOLDER: whitespace tokens, sentences at '.', replaced by the real segmenter.
void Segmenter::SegmentSpan(std::string_view text, Span span, std::vector<Sentence>* sentences,
                            std::vector<Token>* tokens) const {
  uint32_t i = span.start;
  Sentence cur;
  cur.first_token = tokens->size();
  while (i < span.end) {
    while (i < span.end && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i >= span.end) break;
    uint32_t s = i;
    while (i < span.end && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    Token t;
    t.start = s;
    t.end = i;
    tokens->push_back(t);
    if (text[i - 1] == '.') {
      cur.token_count = tokens->size() - cur.first_token;
      cur.span = {(*tokens)[cur.first_token].start, i};
      sentences->push_back(cur);
      cur = Sentence();
      cur.first_token = tokens->size();
    }
  }
  if (tokens->size() > cur.first_token) {
    cur.token_count = tokens->size() - cur.first_token;
    cur.span = {(*tokens)[cur.first_token].start, tokens->back().end};
    sentences->push_back(cur);
  }
}

}  // namespace sitrep
