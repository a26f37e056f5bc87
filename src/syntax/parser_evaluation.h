// Scoring a SyntaxModel against gold CoNLL-U, CoNLL 2018 shared-task style with gold
// tokenisation: every word counts (punctuation included), multiword-token lines and empty
// nodes are ignored. UAS needs the right head; LAS the right head and the right universal
// relation (the part before ':', as in the CoNLL 2018 script); LAS-full also the subtype.
//
// Thread safety: free functions; the model is only read.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "syntax/conllu.h"
#include "syntax/syntax_model.h"

namespace sitrep {

struct ParserCounts {
  size_t sentences = 0;
  size_t words = 0;
  size_t upos = 0, xpos = 0, lemma = 0;  // correct words
  size_t uas = 0, las = 0, las_full = 0;
  double seconds = 0;      // wall time spent tagging, lemmatising and parsing
  double cpu_seconds = 0;  // CPU time of the same (the thread's own; robust to a busy machine)

  double Percent(size_t correct) const { return words ? 100.0 * correct / words : 0.0; }
};

// Adds the comparison of `predicted` against `gold` (same words in the same order) to *c.
void CountSentence(const ConllSentence& gold, const ConllSentence& predicted, ParserCounts* c);

// Annotates a copy of every gold sentence (gold forms only) and scores it. When
// `predicted` is not null it receives the annotated sentences. With timing_passes > 1 the
// annotation is repeated and the times are those of the fastest pass (a busy machine
// inflates even CPU time, through cache contention; the minimum is the least disturbed).
ParserCounts EvaluateParser(const SyntaxModel& model, const std::vector<ConllSentence>& gold,
                            std::vector<ConllSentence>* predicted = nullptr,
                            int timing_passes = 1);

// Speed of the syntax stage on segmented documents (e.g. news text from
// ReadTextDocuments): Annotate with lemmas and parsing, no entities, on the calling thread.
struct AnnotationSpeed {
  size_t documents = 0, sentences = 0, tokens = 0;
  double cpu_seconds = 0;  // the thread's CPU time, fastest pass
  double seconds = 0;      // wall time, fastest pass
};
// Annotates every document `passes` times (at least once) and keeps the fastest pass.
AnnotationSpeed MeasureAnnotationSpeed(const SyntaxModel& model, std::vector<Document>* docs,
                                       int passes);

}  // namespace sitrep
