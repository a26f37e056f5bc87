#include "document/document.h"

namespace sitrep {

const char* ModalityName(Modality m) {
  switch (m) {
    case Modality::kAsserted: return "asserted";
    case Modality::kHypothetical: return "hypothetical";
    case Modality::kNegated: return "negated";
  }
  return "asserted";
}

Document Document::Clone() const {
  Document d;
  d.id = id;
  d.origin = origin;
  d.url = url;
  d.title = title;
  d.date = date;
  d.author = author;
  d.site = site;
  d.text = text;
  d.paragraphs = paragraphs;
  d.boilerplate = boilerplate;
  d.sentences = sentences;
  d.tokens = tokens;
  d.entities = entities;
  d.actors = actors;
  d.events = events;
  return d;
}

}  // namespace sitrep
