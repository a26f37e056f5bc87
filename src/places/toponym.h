// Toponym: a place name found in a document, with its gazetteer candidates and, once the
// geoparser has run, the place it was resolved to.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "document/document.h"

namespace sitrep {

struct Toponym {
  Span span;                     // byte offsets into Document::text
  uint32_t sentence = 0;         // index into Document::sentences
  uint32_t first_token = 0;      // absolute token indices, inclusive
  uint32_t last_token = 0;
  std::string key;               // normalised name (NormalizePlaceName)
  bool from_entity = false;      // the syntax model's recogniser marked it a place
  bool before_subdivision = false;  // "Licking County": a town's name used for a county
  std::vector<uint32_t> candidates;  // gazetteer place indices
  int64_t place = -1;            // resolved place index; -1 when unresolved
  double score = 0;              // the winning candidate's score
};

}  // namespace sitrep
