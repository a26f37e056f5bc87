// Page metadata of a news article: headline, publication date, author, publication, URL.
//
// Sources, first found wins for each field:
//   title   og:title, twitter:title, JSON-LD headline, the first <h1>, <title>; the site
//           name is trimmed from the end (or start) of whichever is used
//   date    article:published_time and similar <meta>, JSON-LD datePublished, elements with
//           itemprop=datePublished, <time datetime>, <meta name=date|pubdate|dc.date…>;
//           normalised to ISO 8601 with NormalizeDate (date_finder.h)
//   author  JSON-LD author.name, <meta name=author>, rel=author links, byline elements
//   site    og:site_name, JSON-LD publisher.name, application-name
//   url     <link rel=canonical>, og:url
// JSON-LD is parsed with simdjson; a block that is not valid JSON is cleaned once (control
// characters, CDATA/comment wrappers) and otherwise ignored.
//
// Thread safety: pure function; call from any thread.
#pragma once

#include <string>
#include <string_view>

#include "text/html_dom.h"

namespace sitrep {

struct HtmlMetadata {
  std::string title;
  std::string date;  // ISO 8601, or ""
  std::string author;
  std::string site;
  std::string url;
  // The article text as the page's JSON-LD states it (articleBody), whitespace as given, or
  // "". Pages that render their text with scripts sometimes carry it only here.
  std::string linked_body;
};

HtmlMetadata ExtractHtmlMetadata(const HtmlDom& dom);

// Removes a site name written before or after a headline with a separator
// ("Storm hits coast | The Daily" -> "Storm hits coast"). With `site` empty, a short last
// segment after " | ", " - ", " — " or " :: " is taken to be the site name.
std::string TrimSiteFromTitle(std::string_view title, std::string_view site);

}  // namespace sitrep
