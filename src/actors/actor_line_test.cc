#include "actors/actor_line.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(ActorLine, ParsesCodeKindFormsAndDates) {
  auto line =
      ParseActorLine("  SYRGOV  person  Bashar al-Assad ; Assad  [2000-07-17..2024-12]  # note");
  ASSERT_TRUE(line.ok()) << line.status().ToString();
  EXPECT_TRUE(line->is_entry);
  EXPECT_EQ(line->code, "SYRGOV");
  EXPECT_EQ(line->kind, ActorKind::kPerson);
  EXPECT_EQ(line->forms, (std::vector<std::string>{"Bashar al-Assad", "Assad"}));
  EXPECT_EQ(line->from, 20000717);
  EXPECT_EQ(line->to, 20241231);
}

TEST(ActorLine, OpenEndsAndYearsWiden) {
  auto line = ParseActorLine("AFGGOVTAL armed_group Taliban [2021..]");
  ASSERT_TRUE(line.ok());
  EXPECT_EQ(line->from, 20210101);
  EXPECT_EQ(line->to, kOpenTo);
  line = ParseActorLine("AFGINSTAL armed_group Taliban [..2021-02]");
  ASSERT_TRUE(line.ok());
  EXPECT_EQ(line->from, kOpenFrom);
  EXPECT_EQ(line->to, 20210228);
}

TEST(ActorLine, CommentsNeedASpaceBeforeTheHash) {
  auto blank = ParseActorLine("   # only a comment");
  ASSERT_TRUE(blank.ok());
  EXPECT_FALSE(blank->is_entry);
  auto kept = ParseActorLine("USAMED media Channel#5 ; C#");
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(kept->forms, (std::vector<std::string>{"Channel#5", "C#"}));
}

TEST(ActorLine, RejectsMalformedLines) {
  EXPECT_FALSE(ParseActorLine("SYR").ok());
  EXPECT_FALSE(ParseActorLine("SYR1 country Syria").ok());
  EXPECT_FALSE(ParseActorLine("SYR country Syria [2001-01-01]").ok());
  EXPECT_FALSE(ParseActorLine("SYR country Syria [20010101..]").ok());
  EXPECT_FALSE(ParseActorLine("SYR country Syria 2001..]").ok());
}

TEST(DayKey, ParsesAndFormats) {
  EXPECT_EQ(ParseDayKey("2016-12-13T10:00:00Z"), 20161213);
  EXPECT_EQ(ParseDayKey("2016"), 20160101);
  EXPECT_EQ(ParseDayKey("2016-02", true), 20160229);
  EXPECT_EQ(ParseDayKey("yesterday"), kNoDay);
  EXPECT_EQ(ParseDayKey("2015-02-29"), kNoDay);
  EXPECT_EQ(FormatDayKey(20241208), "2024-12-08");
  EXPECT_EQ(FormatDayKey(kOpenTo), "");
}

}  // namespace
}  // namespace sitrep
