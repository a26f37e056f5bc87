#include "actors/actor_entry.h"

#include <array>
#include <cctype>
#include <cstdio>

namespace sitrep {

namespace {

struct KindSpelling {
  ActorKind kind;
  std::string_view name;
};

constexpr std::array<KindSpelling, 14> kKindSpellings = {{
    {ActorKind::kCountry, "country"},
    {ActorKind::kAdjective, "adjective"},
    {ActorKind::kDemonym, "demonym"},
    {ActorKind::kCapital, "capital"},
    {ActorKind::kPerson, "person"},
    {ActorKind::kIgo, "igo"},
    {ActorKind::kNgo, "ngo"},
    {ActorKind::kMedia, "media"},
    {ActorKind::kArmedGroup, "armed_group"},
    {ActorKind::kParty, "party"},
    {ActorKind::kBusiness, "business"},
    {ActorKind::kOrganization, "organization"},
    {ActorKind::kAgent, "agent"},
    {ActorKind::kCountryAgent, "country_agent"},
}};

// Reads exactly `n` digits at text[*pos]; -1 when they are not there.
int ReadDigits(std::string_view text, size_t* pos, size_t n) {
  if (*pos + n > text.size()) return -1;
  int value = 0;
  for (size_t i = 0; i < n; ++i) {
    char c = text[*pos + i];
    if (!std::isdigit(static_cast<unsigned char>(c))) return -1;
    value = value * 10 + (c - '0');
  }
  *pos += n;
  return value;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool IsDigitAt(std::string_view text, size_t pos) {
  return pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]));
}

}  // namespace

std::string_view ActorKindName(ActorKind kind) {
  for (const auto& k : kKindSpellings) {
    if (k.kind == kind) return k.name;
  }
  return "unknown";
}

std::optional<ActorKind> ParseActorKind(std::string_view word) {
  for (const auto& k : kKindSpellings) {
    if (k.name == word && k.kind != ActorKind::kCountryAgent) return k.kind;
  }
  return std::nullopt;
}

bool IsCountryForm(ActorKind kind) {
  return kind == ActorKind::kCountry || kind == ActorKind::kAdjective ||
         kind == ActorKind::kDemonym;
}

int32_t ParseDayKey(std::string_view text, bool as_end) {
  size_t pos = 0;
  int year = ReadDigits(text, &pos, 4);
  if (year < 1) return kNoDay;
  if (IsDigitAt(text, pos)) return kNoDay;  // five-digit year
  int month = 0, day = 0;
  if (pos < text.size() && text[pos] == '-' && IsDigitAt(text, pos + 1)) {
    ++pos;
    month = ReadDigits(text, &pos, 2);
    if (month < 1 || month > 12 || IsDigitAt(text, pos)) return kNoDay;
    if (pos < text.size() && text[pos] == '-' && IsDigitAt(text, pos + 1)) {
      ++pos;
      day = ReadDigits(text, &pos, 2);
      if (day < 1 || day > DaysInMonth(year, month) || IsDigitAt(text, pos)) return kNoDay;
    }
  }
  if (month == 0) month = as_end ? 12 : 1;
  if (day == 0) day = as_end ? DaysInMonth(year, month) : 1;
  return year * 10000 + month * 100 + day;
}

std::string FormatDayKey(int32_t day) {
  if (day == kNoDay || day == kOpenTo) return "";
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", day / 10000, day / 100 % 100, day % 100);
  return buf;
}

}  // namespace sitrep
