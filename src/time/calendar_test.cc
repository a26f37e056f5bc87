#include "time/calendar.h"

#include <gtest/gtest.h>

namespace sitrep {

TEST(Calendar, DayCountsRoundTrip) {
  EXPECT_EQ(DaysFromCivil({1970, 1, 1}), 0);
  EXPECT_EQ(DaysFromCivil({2000, 3, 1}), 11017);
  for (int64_t d = -800000; d < 800000; d += 997) {
    EXPECT_EQ(DaysFromCivil(CivilFromDays(d)), d);
  }
}

TEST(Calendar, WeekdaysAndIsoWeeks) {
  EXPECT_EQ(Weekday({2016, 12, 13}), 1);  // a Tuesday
  EXPECT_EQ(Weekday({2024, 6, 21}), 4);   // a Friday
  EXPECT_EQ(FormatWeek({2016, 12, 13}), "2016-W50");
  EXPECT_EQ(FormatWeek({2021, 1, 1}), "2020-W53");  // belongs to the previous ISO year
}

TEST(Calendar, MonthArithmeticClampsTheDay) {
  EXPECT_EQ(AddMonths({2016, 3, 31}, -1), (CivilDate{2016, 2, 29}));
  EXPECT_EQ(AddMonths({2016, 1, 15}, -1), (CivilDate{2015, 12, 15}));
  EXPECT_EQ(AddDays({2016, 12, 31}, 1), (CivilDate{2017, 1, 1}));
}

TEST(Calendar, ParsesAndValidatesIsoDates) {
  EXPECT_EQ(ParseIsoDate("2016-12-13T10:00"), (CivilDate{2016, 12, 13}));
  EXPECT_FALSE(ParseIsoDate("2016-02-30").has_value());
  EXPECT_FALSE(ParseIsoDate("13/12/2016").has_value());
}

}  // namespace sitrep
