// Document-level type consistency for recognised entities.
//
// A sentence-level tagger often types the same name differently across a document
// ("Norton" a person in one sentence, a place in the next), because an unknown name's type
// comes only from its local context. Within one document a name nearly always keeps one
// type, so the types are harmonised by vote:
//   * every span votes for its type under its surface string (forms joined by spaces);
//   * a multi-token person span also casts two "person" votes for its last token alone,
//     so that "Joshua Norton" makes a later bare "Norton" a person;
//   * each span then takes the type with most votes for its surface string; ties keep the
//     span's own type.
// Span boundaries are never changed.
//
// Thread safety: pure function.
#pragma once

#include <string_view>
#include <vector>

#include "syntax/ner_conllu.h"

namespace sitrep {

// `forms[s]` are the tokens of sentence s of one document and `spans[s]` its recognised
// spans (sentence-relative). Rewrites span types in place.
void HarmonizeEntityTypes(const std::vector<std::vector<std::string_view>>& forms,
                          std::vector<std::vector<NerSpan>>* spans);

}  // namespace sitrep
