// Benchmark: tagging + lemmatising + parsing speed of the committed syntax model, in
// sentences per second on one thread, and the model's memory.
//
//   build/bench_parse [--benchmark_filter=...]
//
// Sentences come from SITREP_PARSE_BENCH_CONLLU (a CoNLL-U file with gold tokens; default
// ../shared/data/ud/en_ewt-ud-dev.conllu next to the source tree). Skips with a message
// when the model or the data is missing.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "syntax/conllu.h"
#include "syntax/syntax_model.h"

namespace sitrep {
namespace {

struct BenchData {
  std::unique_ptr<SyntaxModel> model;
  std::vector<std::vector<std::string>> sentences;
  std::string error;
};

const BenchData& Data() {
  static BenchData* data = [] {
    auto* d = new BenchData;
    auto model = SyntaxModel::Load(SyntaxModel::DefaultModelPath());
    if (!model.ok()) {
      d->error = model.status().ToString();
      return d;
    }
    d->model = std::move(model).value();
    const char* env = std::getenv("SITREP_PARSE_BENCH_CONLLU");
    std::string path = env ? env : std::string(SITREP_SOURCE_DIR) +
                                       "/../shared/data/ud/en_ewt-ud-dev.conllu";
    auto gold = ReadConllU(path);
    if (!gold.ok()) {
      d->error = gold.status().ToString();
      return d;
    }
    for (const ConllSentence& s : *gold) {
      std::vector<std::string> forms;
      for (const ConllWord& w : s.words) forms.push_back(w.form);
      d->sentences.push_back(std::move(forms));
    }
    return d;
  }();
  return *data;
}

void Run(benchmark::State& state, AnnotateOptions options) {
  const BenchData& d = Data();
  if (!d.error.empty()) {
    state.SkipWithError(d.error.c_str());
    return;
  }
  SyntaxScratch scratch;
  SentenceAnalysis analysis;
  std::vector<std::string_view> forms;
  size_t sentences = 0, words = 0;
  for (auto _ : state) {
    for (const auto& s : d.sentences) {
      forms.assign(s.begin(), s.end());
      d.model->AnalyzeSentence(forms, &scratch, &analysis, options);
      words += s.size();
    }
    sentences += d.sentences.size();
  }
  state.counters["sentences_per_second"] =
      benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["words_per_second"] =
      benchmark::Counter(static_cast<double>(words), benchmark::Counter::kIsRate);
  state.counters["model_memory_mb"] = d.model->MemoryBytes() / 1e6;
}

void BM_TagParse(benchmark::State& state) {
  AnnotateOptions options;
  options.lemmas = false;
  options.entities = false;
  Run(state, options);
}

void BM_TagLemmaParse(benchmark::State& state) {
  AnnotateOptions options;
  options.entities = false;
  Run(state, options);
}

void BM_TagOnly(benchmark::State& state) {
  AnnotateOptions options;
  options.lemmas = false;
  options.parse = false;
  options.entities = false;
  Run(state, options);
}

void BM_Everything(benchmark::State& state) { Run(state, AnnotateOptions()); }

BENCHMARK(BM_TagOnly)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TagParse)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TagLemmaParse)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Everything)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sitrep

BENCHMARK_MAIN();
