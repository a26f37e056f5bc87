// Geoparser: recognises the toponyms of a Document and resolves each to one gazetteer place.
//
// Disambiguation scores every candidate of a toponym by
//   * its prior: population (or prominence) and kind (country > wider area > region > city),
//     capitals and regional seats first, a primary name over an alternate one;
//   * the document's country focus: the countries the document mentions most, counted over
//     the toponyms' first readings (so "Tripoli" in a story about Benghazi is Libya's);
//   * the document's regional focus: the first-level regions (GeoNames admin1) its towns
//     lie in, so that "Licking" in a story about Ohio towns is the Ohio one;
//   * parent places: a place named right after it ("Al-Bab, Aleppo province"; "Alexandria,
//     Virginia") or elsewhere in the document, near which candidates are preferred.
//
// Thread safety: immutable; Parse may run concurrently on different documents.
#pragma once

#include <string>
#include <vector>

#include "document/document.h"
#include "places/gazetteer.h"
#include "places/toponym.h"
#include "places/toponym_recognizer.h"

namespace sitrep {

struct GeoparserOptions {
  ToponymRecognizerOptions recognizer;
  double focus_weight = 5.0;     // bonus per share of the document's country mentions
  double admin_focus_weight = 2.5;  // bonus per share of the document's first-level regions
  double parent_weight = 4.0;    // bonus for lying in a place named right after ("X, Y")
  double nearby_weight = 2.0;    // bonus for lying near other places of the document
  double nearby_km = 250;
  int max_nearby = 3;              // nearby places counted at most        // what "near" means for the two bonuses above
  double alternate_penalty = 1.5;  // when the text matches only an alternate name
};

// The country (ISO alpha-2) and share of mentions that dominate a document's toponyms.
struct CountryFocus {
  std::string country;  // empty when the document names no place
  double share = 0;
};

class Geoparser {
 public:
  Geoparser(const Gazetteer& gazetteer, GeoparserOptions options = {});

  // Recognises and resolves the toponyms of `doc` (segmented; syntax optional). Appends
  // them to *out in text order; each has `place` set.
  void Parse(const Document& doc, std::vector<Toponym>* out) const;

  // The dominant country of resolved toponyms.
  CountryFocus Focus(const std::vector<Toponym>& toponyms) const;

  const Gazetteer& gazetteer() const { return gazetteer_; }

 private:
  double Prior(const Toponym& t, uint32_t place) const;
  void Resolve(const Document& doc, std::vector<Toponym>* toponyms) const;
  void OneSensePerName(std::vector<Toponym>* toponyms) const;
  void DropUnplacedSubdivisions(std::vector<Toponym>* toponyms) const;

  const Gazetteer& gazetteer_;
  GeoparserOptions options_;
  ToponymRecognizer recognizer_;
};

// "US.GA": the country and GeoNames admin1 code of a town (or US state); "" for others.
std::string AdminKey(const Place& p);

// True when `key` is the normalised primary name of `p` (or of its part before a comma).
bool IsPrimaryName(const Place& p, std::string_view key);

// True when `inner` lies in `outer`: the same country, and for a region the same US state
// or within `km` of its centre; for other places within `km`.
bool Contains(const Place& outer, const Place& inner, double km);

// Great-circle distance in kilometres.
double DistanceKm(double lat1, double lon1, double lat2, double lon2);

// "point", "city", "region" or "country": how precise a location at this place is.
const char* PlacePrecision(const Place& place);

}  // namespace sitrep
