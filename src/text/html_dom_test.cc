#include "text/html_dom.h"

#include <gtest/gtest.h>
#include <gumbo.h>

namespace sitrep {
namespace {

TEST(HtmlDom, FlattensInDocumentOrderWithSubtreeRanges) {
  HtmlDom dom("<html><body><div id='a'><p>one <b>two</b></p></div><p>three</p></body></html>");
  uint32_t div = 0;
  for (uint32_t i = 0; i < dom.size(); ++i) {
    if (!dom.node(i).is_text && dom.node(i).tag == GUMBO_TAG_DIV) div = i;
  }
  ASSERT_NE(div, 0u);
  EXPECT_EQ(dom.Attribute(div, "id"), "a");
  EXPECT_EQ(dom.TextOf(div), "one two");
  EXPECT_EQ(dom.TextOf(0), "one twothree");  // no space is invented between blocks
  for (uint32_t i = div + 1; i < dom.node(div).end; ++i) {
    uint32_t a = dom.node(i).parent;
    while (a != div && a != HtmlNode::kNone) a = dom.node(a).parent;
    EXPECT_EQ(a, div);
  }
}

TEST(HtmlDom, CollapsesWhitespaceIncludingNoBreakSpace) {
  std::string out = "x";
  AppendCollapsedText(
      " a \n\t b\xC2\xA0\xC2\xA0"
      "c ",
      &out);
  EXPECT_EQ(out, "x a b c ");
  TrimTrailingSpace(&out);
  EXPECT_EQ(out, "x a b c");
}

TEST(HtmlDom, LimitNestingDropsOnlyExcessTags) {
  std::string out;
  EXPECT_FALSE(LimitHtmlNesting("<div><div><p>a<p>b</div></div>", 2, &out));
  ASSERT_TRUE(LimitHtmlNesting("<div><div><div>x</div></div></div>", 2, &out));
  EXPECT_EQ(out, "<div><div>x</div></div>");
  // Scripts are skipped whole; unclosed paragraphs and void elements do not count.
  EXPECT_FALSE(
      LimitHtmlNesting("<script>if (a<b) x='<div><div><div>';</script><p><p><p><br>", 1, &out));
}

TEST(HtmlDom, StripsScriptBodiesStylesAndCommentsButKeepsJson) {
  EXPECT_EQ(StripScriptsAndComments("<p>a</p><SCRIPT src=x>var s = '</p>';</SCRIPT><style>p{}"
                                    "</style><!-- note --><p>b</p>"),
            "<p>a</p><SCRIPT src=x></SCRIPT><style></style><p>b</p>");
  std::string json = "<script type=\"application/ld+json\">{\"a\": \"<b>\"}</script>";
  EXPECT_EQ(StripScriptsAndComments(json), json);
  EXPECT_EQ(StripScriptsAndComments("<scripted>x</scripted><p>y"), "<scripted>x</scripted><p>y");
  EXPECT_EQ(StripScriptsAndComments("<p>z<script>never closed"), "<p>z<script>");
  EXPECT_EQ(StripScriptsAndComments("<p>z<!-- never closed"), "<p>z<!-- never closed");
}

}  // namespace
}  // namespace sitrep
