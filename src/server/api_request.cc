#include "server/api_request.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <sstream>

#include "time/calendar.h"

namespace sitrep::server {

namespace {

Status Bad(const std::string& name, const std::string& what) {
  return Status::InvalidArgument("parameter '" + name + "': " + what);
}

bool AllOf(const std::string& s, bool (*ok)(char)) {
  return !s.empty() && std::all_of(s.begin(), s.end(), ok);
}
bool IsCodeChar(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsPloverChar(char c) { return (c >= 'A' && c <= 'Z') || c == '_' || c == '-'; }
bool IsPrintable(char c) { return static_cast<unsigned char>(c) >= 0x20 && c != 0x7f; }

std::string Upper(std::string s) {
  for (char& c : s) if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

// The parameters of one request, each name at most once, checked off as they are read.
class Params {
 public:
  static Result<Params> From(const ParamList& list, const RequestLimits& limits) {
    Params p;
    for (const auto& [name, value] : list) {
      if (p.values_.count(name)) return Bad(name, "given more than once");
      if (value.size() > limits.max_value_bytes) {
        return Bad(name, "longer than " + std::to_string(limits.max_value_bytes) + " bytes");
      }
      if (!AllOf(value, IsPrintable) && !value.empty()) return Bad(name, "control characters");
      p.values_[name] = value;
    }
    return p;
  }
  // The value of `name` ("" when absent or empty), marking it as known.
  const std::string& Get(const std::string& name) {
    known_.insert(name);
    static const std::string kEmpty;
    auto it = values_.find(name);
    return it == values_.end() ? kEmpty : it->second;
  }
  // An error for the first parameter nobody asked for.
  Status CheckAllKnown() const {
    for (const auto& [name, value] : values_) {
      if (!known_.count(name)) return Bad(name, "unknown parameter");
    }
    return Status::OK();
  }

 private:
  std::map<std::string, std::string> values_;
  std::set<std::string> known_;
};

Status ParseCount(const std::string& name, const std::string& text, size_t low, size_t high,
                  size_t* out) {
  if (text.empty()) return Status::OK();
  if (!AllOf(text, IsDigit) || text.size() > 9) {
    return Bad(name, "expected a whole number, got '" + text + "'");
  }
  size_t v = std::strtoul(text.c_str(), nullptr, 10);
  if (v < low || v > high) {
    return Bad(name, "must be between " + std::to_string(low) + " and " + std::to_string(high));
  }
  *out = v;
  return Status::OK();
}

// Comma-separated finite numbers; `count` of them are required, `optional` more allowed.
Status ParseNumbers(const std::string& name, const std::string& text, size_t count,
                    size_t optional, std::vector<double>* out, const std::string& shape) {
  std::stringstream in(text);
  for (std::string part; std::getline(in, part, ',');) {
    char* end = nullptr;
    errno = 0;
    double v = std::strtod(part.c_str(), &end);
    if (part.empty() || *end != '\0' || errno != 0 || !std::isfinite(v)) {
      return Bad(name, "expected " + shape + ", got '" + text + "'");
    }
    out->push_back(v);
  }
  if (out->size() < count || out->size() > count + optional) {
    return Bad(name, "expected " + shape + ", got '" + text + "'");
  }
  return Status::OK();
}

Status CheckLatLon(const std::string& name, double lat, double lon) {
  if (lat < -90 || lat > 90) return Bad(name, "latitude must be within -90..90");
  if (lon < -180 || lon > 180) return Bad(name, "longitude must be within -180..180");
  return Status::OK();
}

Status ParseCode(const std::string& name, const std::string& text, std::string* out) {
  if (text.empty()) return Status::OK();
  std::string code = Upper(text);
  if (!AllOf(code, IsCodeChar) || code.size() > 32) {
    return Bad(name, "expected a CAMEO actor code prefix such as RUS or USAGOV, got '" + text + "'");
  }
  *out = code;
  return Status::OK();
}

Status ParseDate(const std::string& name, const std::string& text, std::string* out) {
  if (text.empty()) return Status::OK();
  auto d = ParseIsoDate(text);
  if (text.size() != 10 || !d || !IsValidDate(d->year, d->month, d->day)) {
    return Bad(name, "expected a date as YYYY-MM-DD, got '" + text + "'");
  }
  *out = text;
  return Status::OK();
}

Status ParseActor(Params& p, EventFilter* f) {
  const std::string& actor = p.Get("actor");
  if (actor.empty()) return Status::OK();
  bool has_lower = std::any_of(actor.begin(), actor.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  if (!has_lower) return ParseCode("actor", actor, &f->actor);
  if (actor.size() < 2) return Bad("actor", "a name needs at least 2 letters");
  f->actor = actor;  // a name: matched with LIKE, bound as a parameter
  return Status::OK();
}

Status ParseDyad(Params& p, EventFilter* f) {
  SITREP_RETURN_IF_ERROR(ParseCode("source", p.Get("source"), &f->source));
  SITREP_RETURN_IF_ERROR(ParseCode("target", p.Get("target"), &f->target));
  const std::string& dyad = p.Get("dyad");
  if (dyad.empty()) return Status::OK();
  size_t dash = dyad.find('-');
  if (dash == std::string::npos || !f->source.empty() || !f->target.empty()) {
    return Bad("dyad", "expected SOURCE-TARGET such as RUS-SYR (and no source or target beside it)");
  }
  SITREP_RETURN_IF_ERROR(ParseCode("dyad", dyad.substr(0, dash), &f->source));
  return ParseCode("dyad", dyad.substr(dash + 1), &f->target);
}

Status ParseCodes(Params& p, EventFilter* f) {
  std::string cameo = p.Get("cameo");
  const std::string& root = p.Get("root");
  if (!cameo.empty() && !root.empty()) return Bad("root", "give cameo or root, not both");
  std::string name = cameo.empty() ? "root" : "cameo";
  if (cameo.empty()) cameo = root;
  if (!cameo.empty() && (!AllOf(cameo, IsDigit) || cameo.size() > 4)) {
    return Bad(name, "expected a CAMEO code or root of 1-4 digits such as 19 or 190, got '" + cameo + "'");
  }
  f->cameo = cameo;
  const std::string& quad = p.Get("quad");
  if (!quad.empty()) {
    if (quad.size() != 1 || quad[0] < '1' || quad[0] > '4') {
      return Bad("quad", "expected a quad class 1-4, got '" + quad + "'");
    }
    f->quad_class = quad[0] - '0';
  }
  std::string plover = Upper(p.Get("plover"));
  if (!plover.empty() && (!AllOf(plover, IsPloverChar) || plover.size() > 32)) {
    return Bad("plover", "expected a PLOVER type such as ASSAULT, got '" + plover + "'");
  }
  f->plover = plover;
  const std::string& modality = p.Get("modality");
  if (!modality.empty() && modality != "asserted" && modality != "hypothetical" &&
      modality != "negated") {
    return Bad("modality", "expected asserted, hypothetical or negated, got '" + modality + "'");
  }
  f->modality = modality;
  return Status::OK();
}

Status ParseWhen(Params& p, EventFilter* f) {
  SITREP_RETURN_IF_ERROR(ParseDate("from", p.Get("from"), &f->date_from));
  SITREP_RETURN_IF_ERROR(ParseDate("to", p.Get("to"), &f->date_to));
  if (!f->date_from.empty() && !f->date_to.empty() && f->date_from > f->date_to) {
    return Bad("to", "the range ends (" + f->date_to + ") before it starts (" + f->date_from + ")");
  }
  return Status::OK();
}

Status ParseWhere(Params& p, FilterRequest* r) {
  EventFilter* f = &r->filter;
  f->place = p.Get("place");
  const std::string& near = p.Get("near");
  if (!near.empty()) {
    std::vector<double> v;
    SITREP_RETURN_IF_ERROR(ParseNumbers("near", near, 2, 1, &v, "LAT,LON[,KM]"));
    SITREP_RETURN_IF_ERROR(CheckLatLon("near", v[0], v[1]));
    if (v.size() == 3 && (v[2] <= 0 || v[2] > 20000)) return Bad("near", "radius must be within 0..20000 km");
    f->has_circle = true;
    f->lat = v[0];
    f->lon = v[1];
    if (v.size() == 3) f->radius_km = v[2];
  }
  const std::string& bbox = p.Get("bbox");
  if (!bbox.empty()) {
    std::vector<double> v;
    SITREP_RETURN_IF_ERROR(ParseNumbers("bbox", bbox, 4, 0, &v, "WEST,SOUTH,EAST,NORTH"));
    SITREP_RETURN_IF_ERROR(CheckLatLon("bbox", v[1], v[0]));
    SITREP_RETURN_IF_ERROR(CheckLatLon("bbox", v[3], v[2]));
    if (v[0] > v[2] || v[1] > v[3]) return Bad("bbox", "west must not exceed east, nor south north");
    r->bbox = {true, v[0], v[1], v[2], v[3]};
  }
  return Status::OK();
}

Status ParseWords(Params& p, const RequestLimits& limits, EventFilter* f) {
  std::istringstream words(p.Get("words"));
  for (std::string w; words >> w;) f->words.push_back(w);
  if (f->words.size() > limits.max_words) {
    return Bad("words", "at most " + std::to_string(limits.max_words) + " words");
  }
  return Status::OK();
}

Status ParseFilter(Params& p, const RequestLimits& limits, FilterRequest* r) {
  SITREP_RETURN_IF_ERROR(ParseActor(p, &r->filter));
  SITREP_RETURN_IF_ERROR(ParseDyad(p, &r->filter));
  SITREP_RETURN_IF_ERROR(ParseCodes(p, &r->filter));
  SITREP_RETURN_IF_ERROR(ParseWhen(p, &r->filter));
  SITREP_RETURN_IF_ERROR(ParseWhere(p, r));
  return ParseWords(p, limits, &r->filter);
}

// Looks `text` up in `names`; "" keeps *out as it is.
template <typename T>
Status ParseChoice(const std::string& name, const std::string& text,
                   const std::vector<std::pair<const char*, T>>& names, T* out) {
  if (text.empty()) return Status::OK();
  std::string expected;
  for (const auto& [n, v] : names) {
    if (text == n) {
      *out = v;
      return Status::OK();
    }
    expected += (expected.empty() ? "" : ", ") + std::string(n);
  }
  return Bad(name, "expected one of " + expected + ", got '" + text + "'");
}

// `limit`: the request's own, else the default lowered to the ceiling.
Status ParseLimit(Params& p, const RequestLimits& limits, size_t* limit) {
  *limit = std::min(*limit, limits.max_results);
  return ParseCount("limit", p.Get("limit"), 1, limits.max_results, limit);
}

}  // namespace

Result<EventsRequest> ParseEventsRequest(const ParamList& list, const RequestLimits& limits) {
  SITREP_ASSIGN_OR_RETURN(Params p, Params::From(list, limits));
  EventsRequest r;
  SITREP_RETURN_IF_ERROR(ParseFilter(p, limits, &r.where));
  SITREP_RETURN_IF_ERROR(ParseChoice<EventSort>(
      "sort", p.Get("sort"),
      {{"date", EventSort::kDate}, {"goldstein", EventSort::kGoldstein},
       {"cameo", EventSort::kCameo}, {"source", EventSort::kSource},
       {"target", EventSort::kTarget}, {"mentions", EventSort::kMentions},
       {"place", EventSort::kPlace}},
      &r.sort));
  SITREP_RETURN_IF_ERROR(ParseChoice<bool>("order", p.Get("order"),
                                           {{"desc", true}, {"asc", false}}, &r.descending));
  SITREP_RETURN_IF_ERROR(ParseLimit(p, limits, &r.limit));
  SITREP_RETURN_IF_ERROR(ParseCount("offset", p.Get("offset"), 0, limits.max_offset, &r.offset));
  SITREP_RETURN_IF_ERROR(p.CheckAllKnown());
  return r;
}

Result<AggregateRequest> ParseAggregateRequest(const ParamList& list,
                                               const RequestLimits& limits) {
  SITREP_ASSIGN_OR_RETURN(Params p, Params::From(list, limits));
  AggregateRequest r;
  SITREP_RETURN_IF_ERROR(ParseFilter(p, limits, &r.where));
  SITREP_RETURN_IF_ERROR(ParseChoice<AggregateBy>(
      "by", p.Get("by"),
      {{"none", AggregateBy::kNone}, {"dyad", AggregateBy::kDyad}, {"actor", AggregateBy::kActor},
       {"place", AggregateBy::kPlace}},
      &r.by));
  const std::string& period = p.Get("period");
  if (period == "all") {
    r.has_period = false;
  } else {
    SITREP_RETURN_IF_ERROR(ParseChoice<Period>(
        "period", period,
        {{"day", Period::kDay}, {"week", Period::kWeek}, {"month", Period::kMonth}}, &r.period));
  }
  SITREP_RETURN_IF_ERROR(ParseChoice<bool>("level", p.Get("level"),
                                           {{"code", false}, {"country", true}}, &r.country_level));
  if (r.country_level && r.by != AggregateBy::kDyad && r.by != AggregateBy::kActor) {
    return Bad("level", "applies only to by=dyad or by=actor");
  }
  SITREP_RETURN_IF_ERROR(ParseLimit(p, limits, &r.limit));
  SITREP_RETURN_IF_ERROR(p.CheckAllKnown());
  return r;
}

Result<MapRequest> ParseMapRequest(const ParamList& list, const RequestLimits& limits) {
  SITREP_ASSIGN_OR_RETURN(Params p, Params::From(list, limits));
  MapRequest r;
  SITREP_RETURN_IF_ERROR(ParseFilter(p, limits, &r.where));
  size_t zoom = 0;
  SITREP_RETURN_IF_ERROR(ParseCount("zoom", p.Get("zoom"), 0, 12, &zoom));
  r.zoom = static_cast<int>(zoom);
  SITREP_RETURN_IF_ERROR(p.CheckAllKnown());
  return r;
}

Result<ListRequest> ParseListRequest(const ParamList& list, const RequestLimits& limits,
                                     bool with_filters, bool with_q) {
  SITREP_ASSIGN_OR_RETURN(Params p, Params::From(list, limits));
  ListRequest r;
  if (with_filters) SITREP_RETURN_IF_ERROR(ParseFilter(p, limits, &r.where));
  if (with_q) r.q = p.Get("q");
  SITREP_RETURN_IF_ERROR(ParseLimit(p, limits, &r.limit));
  SITREP_RETURN_IF_ERROR(p.CheckAllKnown());
  return r;
}

std::string CanonicalParams(const ParamList& params) {
  ParamList sorted = params;
  std::sort(sorted.begin(), sorted.end());
  std::string out;
  for (const auto& [k, v] : sorted) {
    out += k;
    out += '=';
    out += v;
    out += '\x1f';
  }
  return out;
}

}  // namespace sitrep::server
