#include "text/html_extractor.h"

#include <gtest/gtest.h>

#include <string>

#include "base/utf8.h"

namespace sitrep {
namespace {

// Four long, comma-rich paragraphs: an article body by any measure.
std::string BodyParagraphs() {
  return "<p>The finance ministers of the two countries met in Geneva on Tuesday, and after "
         "six hours of talks they agreed to resume negotiations on the disputed tariffs.</p>"
         "<p>Officials said the agreement, which still needs the approval of both "
         "parliaments, would lower duties on steel, grain and machinery over three years.</p>"
         "<p>Critics of the deal, including several opposition leaders, warned that it "
         "would hurt farmers, and they promised to vote against it next month.</p>"
         "<p>The talks will continue in March, when a second round is planned in Vienna, "
         "according to a statement released by the foreign ministry late on Tuesday.</p>";
}

std::string Page(const std::string& head, const std::string& body) {
  return "<!DOCTYPE html><html><head>" + head + "</head><body>" + body + "</body></html>";
}

std::string Joined(const HtmlArticle& article) {
  std::string out;
  for (const std::string& p : article.paragraphs) out += p + "\n";
  return out;
}

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(HtmlExtractor, KeepsArticleParagraphs) {
  auto article = ExtractArticleFromHtml(Page("", "<article>" + BodyParagraphs() + "</article>"));
  ASSERT_TRUE(article.ok()) << article.status().ToString();
  ASSERT_EQ(article->paragraphs.size(), 4u);
  EXPECT_EQ(article->paragraphs[0].substr(0, 30), "The finance ministers of the t");
}

TEST(HtmlExtractor, DropsNavigationFooterCommentsRelatedShareAndCaptions) {
  std::string body =
      "<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World news</a></li></ul></nav>"
      "<div class='share-bar'><a href='#'>Share on Facebook</a> <a href='#'>Tweet</a></div>"
      "<div class='story'>"
      "<figure><img src='x.jpg'><figcaption>Ministers arrive for the meeting.</figcaption>"
      "</figure>" +
      BodyParagraphs() +
      "<div class='related-articles'><h3>Related</h3><ul>"
      "<li><a href='/a'>Tariff talks stall, again, over grain</a></li>"
      "<li><a href='/b'>Steel prices rise, analysts say</a></li></ul></div>"
      "</div>"
      "<section id='comments'><p>Great article, thanks, I agree with every word of it and "
      "more, really, truly.</p></section>"
      "<footer><p>Copyright 2024 The Daily Example, all rights reserved, reproduction "
      "prohibited.</p></footer>";
  auto article = ExtractArticleFromHtml(Page("", body));
  ASSERT_TRUE(article.ok());
  std::string text = Joined(*article);
  EXPECT_TRUE(Has(text, "finance ministers")) << text;
  EXPECT_TRUE(Has(text, "second round is planned")) << text;
  for (const char* junk : {"World news", "Share on Facebook", "Ministers arrive", "Tariff talks",
                           "Great article", "Copyright", "Related"}) {
    EXPECT_FALSE(Has(text, junk)) << junk << " in:\n" << text;
  }
}

TEST(HtmlExtractor, DropsScriptsAndStyles) {
  std::string body = "<div><script>var secret = 'no';</script><style>p{color:red}</style>" +
                     BodyParagraphs() + "</div>";
  auto article = ExtractArticleFromHtml(Page("<script>var x = 1;</script>", body));
  ASSERT_TRUE(article.ok());
  std::string text = Joined(*article);
  EXPECT_FALSE(Has(text, "secret"));
  EXPECT_FALSE(Has(text, "color"));
}

TEST(HtmlExtractor, KeepsHeadingsAndListItemsInsideTheBody) {
  std::string body = "<div class='article-body'>" + BodyParagraphs() +
                     "<h2>What the deal changes</h2><ul>"
                     "<li>Steel duties fall by a third, starting in the summer.</li>"
                     "<li>Grain quotas are lifted, except for rice and maize.</li></ul>" +
                     BodyParagraphs() + "</div>";
  auto article = ExtractArticleFromHtml(Page("", body));
  ASSERT_TRUE(article.ok());
  std::string text = Joined(*article);
  EXPECT_TRUE(Has(text, "What the deal changes\n")) << text;
  EXPECT_TRUE(Has(text, "Steel duties fall by a third, starting in the summer.\n")) << text;
}

TEST(HtmlExtractor, ReadsMetadataFromMetaTags) {
  std::string head =
      "<title>Talks resume | The Daily Example</title>"
      "<meta property='og:title' content='Tariff talks resume in Geneva'>"
      "<meta property='og:site_name' content='The Daily Example'>"
      "<meta property='article:published_time' content='2016-12-13T09:30:00Z'>"
      "<meta name='author' content='Jane Doe'>"
      "<link rel='canonical' href='https://example.com/2016/12/talks'>";
  auto article = ExtractArticleFromHtml(Page(head, "<article>" + BodyParagraphs() + "</article>"));
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->title, "Tariff talks resume in Geneva");
  EXPECT_EQ(article->site, "The Daily Example");
  EXPECT_EQ(article->date.substr(0, 10), "2016-12-13");
  EXPECT_EQ(article->author, "Jane Doe");
  EXPECT_EQ(article->url, "https://example.com/2016/12/talks");
}

TEST(HtmlExtractor, ReadsMetadataFromJsonLd) {
  std::string head =
      "<script type='application/ld+json'>{\"@context\":\"https://schema.org\","
      "\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"x\"},{\"@type\":\"NewsArticle\","
      "\"headline\":\"Ministers agree on tariffs\",\"datePublished\":\"2019-11-18\","
      "\"author\":[{\"@type\":\"Person\",\"name\":\"Ann Lee\"},{\"name\":\"Bo Park\"}],"
      "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Example News\"}}]}</script>";
  auto article = ExtractArticleFromHtml(Page(head, "<article>" + BodyParagraphs() + "</article>"));
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->title, "Ministers agree on tariffs");
  EXPECT_EQ(article->date.substr(0, 10), "2019-11-18");
  EXPECT_EQ(article->author, "Ann Lee, Bo Park");
  EXPECT_EQ(article->site, "Example News");
}

