#include "time/time_tagger.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

struct Found {
  std::string text, value, type;
};

std::vector<Found> TagText(std::string_view text, std::string_view dct) {
  TimeTagger tagger;
  std::vector<TimeExpression> out;
  tagger.Tag(text, {0, static_cast<uint32_t>(text.size())}, dct, &out);
  std::vector<Found> found;
  for (const auto& t : out) {
    found.push_back({std::string(text.substr(t.span.start, t.span.size())), t.value, t.type});
  }
  return found;
}

// The single expression in `text`, or a failure.
Found One(std::string_view text, std::string_view dct) {
  auto all = TagText(text, dct);
  EXPECT_EQ(all.size(), 1u) << text;
  return all.empty() ? Found{} : all[0];
}

TEST(TimeTagger, MonthAndDayTakeTheNearestYearPreferringThePast) {
  EXPECT_EQ(One("On Dec. 11, ISIS retook Palmyra.", "2016-12-13").value, "2016-12-11");
  EXPECT_EQ(One("On Dec. 11, ISIS retook Palmyra.", "2016-12-13").text, "Dec. 11");
  EXPECT_EQ(One("The talks began on March 27.", "2016-12-13").value, "2016-03-27");
  // Near a year boundary: December mentioned in early January is last year's.
  EXPECT_EQ(One("Fighting resumed on December 30.", "2017-01-03").value, "2016-12-30");
  // ... and January mentioned in late December is next year's when it is only days ahead.
  EXPECT_EQ(One("Elections are due on January 2.", "2016-12-30").value, "2017-01-02");
}

TEST(TimeTagger, ExplicitDatesAndMonths) {
  EXPECT_EQ(One("It was liberated in March 2016 by the army.", "2016-12-13").value, "2016-03");
  EXPECT_EQ(One("Published Friday, June 21, 2024.", "").value, "2024-06-21");
  EXPECT_EQ(One("The 11 December 2016 attack", "").value, "2016-12-11");
  EXPECT_EQ(One("The crisis of 1962 was different.", "2016-12-13").value, "1962");
  EXPECT_EQ(One("The offensive began in April.", "2016-12-13").value, "2016-04");
  EXPECT_EQ(One("See 2016-04-06 for details.", "").value, "2016-04-06");
}

TEST(TimeTagger, RelativeExpressionsFollowThePublicationDate) {
  EXPECT_EQ(One("Russia said last week it would leave.", "2016-03-15").value, "2016-W10");
  EXPECT_EQ(One("It happened late last month.", "2016-03-15").value, "2016-02");
  EXPECT_EQ(One("Talks stalled earlier this year.", "2016-03-15").value, "2016");
  EXPECT_EQ(One("Talks resume next year.", "2016-03-15").value, "2017");
  EXPECT_EQ(One("The army attacked on Monday.", "2016-03-17").value, "2016-03-14");  // a Thursday
  EXPECT_EQ(One("Rebels struck yesterday.", "2016-03-01").value, "2016-02-29");
  EXPECT_EQ(One("They met two years ago.", "2016-03-15").value, "2014");
  EXPECT_EQ(One("They met three days ago.", "2016-03-01").value, "2016-02-27");
}

TEST(TimeTagger, OrdinalCenturiesNameTheirYears) {
  EXPECT_EQ(One("It was built in the 11th century.", "2016-03-15").value, "10");
  EXPECT_EQ(One("The wars of the 20th century", "2016-03-15").value, "19");
}

TEST(TimeTagger, SinceLateYear) {
  auto f = One("The siege has lasted since late 2015.", "2016-12-13");
  EXPECT_EQ(f.value, "2015");
}

TEST(TimeTagger, ADayAfterIsAnchoredToThePreviousDate) {
  auto all = TagText("The bombing took place on March 3. A day after, the army retaliated.",
                     "2016-03-15");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].value, "2016-03-04");
}

TEST(TimeTagger, DurationsTimesAndSets) {
  EXPECT_EQ(One("The war has lasted five years.", "2016-03-15").value, "P5Y");
  EXPECT_EQ(One("in the last twenty four hours", "2016-03-15").value, "PT24H");
  EXPECT_EQ(One("The blast came at 7:00 PM EDT.", "2016-04-06").value, "2016-04-06T19:00");
  EXPECT_EQ(One("Patrols run every week.", "2016-04-06").type, "SET");
  EXPECT_EQ(One("He spoke this morning.", "2016-04-06").value, "2016-04-06TMO");
}

TEST(TimeTagger, UnknownPublicationDateLeavesRelativeDatesUnresolved) {
  EXPECT_EQ(One("Russia said last week it would leave.", "").value, "");
  EXPECT_EQ(One("On Dec. 11, ISIS retook Palmyra.", "").value, "XXXX-12-11");
  EXPECT_EQ(One("They met in March 2016.", "").value, "2016-03");
}

TEST(TimeTagger, OrdinaryWordsAreNotDates) {
  EXPECT_TRUE(TagText("Protesters may march on the capital.", "2016-03-15").empty());
  EXPECT_TRUE(TagText("The army deployed 2000 troops.", "2016-03-15").empty());
  EXPECT_TRUE(TagText("She said it was a good sign.", "2016-03-15").empty());
}

TEST(TimeTagger, OffsetsAreBytesInMultibyteText) {
  std::string text = "Le 11 décembre — on Dec. 11, 2016 — l’armée";
  auto all = TagText(text, "");
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].text, "Dec. 11, 2016");
}

}  // namespace
}  // namespace sitrep
