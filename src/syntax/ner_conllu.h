// Reading named-entity training and evaluation data from CoNLL-U files.
//
// GUM (and other CorefUD-style treebanks) annotate every nominal *mention* (names, common
// noun phrases, pronouns) in the MISC column as bracketed groups:
//
//   Entity=(1-person-new-sssss-cf1-1,2-coref-Daniel_Bernoulli    opens mention of entity 1
//   Entity=1)                                                     closes the latest open 1
//   Entity=(3-place-new-nnnnn-cf2-1-sgl)                          single-token mention
//   Entity=(8-time-...)7)6)                                       open+close 8, close 7, 6
//   Entity=(11-abstract-...(1-person-...)                         two opens, inner closed
//
// The fields after the '(' follow the file's "# global.Entity" header
// (GRP-etype-infstat-salience-centering-minspan-link-identity); only GRP and etype are used.
//
// Named-entity projection (what the recogniser learns and is scored on by default):
//  1. A mention is *named* when its syntactic head (the first token of the span whose HEAD
//     lies outside the span) is a proper noun (UPOS PROPN). Pronouns and common-noun
//     phrases ("the mayor of Paris", "his father") are mentions but not names.
//  2. A named mention is cut down to its *name core*: GUM mention spans include
//     appositions and relative clauses ("Mr. Kelly, who acts for the appellants"), which
//     a name tagger should not. The core is the smallest contiguous range covering the
//     head and every token of the span attached to it without passing through an
//     appos, acl (incl. relcl), advcl, parataxis, conj, cc, list, dep, discourse,
//     vocative, reparandum, orphan or punct arc, nor the head's own "case" dependent
//     (possessive 's). Determiners stay ("the United States" as GUM marks it).
//  3. Named cores nest ("[University of [Toronto]]"); the flat projection keeps the
//     OUTERMOST core and drops cores inside or crossing it, so "University of Toronto" is
//     one organization and "the mayor of [Paris]" yields the place "Paris". A place in a
//     cut-off apposition ("San Francisco, [California]") survives as its own span.
//
// Multiword-token lines ("3-4") and empty nodes ("5.1") are skipped; token indices count
// only ordinary word lines. Mentions still open at the end of a sentence are dropped.
//
// Thread safety: free functions without shared state.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace sitrep {

// A span of whole tokens of one sentence: indices first..last inclusive, 0-based.
struct NerSpan {
  uint32_t first = 0;
  uint32_t last = 0;
  std::string type;  // GUM entity type: person, organization, place, event, time, ...
  friend bool operator==(const NerSpan& a, const NerSpan& b) = default;
};

// One sentence of a CoNLL-U file with its entity annotation.
struct NerSentence {
  std::string doc_id;   // from the latest "# newdoc id = ..." line; "" if none
  std::string sent_id;  // from "# sent_id = ..."
  std::vector<std::string> forms, upos, xpos;
  std::vector<int32_t> heads;  // 0-based head index within the sentence; -1 for the root
  std::vector<std::string> deprels;
  // Flat, non-overlapping named-entity projection (see above), sorted by position.
  std::vector<NerSpan> gold;
  // Every mention of the file, nested, in order of opening. Used for "all mentions" scores.
  std::vector<NerSpan> mentions;
  // False when the file carried no Entity= annotation at all (e.g. EWT): then `gold` and
  // `mentions` are empty because nothing is known, not because there are no entities.
  bool has_entity_annotation = false;
};

// Parses one MISC value of the form "(1-person-...(2-place-...)1)" and updates the open
// mention stack. `token` is the current token's index. Opened mentions are pushed onto
// *open; closing "N)" pops the most recently opened mention with id N and appends it to
// *closed; closing an id that is not open (a mention begun in an earlier sentence) is
// ignored. Returns InvalidArgument on malformed text such as an opening without a type
// or an unterminated group. Exposed for tests.
struct OpenMention {
  std::string id;
  uint32_t first = 0;
  std::string type;
};
Status ParseEntityMisc(std::string_view value, uint32_t token, std::vector<OpenMention>* open,
                       std::vector<NerSpan>* closed);

// The named-entity projection of `mentions` (see above) for a sentence with these UPOS
// tags, heads (0-based, -1 root) and dependency relations (one per token; missing
// relations count as ordinary attachments). Result sorted by first token, non-overlapping.
std::vector<NerSpan> ProjectNamedEntities(const std::vector<NerSpan>& mentions,
                                          const std::vector<std::string>& upos,
                                          const std::vector<int32_t>& heads,
                                          const std::vector<std::string>& deprels);

// Reads all sentences of a CoNLL-U file (plain or gzip). Errors: NotFound / IOError for the
// file, Corruption with "path:line" for a malformed token line or Entity value.
Result<std::vector<NerSentence>> ReadNerSentences(const std::string& conllu_path);

// Same, from CoNLL-U text already in memory; `origin` names it in error messages.
Result<std::vector<NerSentence>> ParseNerSentences(std::string_view conllu_text,
                                                   std::string_view origin);

// BILOU encoding of flat spans over `n` tokens: "O", "B-type", "I-type", "L-type",
// "U-type". Overlapping spans: the later one is skipped.
std::vector<std::string> EncodeBilou(const std::vector<NerSpan>& spans, size_t n);

// Decodes BILOU (also accepts plain BIO: a B or I run ended by O or a new B is closed) into
// spans. Ill-formed sequences are repaired leniently: an I/L without a matching open span
// starts a new span.
std::vector<NerSpan> DecodeBilou(const std::vector<std::string>& tags);

}  // namespace sitrep