TEST(HtmlExtractor, ToleratesInvalidJsonLd) {
  // A raw line break inside a string is invalid JSON but common on real pages.
  std::string head =
      "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"Line\n"
      "break\"}</script><script type='application/ld+json'>{not json at all</script>";
  auto article = ExtractArticleFromHtml(Page(head, "<article>" + BodyParagraphs() + "</article>"));
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->title, "Line break");
}

TEST(HtmlExtractor, ReadsDateFromTimeElementAndTitleFromH1) {
  std::string body =
      "<article><h1>Storm hits the coast</h1><time datetime='2021-03-04'>March "
      "4</time>" +
      BodyParagraphs() + "</article>";
  auto article = ExtractArticleFromHtml(Page("<title>Storm | Site</title>", body));
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->date.substr(0, 10), "2021-03-04");
  EXPECT_EQ(article->title, "Storm hits the coast");
  EXPECT_FALSE(Has(Joined(*article), "Storm hits the coast"));  // the headline is not body text
}

TEST(HtmlExtractor, TrimsSiteNameFromTitleElement) {
  auto article = ExtractArticleFromHtml(
      Page("<title>Ministers agree on new tariffs | The Daily Example</title>",
           "<div>" + BodyParagraphs() + "</div>"));
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->title, "Ministers agree on new tariffs");
}

TEST(HtmlExtractor, DecodesLatin1Page) {
  std::string body = BodyParagraphs();
  body.insert(body.find("Geneva"), "caf\xE9 \x93quoted\x94 ");
  std::string page =
      "<html><head><meta charset='iso-8859-1'></head><body><div>" + body + "</div></body></html>";
  auto article = ExtractArticleFromHtml(page);
  ASSERT_TRUE(article.ok());
  std::string text = Joined(*article);
  EXPECT_TRUE(IsValidUtf8(text));
  EXPECT_TRUE(Has(text, "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D Geneva")) << text;
}

TEST(HtmlExtractor, RepairsInvalidUtf8InUtf8Page) {
  std::string body = BodyParagraphs();
  body.insert(body.find("Geneva"), "bad \xFF\xFE byte ");
  auto article = ExtractArticleFromHtml(Page("<meta charset='utf-8'>", "<div>" + body + "</div>"));
  ASSERT_TRUE(article.ok());
  EXPECT_TRUE(IsValidUtf8(Joined(*article)));
}

