#include "text/article_reader.h"

#include "base/utf8.h"
#include "text/boilerplate.h"
#include "text/date_finder.h"
#include "text/entities.h"

namespace sitrep {

namespace {

Status ReadHtml(RawDocument& raw, const ArticleReaderOptions& options, Document* doc) {
  auto article = ExtractArticleFromHtml(raw.content, options.html);
  if (!article.ok()) return article.status().WithContext(raw.origin);
  for (const std::string& para : article->paragraphs) {
    if (para.empty()) continue;
    if (!doc->text.empty()) doc->text += "\n\n";
    Span span{static_cast<uint32_t>(doc->text.size()), 0};
    doc->text += para;
    span.end = static_cast<uint32_t>(doc->text.size());
    doc->paragraphs.push_back(span);
  }
  if (doc->title.empty()) doc->title = std::move(article->title);
  if (doc->date.empty()) doc->date = std::move(article->date);
  if (doc->url.empty()) doc->url = std::move(article->url);
  doc->author = std::move(article->author);
  doc->site = std::move(article->site);
  return Status::OK();
}

// A short first block on one line with no final stop reads as a headline.
bool LooksLikeHeadline(std::string_view block) {
  if (block.empty() || block.size() > 200 || block.find('\n') != std::string_view::npos) return false;
  char last = block.back();
  return last != '.' && last != ':' && last != ',';
}

void ReadText(RawDocument& raw, const ArticleReaderOptions& options, Document* doc) {
  if (raw.verbatim) {
    doc->text = IsValidUtf8(raw.content) ? std::move(raw.content) : RepairUtf8(raw.content);
  } else {
    std::string text = NormalizeNewlines(RepairUtf8(StripBom(raw.content)));
    doc->text = HasHtmlEntities(text) ? DecodeHtmlEntities(text) : std::move(text);
  }
  for (TextBlock& block : ClassifyTextBlocks(doc->text)) {
    if (block.boilerplate && !options.keep_all_text) {
      doc->boilerplate.push_back({block.span, std::move(block.reason)});
    } else {
      doc->paragraphs.push_back(block.span);
    }
  }
  if (doc->title.empty() && !doc->paragraphs.empty()) {
    std::string_view first = doc->Slice(doc->paragraphs.front());
    if (LooksLikeHeadline(first)) doc->title = std::string(first);
  }
}

}  // namespace

Status ReadArticle(RawDocument raw, const ArticleReaderOptions& options, Document* doc) {
  *doc = Document();
  doc->id = std::move(raw.id);
  doc->origin = std::move(raw.origin);
  doc->url = std::move(raw.url);
  doc->title = std::move(raw.title);
  if (!raw.date.empty()) {
    doc->date = NormalizeDate(raw.date);
    if (doc->date.empty()) doc->date = raw.date;  // keep what was given rather than lose it
  }
  raw.origin = doc->origin;
  if (raw.format == RawDocument::Format::kHtml) {
    SITREP_RETURN_IF_ERROR(ReadHtml(raw, options, doc));
  } else {
    ReadText(raw, options, doc);
  }
  if (doc->date.empty() && options.find_dates_in_text) {
    doc->date = FindPublicationDate(doc->text);
  }
  if (doc->paragraphs.empty()) {
    return Status::Corruption(doc->origin + ": no article text found");
  }
  return Status::OK();
}

}  // namespace sitrep
