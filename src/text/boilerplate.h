// Boilerplate in plain and scraped text.
//
// Scraped text arrives with page furniture still in it: forum headers and navigation
// ("Welcome to ...", "Latest Discussions»..."), "Also read:" and "Recommended:" teasers, photo
// captions and credits ("Photo: AP", "[Featured Image by ...]"), author bios, subscription and
// donation appeals, "Original Source:" lines, and teasers for unrelated articles appended by
// scrapers. ClassifyTextBlocks splits the text into blocks and marks each as article or
// boilerplate. It never rewrites the text: blocks are byte spans into it.
//
// Thread safety: pure functions; call from any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "document/document.h"

namespace sitrep {

struct TextBlock {
  Span span;               // the block's bytes, without surrounding blank space
  bool boilerplate = false;
  std::string reason;      // why it is boilerplate: "navigation", "teaser", "caption", ...
};

// Splits `text` into blocks (paragraphs separated by blank lines; single lines where the text
// has no blank lines) and classifies each. Every non-blank byte of `text` lies in one block.
std::vector<TextBlock> ClassifyTextBlocks(std::string_view text);

}  // namespace sitrep