TEST(HtmlExtractor, DecodesEntitiesAndCollapsesWhitespace) {
  std::string body = BodyParagraphs();
  body.insert(body.find("Geneva"), "Ben &amp; Jerry&#8217;s &quot;caf&eacute;&quot;\n\n\t  in ");
  auto article = ExtractArticleFromHtml(Page("", "<div>" + body + "</div>"));
  ASSERT_TRUE(article.ok());
  std::string text = Joined(*article);
  EXPECT_TRUE(Has(text, "Ben & Jerry\xE2\x80\x99s \"caf\xC3\xA9\" in Geneva")) << text;
  for (const std::string& p : article->paragraphs) {
    EXPECT_FALSE(Has(p, "\n"));
    EXPECT_FALSE(Has(p, "  "));
  }
}

TEST(HtmlExtractor, SplitsParagraphsAtLineBreaks) {
  std::string body =
      "<div>The first line of a long post, written without paragraph tags, goes "
      "on.<br><br>The second line, also long enough, follows the break here."
      "<br>A third one, after a single break, with more words in it now.</div>";
  auto article = ExtractArticleFromHtml(Page("", body + body));
  ASSERT_TRUE(article.ok());
  for (const std::string& p : article->paragraphs) EXPECT_FALSE(Has(p, "\n")) << p;
  EXPECT_GE(article->paragraphs.size(), 3u);
}

TEST(HtmlExtractor, DropsHeadingLeftWithNothingUnderIt) {
  std::string body = "<div class='story'>" + BodyParagraphs() +
                     "<h3>Comments</h3><div class='comments'><p>First, I think, that this is "
                     "a fine piece of writing, truly.</p></div></div>";
  auto article = ExtractArticleFromHtml(Page("", body));
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->paragraphs.back().substr(0, 20), "The talks will conti");
}

TEST(HtmlExtractor, UsesJsonLdBodyWhenMarkupHoldsLittleText) {
  std::string head =
      "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"articleBody\":"
      "\"The council voted on Monday, after a long debate, to close the old bridge to "
      "traffic for repairs.\\nThe repairs, which will cost four million dollars, are "
      "expected to take two years, officials said, and detours will be posted.\"}</script>";
  auto article = ExtractArticleFromHtml(Page(head, "<div id='app'>Loading…</div>"));
  ASSERT_TRUE(article.ok());
  ASSERT_EQ(article->paragraphs.size(), 2u);
  EXPECT_EQ(article->paragraphs[1].substr(0, 11), "The repairs");
}

TEST(HtmlExtractor, PageWithoutTextIsAnError) {
  EXPECT_FALSE(ExtractArticleFromHtml("").ok());
  EXPECT_FALSE(ExtractArticleFromHtml("<html><head><title></title></head><body> <img src=x>"
                                      "<script>var a = 'text';</script></body></html>")
                   .ok());
}

TEST(HtmlExtractor, ShortPageFallsBackToItsText) {
  auto article = ExtractArticleFromHtml("<html><body><span>Just a few words.</span></body></html>");
  ASSERT_TRUE(article.ok());
  ASSERT_EQ(article->paragraphs.size(), 1u);
  EXPECT_EQ(article->paragraphs[0], "Just a few words.");
}

TEST(HtmlExtractor, SurvivesDeeplyNestedMarkup) {
  std::string page = "<html><body>";
  for (int i = 0; i < 100000; ++i) page += "<div>";
  page += BodyParagraphs();
  for (int i = 0; i < 100000; ++i) page += "<b><i>";
  page += "deep text";
  auto article = ExtractArticleFromHtml(page);
  ASSERT_TRUE(article.ok());
  EXPECT_TRUE(Has(Joined(*article), "finance ministers"));
}

TEST(HtmlExtractor, SurvivesMalformedMarkup) {
  const char* pages[] = {
      "<p>unclosed <b>bold <i>italic</p></b> text <table><tr><td>cell",
      "</div></div></body></html><p>after the end",
      "<html><body><<<>>><a href='x'<p>&#xFFFFFF;&#0;&bogus;&</p><script>",
      "<svg><foreignObject><p>inside svg</p></foreignObject></svg><math><mi>x</mi></math>",
      "<!-- unterminated comment <p>hidden",
      "<table><p>misnested<tr><td><form><div></form></div></td></tr></table>",
  };
  for (const char* page : pages) {
    auto article = ExtractArticleFromHtml(page);
    if (article.ok()) {
      for (const std::string& p : article->paragraphs) {
        EXPECT_TRUE(IsValidUtf8(p));
        EXPECT_FALSE(Has(p, "\n\n"));
      }
    }
  }
}

}  // namespace
}  // namespace sitrep
