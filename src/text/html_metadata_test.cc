#include "text/html_metadata.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(HtmlMetadata, TrimsKnownSiteName) {
  EXPECT_EQ(TrimSiteFromTitle("Storm hits coast | The Daily", "The Daily"), "Storm hits coast");
  EXPECT_EQ(TrimSiteFromTitle("The Daily - Storm hits coast", "the daily"), "Storm hits coast");
  EXPECT_EQ(TrimSiteFromTitle("Storm hits coast", "The Daily"), "Storm hits coast");
}

TEST(HtmlMetadata, TrimsShortTrailingSegmentWithoutSiteName) {
  EXPECT_EQ(TrimSiteFromTitle("Storm hits the coast hard | Daily News", ""),
            "Storm hits the coast hard");
  // A hyphenated headline with no short trailing segment is left alone.
  EXPECT_EQ(TrimSiteFromTitle("Vote - a long look at what the results mean for everyone", ""),
            "Vote - a long look at what the results mean for everyone");
}

TEST(HtmlMetadata, ReadsItempropAndBylines) {
  HtmlDom dom(
      "<html><body><span itemprop='datePublished' content='2020-05-01'></span>"
      "<div class='byline'>By Sam Reed</div><h1>Headline here</h1></body></html>");
  HtmlMetadata meta = ExtractHtmlMetadata(dom);
  EXPECT_EQ(meta.date.substr(0, 10), "2020-05-01");
  EXPECT_EQ(meta.author, "Sam Reed");
  EXPECT_EQ(meta.title, "Headline here");
}

}  // namespace
}  // namespace sitrep
