// ActorEntry: one coded actor from the actor dictionaries (data/actors/*.txt), and the small
// value types it is made of: the entry kind, and validity dates as day keys.
//
// A day key is the integer YYYYMMDD (2024-12-08 -> 20241208), so that dates compare as
// integers. kNoDay (0) means "unknown"; an open range end is kOpenFrom / kOpenTo.
//
// Thread safety: plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sitrep {

// What the forms of a dictionary line name. Spelled in files as the lowercase word shown.
enum class ActorKind : uint8_t {
  kCountry,       // "country": names of a country ("Syria", "Syrian Arab Republic")
  kAdjective,     // "adjective": combines with agent nouns ("Syrian" + "rebels" -> SYRREB)
  kDemonym,       // "demonym": people of the country ("Syrians")
  kCapital,       // "capital": capitals and seats of power used as metonyms ("the Kremlin")
  kPerson,        // "person": a named person; must carry dates
  kIgo,           // "igo": intergovernmental organisation
  kNgo,           // "ngo": non-governmental organisation
  kMedia,         // "media": news organisation
  kArmedGroup,    // "armed_group": armed non-state group
  kParty,         // "party": political party
  kBusiness,      // "business": company
  kOrganization,  // "organization": any other organisation (state bodies, movements)
  kAgent,         // "agent": generic agent noun; the code is a role block ("MIL")
  // Built by ActorDictionary::Compile, never written in files:
  kCountryAgent,  // a country form followed by an agent noun ("Russian troops" -> RUSMIL)
};

// The file spelling of a kind ("armed_group"), or "country_agent" for the built kind.
std::string_view ActorKindName(ActorKind kind);
// Parses a file spelling; nullopt for an unknown word or for "country_agent".
std::optional<ActorKind> ParseActorKind(std::string_view word);
// True for kinds that name a country (country, adjective, demonym): those combine with agent
// nouns.
bool IsCountryForm(ActorKind kind);

inline constexpr int32_t kNoDay = 0;
inline constexpr int32_t kOpenFrom = 0;
inline constexpr int32_t kOpenTo = 99991231;

// Parses the date at the start of `text`: "YYYY-MM-DD" (anything may follow, such as a time),
// "YYYY-MM" or "YYYY". A partial date is widened to the first (`as_end` false) or last
// (`as_end` true) day it covers. Returns kNoDay when `text` does not start with a valid date.
int32_t ParseDayKey(std::string_view text, bool as_end = false);

// "YYYY-MM-DD" for a day key; "" for kNoDay and for the open ends kOpenFrom / kOpenTo.
std::string FormatDayKey(int32_t day);

// One dictionary entry. Owned by an ActorDictionary; pointers to entries stay valid for the
// dictionary's lifetime once it is compiled.
struct ActorEntry {
  std::string code;       // CAMEO actor code: "SYRGOV", "IGOUNO"; a role block for agents
  std::string canonical;  // stable canonical name ("Syria government", "Islamic State")
  ActorKind kind = ActorKind::kOrganization;
  int32_t from = kOpenFrom;  // first valid day (inclusive)
  int32_t to = kOpenTo;      // last valid day (inclusive)
  std::string file;          // where it was defined, for messages ("countries.txt")
  int line = 0;              // 1-based; 0 for entries built by Compile

  bool dated() const { return from != kOpenFrom || to != kOpenTo; }
  bool ValidOn(int32_t day) const { return from <= day && day <= to; }
  // The country or international root: the first three letters of the code.
  std::string_view root() const { return std::string_view(code).substr(0, 3); }
};

}  // namespace sitrep
