#include "places/event_locator.h"

#include <cctype>
#include <string>

namespace sitrep {

namespace {

bool IsLocativePreposition(std::string_view w, bool withdrawal) {
  return w == "in" || w == "near" || w == "at" || w == "around" || w == "outside" ||
         w == "inside" || w == "In" || w == "Near" || w == "At" || w == "Around" ||
         (withdrawal && (w == "from" || w == "From"));
}

// Withdrawals, and intentions, refusals and demands to withdraw (0356, 1246, 1056, 0256):
// "from" names the place left.
bool IsWithdrawal(const Event& e) {
  return e.plover == "RETREAT" || e.cameo.starts_with("087") || e.cameo == "0356" ||
         e.cameo == "1246" || e.cameo == "1056" || e.cameo == "0256";
}

// The token of [first, last] whose head lies outside it (the phrase's head).
uint32_t HeadOf(const Document& doc, const Sentence& s, uint32_t first, uint32_t last) {
  for (uint32_t i = first; i <= last; ++i) {
    int32_t h = doc.tokens[i].head;
    uint32_t abs = h < 0 ? UINT32_MAX : s.first_token + static_cast<uint32_t>(h);
    if (abs < first || abs > last) return i;
  }
  return last;
}

// The lower-cased case marker ("in", "from") among the dependents of token `head`, or "".
std::string CaseMarkerOf(const Document& doc, const Sentence& s, uint32_t head) {
  for (uint32_t i = s.first_token; i < s.first_token + s.token_count; ++i) {
    const Token& t = doc.tokens[i];
    if (t.head >= 0 && s.first_token + static_cast<uint32_t>(t.head) == head && t.deprel == "case") {
      std::string w(doc.Slice(t));
      for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return w;
    }
  }
  return "";
}

}  // namespace

Location EventLocator::ToLocation(const Toponym& t) const {
  const Gazetteer& g = geoparser_.gazetteer();
  Place p = g.place(static_cast<uint32_t>(t.place));
  Location loc;
  loc.name = std::string(p.name);
  loc.country = std::string(g.Alpha3(p.country));
  loc.lat = p.record->lat;
  loc.lon = p.record->lon;
  loc.geonames_id = p.record->geonames_id;
  loc.precision = PlacePrecision(p);
  loc.span = t.span;
  return loc;
}

int EventLocator::FindAttached(const Document& doc, const Event& e,
                               const std::vector<const Toponym*>& in) const {
  const Sentence& s = doc.sentences[e.sentence];
  bool parsed = s.token_count > 0 && !doc.tokens[s.first_token].deprel.empty();
  bool withdrawal = IsWithdrawal(e);
  for (size_t i = 0; i < in.size(); ++i) {
    const Toponym& t = *in[i];
    if (t.first_token == s.first_token) continue;
    if (!parsed) {
      // Without a parse: a preposition right before the name (or before "the").
      std::string_view before = doc.Slice(doc.tokens[t.first_token - 1]);
      if (before == "the" && t.first_token - 1 > s.first_token) {
        before = doc.Slice(doc.tokens[t.first_token - 2]);
      }
      if (IsLocativePreposition(before, withdrawal) && t.span.start > e.trigger.start) {
        return static_cast<int>(i);
      }
      continue;
    }
    // With a parse: the preposition that marks the name's phrase ("from neighbouring
    // Lebanon", "in central Iran").
    if (!IsLocativePreposition(CaseMarkerOf(doc, s, HeadOf(doc, s, t.first_token, t.last_token)),
                               withdrawal)) {
      continue;
    }
    // Walk up from the toponym's head: attached when the trigger is reached within 3 steps,
    // or the verb that carries a nominal trigger ("imposed a curfew in Cizre").
    uint32_t governor = UINT32_MAX;
    const Token& trigger = doc.tokens[e.trigger_token];
    if (trigger.head >= 0 && (trigger.deprel == "obj" || trigger.deprel == "nsubj:pass" ||
                              trigger.deprel == "nsubj")) {
      governor = s.first_token + static_cast<uint32_t>(trigger.head);
    }
    uint32_t tok = HeadOf(doc, s, t.first_token, t.last_token);
    for (int step = 0; step < 3; ++step) {
      int32_t h = doc.tokens[tok].head;
      if (h < 0) break;
      tok = s.first_token + static_cast<uint32_t>(h);
      if (tok == e.trigger_token || tok == governor) return static_cast<int>(i);
    }
  }
  return -1;
}

int EventLocator::FindActedOn(const Document& doc, const Event& e,
                              const std::vector<const Toponym*>& in) const {
  // "retook Palmyra", "shelled Juba", "the siege of Aleppo", "airstrikes on Raqqa": a place
  // the event acts on is where it happens.
  const Sentence& s = doc.sentences[e.sentence];
  if (s.token_count == 0 || doc.tokens[s.first_token].deprel.empty()) return -1;
  const ActorMention* source = e.source >= 0 ? &doc.actors[static_cast<size_t>(e.source)] : nullptr;
  for (size_t i = 0; i < in.size(); ++i) {
    const Toponym& t = *in[i];
    if (source && source->sentence == e.sentence && source->span.Contains(t.span)) continue;
    uint32_t head = HeadOf(doc, s, t.first_token, t.last_token);
    // "the ancient city of Palmyra": the name stands in an "of" phrase of the object.
    if (doc.tokens[head].head >= 0 && doc.tokens[head].deprel == "nmod" &&
        CaseMarkerOf(doc, s, head) == "of") {
      uint32_t up = s.first_token + static_cast<uint32_t>(doc.tokens[head].head);
      if (doc.tokens[up].deprel == "obj" && doc.tokens[up].head >= 0 &&
          s.first_token + static_cast<uint32_t>(doc.tokens[up].head) == e.trigger_token) {
        head = up;
      }
    }
    const Token& tok = doc.tokens[head];
    if (tok.head < 0 || s.first_token + static_cast<uint32_t>(tok.head) != e.trigger_token) continue;
    std::string_view rel = tok.deprel;
    std::string cm = CaseMarkerOf(doc, s, head);
    if (rel == "obj" || rel == "nsubj:pass" ||
        ((rel == "nmod" || rel == "obl") && (cm == "of" || cm == "on" || cm == "against"))) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

int EventLocator::FindTiedToTarget(const Document& doc, const Event& e,
                                   const std::vector<const Toponym*>& in) const {
  if (e.target < 0 || static_cast<size_t>(e.target) >= doc.actors.size()) return -1;
  const ActorMention& target = doc.actors[static_cast<size_t>(e.target)];
  if (target.sentence != e.sentence) return -1;
  const Sentence& s = doc.sentences[e.sentence];
  for (size_t i = 0; i < in.size(); ++i) {
    const Toponym& t = *in[i];
    if (target.span.Contains(t.span) || t.span.Contains(target.span)) return static_cast<int>(i);
    uint32_t head = HeadOf(doc, s, t.first_token, t.last_token);
    int32_t h = doc.tokens[head].head;
    if (h >= 0) {
      uint32_t abs = s.first_token + static_cast<uint32_t>(h);
      if (abs >= target.first_token && abs <= target.last_token) return static_cast<int>(i);
    }
  }
  return -1;
}

void EventLocator::Locate(const std::vector<Toponym>& toponyms, Document* doc) const {
  CountryFocus focus = geoparser_.Focus(toponyms);
  const Gazetteer& g = geoparser_.gazetteer();
  for (Event& e : doc->events) {
    std::vector<const Toponym*> in;
    for (const Toponym& t : toponyms) {
      if (t.sentence == e.sentence && t.place >= 0) in.push_back(&t);
    }
    int found = FindAttached(*doc, e, in);
    if (found < 0) found = FindActedOn(*doc, e, in);
    if (found < 0) found = FindTiedToTarget(*doc, e, in);
    if (found >= 0) {
      e.has_location = true;
      e.location = ToLocation(*in[static_cast<size_t>(found)]);
      continue;
    }
    int64_t country = g.CountryIndex(focus.country);
    if (country < 0) continue;
    Toponym inferred;
    inferred.place = country;
    e.has_location = true;
    e.location = ToLocation(inferred);
    e.location.span = Span{};
  }
}

}  // namespace sitrep
