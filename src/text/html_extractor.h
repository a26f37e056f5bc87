// HTML article extraction: finds the main content of a news page by its structure.
//
// The extractor parses the page (gumbo), scores candidate content blocks by text density,
// link density, paragraph structure and semantic markup, and keeps the article body while
// dropping scripts, navigation, ads, share bars, related-article lists, comments, captions and
// footers. No rule names a particular site.
//
// Metadata comes from <meta> tags (Open Graph, Twitter, Dublin Core, article:*), JSON-LD
// (NewsArticle and friends), <time> elements and visible bylines.
//
// Thread safety: ExtractArticleFromHtml is a pure function; call it from any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace sitrep {

struct HtmlArticle {
  std::string title;
  std::string date;    // ISO 8601 publication date ("2016-12-13", or with a time), or ""
  std::string author;
  std::string site;    // publication name
  std::string url;     // canonical URL when the page states one
  // The article body: one entry per paragraph (or heading / list item inside the body),
  // with entities decoded and whitespace collapsed. Never contains "\n\n".
  std::vector<std::string> paragraphs;
};

struct HtmlExtractorOptions {
  // Pages with less body text than this fall back to the whole page's visible text blocks.
  size_t min_article_chars = 200;
};

// Extracts the article from `html` (any encoding declared as UTF-8 or Latin-1; invalid bytes
// are repaired). Fails with Corruption only when the input holds no text at all.
Result<HtmlArticle> ExtractArticleFromHtml(std::string_view html,
                                           const HtmlExtractorOptions& options = {});

}  // namespace sitrep
