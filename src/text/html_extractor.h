// HTML article extraction: finds the main content of a news page by its structure.
//
// How (no rule names a particular site):
//   1. Decode: the page is made UTF-8 (Windows-1252/Latin-1 pages converted, see
//      html_charset.h) and parsed with gumbo into a flat HtmlDom (html_dom.h); script bodies,
//      style sheets and comments are cut out first, JSON-LD kept.
//   2. Leave out what is never article text: invisible elements (scripts, forms, media,
//      hidden/aria-hidden/display:none) and page furniture (nav, aside, footer, figure,
//      navigation/complementary roles, class/id words such as share, related, comment,
//      promo, sidebar, caption, byline; see html_hints.h). A named element holding most of
//      the page's paragraph text or the itemprop=articleBody element is never left out.
//   3. Score containers: every text block of 25+ bytes scores by its length and commas and
//      credits its container and two ancestors; class/id words, <article>/<main> and
//      itemprop=articleBody add to a container's score; link density scales it down.
//   4. Take the best container, widen it to the ancestor (up to five levels) that gains more
//      running text than other text (articles split into chunks), and add siblings that
//      score well or are paragraphs of plain text.
//   5. Clean inside: drop furniture, <h1>/<header> (the headline is metadata), forms, and
//      lists/divs/tables that are mostly links or tiny; drop lines that are mostly a link.
// If the markup yields less than half of a JSON-LD articleBody, that articleBody is used;
// if the result is shorter than HtmlExtractorOptions::min_article_chars, all visible text
// blocks of the page are returned instead.
//
// Metadata comes from <meta> tags (Open Graph, Twitter, Dublin Core, article:*), JSON-LD
// (NewsArticle and friends), <time> elements and visible bylines; see html_metadata.h.
//
// Cost: linear in the page size; the parse dominates (about 40 MB/s of HTML per core on
// news pages, see bench/bench_extract.cc).
//
// Thread safety: ExtractArticleFromHtml is a pure function; call it from any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace sitrep {

struct HtmlArticle {
  std::string title;   // headline, site name trimmed; "" when the page states none
  std::string date;    // ISO 8601 publication date ("2016-12-13", or with a time), or ""
  std::string author;  // "" when unknown; several authors are joined with ", "
  std::string site;    // publication name, or ""
  std::string url;     // canonical URL when the page states one, or ""
  // The article body: one entry per paragraph (or heading / list item / line after a <br>
  // inside the body), with entities decoded and whitespace collapsed to single spaces.
  // Never empty strings; never contains "\n". Everything is valid UTF-8.
  std::vector<std::string> paragraphs;
};

struct HtmlExtractorOptions {
  // Pages with less body text than this (bytes) fall back to the whole page's visible text
  // blocks, and a JSON-LD articleBody shorter than this is not used.
  size_t min_article_chars = 200;
};

// Extracts the article from `html` (raw bytes of any size; UTF-8 or a Western single-byte
// charset; invalid bytes are repaired). Fails with Corruption only when the page holds no
// visible text at all.
Result<HtmlArticle> ExtractArticleFromHtml(std::string_view html,
                                           const HtmlExtractorOptions& options = {});

}  // namespace sitrep
