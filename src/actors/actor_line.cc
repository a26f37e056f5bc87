#include "actors/actor_line.h"

namespace sitrep {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// Cuts the comment: a '#' at the start or after whitespace. A '#' inside a word is kept.
std::string_view StripComment(std::string_view line) {
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '#' && (i == 0 || IsSpace(line[i - 1]))) return line.substr(0, i);
  }
  return line;
}

// Splits off the first whitespace-delimited word of *rest.
std::string_view NextWord(std::string_view* rest) {
  std::string_view s = Trim(*rest);
  size_t end = 0;
  while (end < s.size() && !IsSpace(s[end])) ++end;
  *rest = s.substr(end);
  return s.substr(0, end);
}

Status ParseDates(std::string_view block, ActorLine* out) {
  size_t dots = block.find("..");
  if (dots == std::string_view::npos) {
    return Status::InvalidArgument("date range must be written [FROM..TO], got [" +
                                   std::string(block) + "]");
  }
  std::string_view from = Trim(block.substr(0, dots));
  std::string_view to = Trim(block.substr(dots + 2));
  auto parse_end = [](std::string_view s, bool as_end, int32_t open, int32_t* day) {
    if (s.empty()) {
      *day = open;
      return true;
    }
    // The whole bound must be a date: "2012-05-07", "2012-05" or "2012".
    if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
    *day = ParseDayKey(s, as_end);
    return *day != kNoDay;
  };
  if (!parse_end(from, false, kOpenFrom, &out->from) || !parse_end(to, true, kOpenTo, &out->to)) {
    return Status::InvalidArgument("bad date in [" + std::string(block) +
                                   "]: use YYYY-MM-DD, YYYY-MM or YYYY");
  }
  if (out->from > out->to) {
    return Status::InvalidArgument("FROM after TO in [" + std::string(block) + "]");
  }
  out->has_dates = true;
  return Status::OK();
}

// Splits "a ; b ; c" into trimmed forms; an empty form is an error.
Status ParseForms(std::string_view text, ActorLine* out) {
  if (Trim(text).empty()) return Status::InvalidArgument("no forms after the kind");
  size_t start = 0;
  while (true) {
    size_t semi = text.find(';', start);
    std::string_view form = Trim(
        text.substr(start, semi == std::string_view::npos ? std::string_view::npos : semi - start));
    if (form.empty()) return Status::InvalidArgument("empty form (check the ';' separators)");
    out->forms.emplace_back(form);
    if (semi == std::string_view::npos) break;
    start = semi + 1;
  }
  return Status::OK();
}

}  // namespace

bool IsWellFormedActorCode(std::string_view code) {
  if (code.empty() || code.size() % 3 != 0) return false;
  for (char c : code) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

Result<ActorLine> ParseActorLine(std::string_view line) {
  ActorLine out;
  std::string_view rest = Trim(StripComment(line));
  if (rest.empty()) return out;
  out.is_entry = true;
  std::string_view code = NextWord(&rest);
  if (!IsWellFormedActorCode(code)) {
    return Status::InvalidArgument("malformed actor code '" + std::string(code) +
                                   "': expected blocks of three capital letters");
  }
  out.code = std::string(code);
  std::string_view kind_word = NextWord(&rest);
  std::optional<ActorKind> kind = ParseActorKind(kind_word);
  if (!kind) return Status::InvalidArgument("unknown kind '" + std::string(kind_word) + "'");
  out.kind = *kind;
  rest = Trim(rest);
  if (!rest.empty() && rest.back() == ']') {
    size_t open = rest.rfind('[');
    if (open == std::string_view::npos) return Status::InvalidArgument("']' without '['");
    SITREP_RETURN_IF_ERROR(ParseDates(rest.substr(open + 1, rest.size() - open - 2), &out));
    rest = rest.substr(0, open);
  }
  SITREP_RETURN_IF_ERROR(ParseForms(rest, &out));
  if (out.kind == ActorKind::kPerson && !out.has_dates) {
    return Status::InvalidArgument("a person entry needs dates [FROM..TO]");
  }
  if (out.kind == ActorKind::kAgent && out.code.size() != 3) {
    return Status::InvalidArgument("an agent code is one role block (e.g. MIL), got '" + out.code +
                                   "'");
  }
  return out;
}

}  // namespace sitrep
