// ToponymRecognizer: finds the place names of a segmented Document and looks each up in the
// gazetteer.
//
// Two signals combine. (1) The syntax model's named entities (Document::entities of type
// "place"), when a recogniser is loaded: such spans are looked up as they are, and a span it
// labels "person" vetoes a place reading of the same words. (2) Capitalised token runs
// ("Al-Bab", "St. Louis", "Khmeimim Air Base"), matched against the gazetteer as a whole,
// or after dropping a leading direction word ("Northern Syria") or a trailing
// administrative word ("Aleppo Province"). Inside a longer name, a place is taken only
// before an organisation word ("Washington Post", "Toronto Police") or after "of"
// ("University of Toronto"); other partial matches ("Jordan Henderson") are not places.
// Country adjectives used as modifiers ("Russian troops") resolve to their country.
//
// Ordinary words never match: a stop list of function words, titles, months and common
// nouns that are also town names ("Of", "Bar", "Police"), words the same document also uses
// in lower case, words tagged as something other than a proper noun, and the surnames of
// people named earlier in the document ("Henderson said"). Demonyms ("Syrian") are not in
// the index, so they are never places.
//
// Thread safety: immutable after construction; Recognize may run concurrently.
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "document/document.h"
#include "places/gazetteer.h"
#include "places/toponym.h"

namespace sitrep {

struct ToponymRecognizerOptions {
  // A single-word name that is only a populated place (no country, region or feature reading)
  // needs this population at the start of a sentence, where every word is capitalised.
  uint32_t min_population_sentence_start = 20000;
  // A single word that is only an alternate name of towns needs this population.
  uint32_t min_population_alternate = 100000;
  // Largest number of tokens in one name.
  int max_tokens = 6;
  // Candidates kept per name (the most populous ones).
  size_t max_candidates = 64;
};

class ToponymRecognizer {
 public:
  ToponymRecognizer(const Gazetteer& gazetteer, ToponymRecognizerOptions options = {});

  // Appends the toponyms of `doc` (which must be segmented) to *out, in text order, with
  // candidates filled and `place` unresolved.
  void Recognize(const Document& doc, std::vector<Toponym>* out) const;

 private:
  struct Run;
  void CollectRuns(const Document& doc, std::vector<Run>* runs) const;
  bool MatchRun(const Document& doc, const Run& run, Toponym* t) const;
  bool Lookup(const Document& doc, uint32_t first, uint32_t last, Toponym* t) const;
  bool MatchEmbedded(const Document& doc, uint32_t a, uint32_t b, Toponym* t) const;
  bool Acceptable(const Document& doc, const Toponym& t, bool sentence_start) const;
  // A single word whose only readings are towns, which the document also uses as an
  // ordinary lower-case word or as part of a person's name.
  bool IsOrdinaryOrPersonWord(const Toponym& t, const std::unordered_set<std::string>& lower_words,
                              const std::unordered_set<std::string>& name_parts) const;
  void ExtendLowercase(const Document& doc, uint32_t sentence_end, Toponym* t) const;

  const Gazetteer& gazetteer_;
  ToponymRecognizerOptions options_;
};

}  // namespace sitrep
