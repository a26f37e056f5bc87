#include "text/html_hints.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(HtmlHints, ArticleNamesLeanToContent) {
  EXPECT_GT(ReadClassHints("article-body").Balance(), 0);
  EXPECT_GT(ReadClassHints("c-story__Content").Balance(), 0);
  EXPECT_GE(ReadClassHints("article-header").Balance(), 0);  // weak words do not outweigh
}

TEST(HtmlHints, BoilerplateNamesLeanAway) {
  for (const char* name : {"share-bar", "related-links", "comments", "sidebar", "ad-slot",
                           "article-share", "c-byline", "newsletter-signup", "site-footer"}) {
    EXPECT_LT(ReadClassHints(name).Balance(), 0) << name;
  }
}

TEST(HtmlHints, ShortWordsMatchOnlyWholeWords) {
  EXPECT_LT(ReadClassHints("top ad").Balance(), 0);
  EXPECT_EQ(ReadClassHints("loaded").Balance(), 0);  // "ad" inside a word
  EXPECT_EQ(ReadClassHints("canvas").Balance(), 0);  // "nav" inside a word
  EXPECT_FALSE(ReadClassHints("").any());
}

TEST(HtmlHints, ClassAndIdAddUp) {
  ClassHints hints = ReadClassHints("story", "comments");
  EXPECT_EQ(hints.positive, 1);
  EXPECT_EQ(hints.strong_negative, 1);
}

}  // namespace
}  // namespace sitrep
