// ArticleReader: the text stage. Turns a RawDocument into a Document holding clean article
// text, its metadata, and the paragraph spans that later stages read.
//
//   HTML           the article body is extracted (see html_extractor.h); Document::text is
//                  its paragraphs joined by blank lines.
//   JSON `text`    kept byte for byte as Document::text; boilerplate blocks are marked in
//                  Document::boilerplate and left out of Document::paragraphs.
//   .txt files     decoded once (BOM dropped, invalid UTF-8 replaced, CRLF to LF, HTML
//                  character references decoded), then treated like JSON `text`.
//
// Metadata given with the input (JSON Lines fields) wins over metadata found in the page.
// A publication date written in the text is used when none is given.
//
// Thread safety: ReadArticle is a pure function; call it from any thread.
#pragma once

#include "base/status.h"
#include "document/document.h"
#include "text/html_extractor.h"
#include "text/input.h"

namespace sitrep {

struct ArticleReaderOptions {
  HtmlExtractorOptions html;
  // Look for a publication date in the text when the input gives none.
  bool find_dates_in_text = true;
  // Treat every block of a text input as article text: no boilerplate marking. For text that
  // is known to be clean (treebank text, wire copy), where furniture detection can only err.
  bool keep_all_text = false;
};

// Fills *doc (cleared first) from `raw`. Fails with Corruption when nothing readable is left
// (e.g. a page with no text); the message names raw.origin.
Status ReadArticle(RawDocument raw, const ArticleReaderOptions& options, Document* doc);

}  // namespace sitrep
