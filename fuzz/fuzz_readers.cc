// libFuzzer target for the text stage's readers: arbitrary bytes go through the HTML
// extractor, and through ReadArticle as a .txt and as an .html document, then the segmenter.
//
//   make fuzz && build-fuzz/fuzz_readers -max_len=200000 -max_total_time=600 CORPUS_DIR
//
// Beyond "no crash, no sanitizer report", it checks the stage's contracts: every string it
// emits is valid UTF-8, paragraphs hold no blank line, spans lie inside the text, and token
// and sentence offsets are ordered.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "base/utf8.h"
#include "document/document.h"
#include "text/article_reader.h"
#include "text/html_extractor.h"
#include "text/segmenter.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

void CheckArticle(const sitrep::HtmlArticle& article) {
  for (const std::string& p : article.paragraphs) {
    Check(sitrep::IsValidUtf8(p));
    Check(p.find("\n\n") == std::string::npos);
  }
  for (const std::string* s :
       {&article.title, &article.date, &article.author, &article.site, &article.url}) {
    Check(sitrep::IsValidUtf8(*s));
  }
}

void CheckDocument(const sitrep::Document& doc) {
  Check(sitrep::IsValidUtf8(doc.text));
  for (const sitrep::Span& s : doc.paragraphs) Check(s.start <= s.end && s.end <= doc.text.size());
  uint32_t last_end = 0;
  for (const sitrep::Token& t : doc.tokens) {
    Check(t.start <= t.end && t.end <= doc.text.size());
    Check(t.start >= last_end);
    last_end = t.end;
  }
  for (const sitrep::Sentence& s : doc.sentences) {
    Check(s.span.start <= s.span.end && s.span.end <= doc.text.size());
    Check(s.first_token + s.token_count <= doc.tokens.size());
  }
}

void ReadAndSegment(std::string_view bytes, sitrep::RawDocument::Format format,
                    const sitrep::Segmenter& segmenter) {
  sitrep::RawDocument raw;
  raw.format = format;
  raw.id = "fuzz";
  raw.origin = "fuzz";
  raw.content.assign(bytes);
  sitrep::Document doc;
  if (!sitrep::ReadArticle(std::move(raw), sitrep::ArticleReaderOptions(), &doc).ok()) return;
  segmenter.Segment(&doc);
  CheckDocument(doc);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const sitrep::Segmenter* segmenter = new sitrep::Segmenter();  // built once, read-only
  std::string_view bytes(reinterpret_cast<const char*>(data), size);

  auto article = sitrep::ExtractArticleFromHtml(bytes);
  if (article.ok()) CheckArticle(*article);

  ReadAndSegment(bytes, sitrep::RawDocument::Format::kText, *segmenter);
  ReadAndSegment(bytes, sitrep::RawDocument::Format::kHtml, *segmenter);
  return 0;
}
