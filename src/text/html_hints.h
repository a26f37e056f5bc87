// What an element's class and id say about its role on a page.
//
// Page authors name their containers after what they hold: "article-body", "story-content"
// for the article; "share-bar", "related-links", "comments", "sidebar", "ad-slot" for the
// rest. These words are the same across sites, so they are hints about structure, not rules
// for particular sites. Words are matched inside class/id values ("c-article__byline" holds
// "article" and "byline"); the shortest ones ("ad", "nav", "tag") only as whole words.
//
// Thread safety: pure functions over constant tables; call from any thread.
#pragma once

#include <string_view>

namespace sitrep {

struct ClassHints {
  int positive = 0;         // words naming article content: article, body, content, story…
  int strong_negative = 0;  // words naming boilerplate: comment, share, related, ad, sidebar…
  int weak_negative = 0;    // words that often but not always do: header, author, meta, rail…

  bool any() const { return positive + strong_negative + weak_negative > 0; }
  // > 0 leans to content, < 0 to boilerplate. A strong word outweighs a positive one
  // ("article-share" is boilerplate), a weak one does not ("article-header").
  int Balance() const { return positive - 2 * strong_negative - weak_negative; }
};

// Scores one class or id attribute value (any case).
ClassHints ReadClassHints(std::string_view value);

// Both attributes of one element, added up.
ClassHints ReadClassHints(std::string_view class_value, std::string_view id_value);

}  // namespace sitrep
