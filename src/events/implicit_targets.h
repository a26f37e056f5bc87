// ImplicitTargets: the target an event leaves unsaid. Runs after the places stage.
//
// An event whose trigger takes a target (Event::target_open) but whose sentence names none
// gets, in this order:
//   1. the country where the event happened, when its own sentence states the place (a
//      location with a span: "imposed a curfew in Cizre" -> TUR; "protests in Lagos" ->
//      NGA), as an actor of kind "location" whose span is the place name; not for the
//      roots in ImplicitTargetOptions::venue_roots, whose place is a venue ("met in
//      Minsk", "said in Geneva");
//   2. for events inside a state's own affairs (CAMEO roots listed in
//      ImplicitTargetOptions::domestic_roots: yielding, protest, coercion), the source's own
//      country ("police dispersed the crowd", "the minister declined to resign"), as an
//      actor of kind "domestic" with an empty span.
// Rule 2 needs a source that is a state's actor (not IGO, NGO, IMG, ...). Rule 1 applies
// whatever the source; the place's country may be the source's own ("the president
// threatened a curfew in Algiers").
//
// Thread safety: immutable; Fill may run concurrently on different documents.
#pragma once

#include <string>
#include <vector>

#include "actors/actor_dictionary.h"
#include "document/document.h"

namespace sitrep {

struct ImplicitTargetOptions {
  // CAMEO roots whose events, when no target is named, concern the source's own state.
  std::vector<std::string> domestic_roots = {"08", "14", "17"};
  // CAMEO roots whose place is only where they are said or held: statements and
  // consultations. (An appeal or intent about a place is about that country: "called for a
  // ceasefire in Syria", "will withdraw its troops from Syria".)
  std::vector<std::string> venue_roots = {"01", "04"};
  bool use_location = true;
  bool use_domestic = true;
};

class ImplicitTargets {
 public:
  explicit ImplicitTargets(const ActorDictionary& actors, ImplicitTargetOptions options = {})
      : actors_(actors), options_(std::move(options)) {}

  // Fills the target of every open event of *doc that the rules above decide; adds the
  // actor mentions it needs to doc->actors.
  void Fill(Document* doc) const;

 private:
  bool IsDomestic(const Event& e) const;
  bool IsVenue(const Event& e) const;
  int AddCountryActor(Document* doc, const std::string& code, uint32_t sentence, Span span,
                      const char* kind) const;

  const ActorDictionary& actors_;
  ImplicitTargetOptions options_;
};

}  // namespace sitrep
