#include "syntax/parser_evaluation.h"

#include <time.h>

#include <algorithm>
#include <chrono>

namespace sitrep {

namespace {

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

std::string_view Universal(std::string_view deprel) { return deprel.substr(0, deprel.find(':')); }

}  // namespace

void CountSentence(const ConllSentence& gold, const ConllSentence& predicted, ParserCounts* c) {
  ++c->sentences;
  for (size_t i = 0; i < gold.words.size() && i < predicted.words.size(); ++i) {
    const ConllWord& g = gold.words[i];
    const ConllWord& p = predicted.words[i];
    ++c->words;
    c->upos += g.upos == p.upos;
    c->xpos += g.xpos == p.xpos;
    c->lemma += g.lemma == p.lemma;
    if (g.head == p.head) {
      ++c->uas;
      c->las += Universal(g.deprel) == Universal(p.deprel);
      c->las_full += g.deprel == p.deprel;
    }
  }
  // Words missing from the prediction count as wrong.
  if (predicted.words.size() < gold.words.size()) c->words += gold.words.size() - predicted.words.size();
}

ParserCounts EvaluateParser(const SyntaxModel& model, const std::vector<ConllSentence>& gold,
                            std::vector<ConllSentence>* predicted, int timing_passes) {
  std::vector<ConllSentence> out(gold.size());
  for (size_t i = 0; i < gold.size(); ++i) {
    out[i].words.resize(gold[i].words.size());
    for (size_t w = 0; w < gold[i].words.size(); ++w) out[i].words[w].form = gold[i].words[w].form;
  }
  SyntaxScratch scratch;
  AnnotateOptions options;
  options.entities = false;
  ParserCounts counts;
  for (int pass = 0; pass < std::max(1, timing_passes); ++pass) {
    auto start = std::chrono::steady_clock::now();
    double cpu_start = ThreadCpuSeconds();
    for (ConllSentence& s : out) model.AnnotateConll(&s, &scratch, options);
    double cpu = ThreadCpuSeconds() - cpu_start;
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (pass == 0 || cpu < counts.cpu_seconds) counts.cpu_seconds = cpu;
    if (pass == 0 || wall < counts.seconds) counts.seconds = wall;
  }
  for (size_t i = 0; i < gold.size(); ++i) CountSentence(gold[i], out[i], &counts);
  if (predicted) *predicted = std::move(out);
  return counts;
}

AnnotationSpeed MeasureAnnotationSpeed(const SyntaxModel& model, std::vector<Document>* docs,
                                       int passes) {
  AnnotationSpeed speed;
  speed.documents = docs->size();
  for (const Document& d : *docs) {
    speed.sentences += d.sentences.size();
    speed.tokens += d.tokens.size();
  }
  SyntaxScratch scratch;
  AnnotateOptions options;
  options.entities = false;
  for (int pass = 0; pass < std::max(1, passes); ++pass) {
    auto start = std::chrono::steady_clock::now();
    double cpu_start = ThreadCpuSeconds();
    for (Document& d : *docs) model.Annotate(&d, &scratch, options);
    double cpu = ThreadCpuSeconds() - cpu_start;
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (pass == 0 || cpu < speed.cpu_seconds) speed.cpu_seconds = cpu;
    if (pass == 0 || wall < speed.seconds) speed.seconds = wall;
  }
  return speed;
}

}  // namespace sitrep
