// EventLocator: gives each coded event the place where its action happened.
//
// In this order: (1) a toponym in a prepositional phrase attached to the event's trigger
// ("in", "near", "at", "around", "outside", "inside"; "from" only for a withdrawal or
// retreat); (2) otherwise a toponym the event acts on: the trigger's object ("retook
// Palmyra") or its "of"/"on"/"against" phrase ("the siege of Aleppo", "strikes on Raqqa");
// (3) otherwise a toponym of the same sentence tied to the target (inside the
// target's mention or attached to it); (4) otherwise the document's focus country, at
// country precision, with an empty span. Each location carries a precision: point, city,
// region or country.
//
// Without a dependency parse (Token::head unset) step 1 accepts a toponym right after one
// of those prepositions anywhere after the trigger in the sentence.
//
// Thread safety: immutable; Locate may run concurrently on different documents.
#pragma once

#include <vector>

#include "document/document.h"
#include "places/geoparser.h"
#include "places/toponym.h"

namespace sitrep {

class EventLocator {
 public:
  explicit EventLocator(const Geoparser& geoparser) : geoparser_(geoparser) {}

  // Sets has_location and location of every event of *doc from `toponyms` (resolved ones,
  // as Geoparser::Parse gives them). Events without any evidence keep has_location=false.
  void Locate(const std::vector<Toponym>& toponyms, Document* doc) const;

  // The location a resolved toponym stands for.
  Location ToLocation(const Toponym& t) const;

 private:
  int FindAttached(const Document& doc, const Event& e, const std::vector<const Toponym*>& in) const;
  int FindActedOn(const Document& doc, const Event& e, const std::vector<const Toponym*>& in) const;
  int FindTiedToTarget(const Document& doc, const Event& e, const std::vector<const Toponym*>& in) const;

  const Geoparser& geoparser_;
};

}  // namespace sitrep
