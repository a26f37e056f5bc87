// Calendar arithmetic on the proleptic Gregorian calendar: civil dates, day counts, ISO
// weeks and weekdays. Small value types, no time zones.
//
// Thread safety: pure functions and plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sitrep {

struct CivilDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

// Days since 1970-01-01 (negative before).
int64_t DaysFromCivil(CivilDate d);
CivilDate CivilFromDays(int64_t days);
// 0 = Monday ... 6 = Sunday.
int Weekday(CivilDate d);
int DaysInMonth(int year, int month);
bool IsValidDate(int year, int month, int day);
CivilDate AddDays(CivilDate d, int64_t n);
// Adds months, clamping the day to the target month's length.
CivilDate AddMonths(CivilDate d, int n);
// ISO 8601 week-numbering year and week of `d`.
void IsoWeek(CivilDate d, int* iso_year, int* week);

// "2016-12-13" (also accepts a longer ISO string, reading its first 10 characters).
std::optional<CivilDate> ParseIsoDate(std::string_view s);
std::string FormatDate(CivilDate d);         // "2016-12-13"
std::string FormatMonth(int year, int month);  // "2016-12"
std::string FormatWeek(CivilDate d);          // "2016-W49"

}  // namespace sitrep
