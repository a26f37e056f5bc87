#include "events/implicit_targets.h"

#include <algorithm>

namespace sitrep {

namespace {

// The ISO3 country of a state's actor ("RUSMIL" -> "RUS"), or "" for international and
// transnational roots and uncoded actors.
std::string StateOf(const ActorMention& a) {
  if (a.code.size() < 3 || a.kind == "agent") return "";
  std::string root = a.code.substr(0, 3);
  if (ActorDictionary::IsInternationalRoot(root)) return "";
  for (char ch : root) {
    if (ch < 'A' || ch > 'Z') return "";
  }
  return root;
}

}  // namespace

bool ImplicitTargets::IsDomestic(const Event& e) const {
  return std::find(options_.domestic_roots.begin(), options_.domestic_roots.end(), e.root) !=
         options_.domestic_roots.end();
}

bool ImplicitTargets::IsVenue(const Event& e) const {
  return std::find(options_.venue_roots.begin(), options_.venue_roots.end(), e.root) !=
         options_.venue_roots.end();
}

int ImplicitTargets::AddCountryActor(Document* doc, const std::string& code, uint32_t sentence,
                                     Span span, const char* kind) const {
  const ActorEntry* country = actors_.FindCountry(code);
  ActorMention a;
  a.sentence = sentence;
  a.span = span;
  a.code = code;
  a.name = country ? country->canonical : code;
  a.kind = kind;
  // Token fields point at the sentence's first token; the span is what evidence shows.
  a.first_token = a.last_token = a.head_token = doc->sentences[sentence].first_token;
  doc->actors.push_back(std::move(a));
  return static_cast<int>(doc->actors.size() - 1);
}

void ImplicitTargets::Fill(Document* doc) const {
  for (Event& e : doc->events) {
    if (!e.target_open || e.target >= 0 || e.source < 0) continue;
    const std::string source_state = StateOf(doc->actors[e.source]);
    bool domestic = IsDomestic(e);
    // 1. The place the sentence gives, by its country.
    if (options_.use_location && !IsVenue(e) && e.has_location && !e.location.span.empty() &&
        e.location.country.size() == 3) {
      e.target = AddCountryActor(doc, e.location.country, e.sentence, e.location.span, "location");
      e.target_open = false;
      continue;
    }
    // 2. A state's own affairs.
    if (options_.use_domestic && domestic && !source_state.empty()) {
      e.target = AddCountryActor(doc, source_state, e.sentence, Span{}, "domestic");
      e.target_open = false;
    }
  }
}

}  // namespace sitrep
