// ActorLine: one parsed line of an actor dictionary file (format in data/actors/README.md).
//
//     CODE  KIND  form ; form ; form  [FROM..TO]
//
// '#' starts a comment at the start of a line or after whitespace. Blank and comment-only
// lines parse to an ActorLine with is_entry == false.
//
// Thread safety: a pure function over its arguments.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "actors/actor_entry.h"
#include "base/status.h"

namespace sitrep {

struct ActorLine {
  bool is_entry = false;  // false for blank and comment-only lines
  std::string code;
  ActorKind kind = ActorKind::kOrganization;
  std::vector<std::string> forms;  // trimmed, in file order, never empty strings
  int32_t from = kOpenFrom;
  int32_t to = kOpenTo;
  bool has_dates = false;  // a [FROM..TO] block was present
};

// Parses one line. Errors are InvalidArgument with a message that does not name the file or
// line (the caller adds them): unknown KIND, malformed code, bad date, empty form, FROM after
// TO, a person without dates.
Result<ActorLine> ParseActorLine(std::string_view line);

// True when `code` is a well-formed actor code: one or more blocks of three capital letters.
bool IsWellFormedActorCode(std::string_view code);

}  // namespace sitrep
