#include "text/date_finder.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(DateFinder, WeekdayMonthDayYear) {
  EXPECT_EQ(FindPublicationDate("Headline here\nFriday, June 21, 2024\n\nBody text."), "2024-06-21");
}

TEST(DateFinder, DateWithTwelveHourTimeAndZone) {
  EXPECT_EQ(FindPublicationDate("April 6, 2016 \xE2\x80\x94 7:00 PM EDT\n"), "2016-04-06T19:00");
  EXPECT_EQ(FindPublicationDate("April 6, 2016 at 12:15 a.m.\n"), "2016-04-06T00:15");
}

TEST(DateFinder, AbbreviatedWeekdayAndMonth) {
  EXPECT_EQ(FindPublicationDate("Thu Apr 7, 2016\n"), "2016-04-07");
  EXPECT_EQ(FindPublicationDate("Sept. 9, 2016\n"), "2016-09-09");
}

TEST(DateFinder, IsoDate) {
  EXPECT_EQ(FindPublicationDate("Posted 2016-04-06\n"), "2016-04-06");
  EXPECT_EQ(FindPublicationDate("2016-04-06T19:05:00+03:00\n"), "2016-04-06T19:05");
}

TEST(DateFinder, DayFirstWrittenDates) {
  EXPECT_EQ(FindPublicationDate("06 April 2016\n"), "2016-04-06");
  EXPECT_EQ(FindPublicationDate("6th April 2016\n"), "2016-04-06");
  EXPECT_EQ(FindPublicationDate("Last updated: 21st of March, 2016\n"), "2016-03-21");
}

TEST(DateFinder, SlashedDatesAreMonthFirstUnlessImpossible) {
  EXPECT_EQ(FindPublicationDate("Published: 12/13/2016\n"), "2016-12-13");
  EXPECT_EQ(FindPublicationDate("Published: 03/04/2016\n"), "2016-03-04");
  EXPECT_EQ(FindPublicationDate("Published: 25/04/2016\n"), "2016-04-25");
}

TEST(DateFinder, TimeBeforeDate) {
  EXPECT_EQ(FindPublicationDate("Updated 10:32 am EST, Wed March 9, 2016\n"), "2016-03-09T10:32");
}

TEST(DateFinder, Rfc822) {
  EXPECT_EQ(FindPublicationDate("Tue, 13 Dec 2016 10:00:00 GMT\n"), "2016-12-13T10:00");
}

TEST(DateFinder, BylineAndDateline) {
  EXPECT_EQ(FindPublicationDate("By Jane Roe | March 15, 2016\n\nText."), "2016-03-15");
  EXPECT_EQ(FindPublicationDate(
                "MOSCOW, March 14, 2016 \xE2\x80\x94 Russia said on Monday it would pull out.\n"),
            "2016-03-14");
}

TEST(DateFinder, IgnoresDatesInsideProse) {
  EXPECT_EQ(FindPublicationDate("The war began on March 3, 2011, and has not ended.\n"), "");
  EXPECT_EQ(FindPublicationDate("On March 3, 2011, the war began in earnest.\n"), "");
  EXPECT_EQ(FindPublicationDate("Officials said the talks that opened on 12 May 2015 in Geneva "
                                "had failed to produce an agreement.\n"),
            "");
}

TEST(DateFinder, PrefersPublishedCueOverEarlierDate) {
  std::string text =
      "Updated: April 7, 2016\nPublished: April 6, 2016\n\nThe ceasefire held overnight.";
  EXPECT_EQ(FindPublicationDate(text), "2016-04-06");
}

TEST(DateFinder, ScansOnlyTheFirstBytes) {
  std::string text(3000, 'x');
  text += "\nApril 6, 2016\n";
  EXPECT_EQ(FindPublicationDate(text), "");
  EXPECT_EQ(FindPublicationDate(text, 4000), "2016-04-06");
}

TEST(DateFinder, RejectsInvalidDates) {
  EXPECT_EQ(FindPublicationDate("February 30, 2016\n"), "");
  EXPECT_EQ(FindPublicationDate("February 29, 2015\n"), "");
  EXPECT_EQ(FindPublicationDate("2016-13-01\n"), "");
  EXPECT_EQ(FindPublicationDate("April 6, 1850\n"), "");
  EXPECT_EQ(FindPublicationDate("Published: 13/13/2016\n"), "");
  EXPECT_EQ(FindPublicationDate("April 31, 2016\n"), "");
  EXPECT_EQ(FindPublicationDate("March 2016\n"), "");
}

TEST(DateFinder, AcceptsLeapDay) { EXPECT_EQ(FindPublicationDate("February 29, 2016\n"), "2016-02-29"); }

TEST(DateFinder, LowerCaseMayIsNotAMonth) {
  EXPECT_EQ(FindPublicationDate("may 5, 2016\n"), "");
  EXPECT_EQ(FindPublicationDate("May 5, 2016\n"), "2016-05-05");
}

TEST(NormalizeDate, MetadataForms) {
  EXPECT_EQ(NormalizeDate("2016-04-06"), "2016-04-06");
  EXPECT_EQ(NormalizeDate("2016-04-06T19:00:00Z"), "2016-04-06T19:00");
  EXPECT_EQ(NormalizeDate("2016-04-06T19:00:00.000-04:00"), "2016-04-06T19:00");
  EXPECT_EQ(NormalizeDate("2016-04-06 07:30"), "2016-04-06T07:30");
  EXPECT_EQ(NormalizeDate("Tue, 13 Dec 2016 10:00:00 GMT"), "2016-12-13T10:00");
  EXPECT_EQ(NormalizeDate("April 6, 2016"), "2016-04-06");
  EXPECT_EQ(NormalizeDate("12/13/2016"), "2016-12-13");
  EXPECT_EQ(NormalizeDate("20160406"), "2016-04-06");
  EXPECT_EQ(NormalizeDate("  Published on Thu Apr 7, 2016 3pm "), "2016-04-07T15:00");
}

TEST(NormalizeDate, UnreadableGivesEmpty) {
  EXPECT_EQ(NormalizeDate(""), "");
  EXPECT_EQ(NormalizeDate("yesterday"), "");
  EXPECT_EQ(NormalizeDate("2016-02-30"), "");
  EXPECT_EQ(NormalizeDate("99999999"), "");
}

}  // namespace
}  // namespace sitrep
