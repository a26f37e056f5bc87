#include "base/utf8.h"

#include <gtest/gtest.h>

namespace sitrep {

TEST(Utf8, ValidatesWellFormedText) {
  EXPECT_TRUE(IsValidUtf8("plain ascii"));
  EXPECT_TRUE(IsValidUtf8("al-Assad \xE2\x80\x94 \xC3\xA9t\xC3\xA9 \xF0\x9F\x98\x80"));
  EXPECT_FALSE(IsValidUtf8("bad \xFF byte"));
  EXPECT_FALSE(IsValidUtf8("overlong \xC0\xAF"));
  EXPECT_FALSE(IsValidUtf8("surrogate \xED\xA0\x80"));
  EXPECT_FALSE(IsValidUtf8("cut \xE2\x80"));
}

TEST(Utf8, RepairReplacesEachBrokenSequenceOnce) {
  EXPECT_EQ(RepairUtf8("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(RepairUtf8("cut \xE2\x80"), "cut \xEF\xBF\xBD");
  std::string repaired = RepairUtf8("x\xC3\x28y");
  EXPECT_TRUE(IsValidUtf8(repaired));
  EXPECT_EQ(repaired, "x\xEF\xBF\xBD(y");
}

TEST(Utf8, StripsBomAndNormalizesNewlines) {
  EXPECT_EQ(StripBom("\xEF\xBB\xBFhello"), "hello");
  EXPECT_EQ(StripBom("hello"), "hello");
  EXPECT_EQ(NormalizeNewlines("a\r\nb\rc\n"), "a\nb\nc\n");
}

TEST(Utf8, DecodesAndEncodesCodePoints) {
  std::string s;
  AppendUtf8(0x2014, &s);
  AppendUtf8(0x1F600, &s);
  size_t pos = 0;
  EXPECT_EQ(DecodeUtf8(s, &pos), char32_t{0x2014});
  EXPECT_EQ(DecodeUtf8(s, &pos), char32_t{0x1F600});
  EXPECT_EQ(pos, s.size());
  EXPECT_EQ(Utf8Length(s), 2u);
}

TEST(Utf8, DetectsBinaryData) {
  EXPECT_TRUE(LooksBinary(std::string("PK\x03\x04\0\0\0", 7)));
  EXPECT_FALSE(LooksBinary("An ordinary news sentence.\nAnother line.\r\n"));
}

}  // namespace sitrep
