// Explanations of the event coder's work, for `sitrep code --explain`: each sentence with
// its parse (tag, lemma, head, relation), the actors found in it, the lexicon entries each
// word matched or failed (and why), and the candidate events written or dropped.
//
// The text is for people, not programs; its layout may change between versions.
// Pure function of its inputs.
#pragma once

#include <string>

#include "document/document.h"
#include "events/event_coder.h"

namespace sitrep {

// Appends the explanation of `doc` (coded with `trace` attached to the coder's scratch).
void WriteExplanation(const Document& doc, const CoderTrace& trace, std::string* out);

}  // namespace sitrep
