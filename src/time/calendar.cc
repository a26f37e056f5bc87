#include "time/calendar.h"

#include <cstdio>

namespace sitrep {

// Day counting uses eras of 400 years (146097 days), each starting on March 1st so that
// the leap day falls at the end of the counting year.
int64_t DaysFromCivil(CivilDate d) {
  int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t year_of_era = y - era * 400;
  int64_t month_from_march = (d.month + 9) % 12;
  int64_t day_of_year = (153 * month_from_march + 2) / 5 + d.day - 1;
  int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

CivilDate CivilFromDays(int64_t days) {
  days += 719468;
  int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  int64_t day_of_era = days - era * 146097;
  int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  int64_t month_from_march = (5 * day_of_year + 2) / 153;
  CivilDate d;
  d.day = static_cast<int>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
  d.month = static_cast<int>(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
  d.year = static_cast<int>(year_of_era + era * 400 + (d.month <= 2 ? 1 : 0));
  return d;
}

int Weekday(CivilDate d) {
  int64_t days = DaysFromCivil(d);  // 1970-01-01 was a Thursday (3)
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool IsValidDate(int year, int month, int day) {
  return month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month);
}

CivilDate AddDays(CivilDate d, int64_t n) { return CivilFromDays(DaysFromCivil(d) + n); }

CivilDate AddMonths(CivilDate d, int n) {
  int total = d.year * 12 + (d.month - 1) + n;
  CivilDate out;
  out.year = total >= 0 ? total / 12 : (total - 11) / 12;
  out.month = total - out.year * 12 + 1;
  out.day = std::min(d.day, DaysInMonth(out.year, out.month));
  return out;
}

void IsoWeek(CivilDate d, int* iso_year, int* week) {
  // The ISO week belongs to the year of its Thursday.
  CivilDate thursday = AddDays(d, 3 - Weekday(d));
  *iso_year = thursday.year;
  int64_t jan1 = DaysFromCivil({thursday.year, 1, 1});
  *week = static_cast<int>((DaysFromCivil(thursday) - jan1) / 7 + 1);
}

std::optional<CivilDate> ParseIsoDate(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto num = [&](size_t pos, size_t len) {
    int v = 0;
    for (size_t i = pos; i < pos + len; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  CivilDate d{num(0, 4), num(5, 2), num(8, 2)};
  if (d.year < 0 || !IsValidDate(d.year, d.month, d.day)) return std::nullopt;
  return d;
}

std::string FormatDate(CivilDate d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string FormatMonth(int year, int month) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

std::string FormatWeek(CivilDate d) {
  int y, w;
  IsoWeek(d, &y, &w);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", y, w);
  return buf;
}

}  // namespace sitrep
