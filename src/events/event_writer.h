// Writes coded events as JSON Lines, one object per event, in the format of `sitrep code`:
//
//   {"event_id", "doc_id", "doc_date", "url", "sentence_index", "sentence", "start", "end",
//    "source": {"code","name","text","start","end"}, "target": {…} or null,
//    "cameo", "root", "quad_class", "goldstein", "plover", "trigger": {"text","start","end"},
//    "modality", "date", "date_precision", "location"}
//
// An actor the text leaves unsaid (events/implicit_targets.h) carries "implicit":
// "location" (its span is the place name) or "domestic" (empty span).
//
// All offsets are UTF-8 byte offsets into the document text. Pure function of the Document.
#pragma once

#include <string>

#include "document/document.h"

namespace sitrep {

// A stable id for event `index` of `doc`: "<doc id>:<sentence>:<n>", n counting the
// sentence's events from 0.
std::string EventId(const Document& doc, size_t index);

// Appends one JSON line per event of `doc` to *out.
void WriteEventsJsonl(const Document& doc, std::string* out);

}  // namespace sitrep
