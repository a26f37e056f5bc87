#include "document/document.h"

namespace sitrep {

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
  return d;
}

}  // namespace sitrep
