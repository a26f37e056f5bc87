#include "text/html_charset.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(HtmlCharset, FindsHtml5AndHttpEquivDeclarations) {
  EXPECT_EQ(DeclaredHtmlCharset("<html><head><meta charset=\"ISO-8859-1\">"), "iso-8859-1");
  EXPECT_EQ(DeclaredHtmlCharset("<meta http-equiv='Content-Type' "
                                "content='text/html; charset=windows-1252'>"),
            "windows-1252");
  EXPECT_EQ(DeclaredHtmlCharset("<p>charset=utf-8 is only text here</p>"), "");
  EXPECT_EQ(DeclaredHtmlCharset("<html><body>no declaration</body></html>"), "");
}

TEST(HtmlCharset, DecodesWindows1252) {
  EXPECT_EQ(Windows1252ToUtf8("caf\xE9 \x80 \x93q\x94"),
            "caf\xC3\xA9 \xE2\x82\xAC \xE2\x80\x9Cq\xE2\x80\x9D");
}

TEST(HtmlCharset, LeavesValidUtf8Alone) {
  std::string out = "untouched";
  EXPECT_FALSE(ConvertHtmlToUtf8("<meta charset=latin1>caf\xC3\xA9", &out));
  EXPECT_EQ(out, "untouched");
}

TEST(HtmlCharset, ConvertsDeclaredLatin1AndRepairsDeclaredUtf8) {
  std::string out;
  ASSERT_TRUE(ConvertHtmlToUtf8("<meta charset=latin1>caf\xE9", &out));
  EXPECT_EQ(out, "<meta charset=latin1>caf\xC3\xA9");
  ASSERT_TRUE(ConvertHtmlToUtf8("<meta charset=utf-8>caf\xE9", &out));
  EXPECT_EQ(out, "<meta charset=utf-8>caf\xEF\xBF\xBD");
}

}  // namespace
}  // namespace sitrep
