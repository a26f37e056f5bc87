// bench_segment: throughput of the segmenter (sentences + tokens) on news text held in memory.
//
//   bench_segment [DIR] [google-benchmark flags]
// DIR defaults to ../shared/data/news/bbc next to the source tree (2,225 BBC articles); when
// it is absent, a synthetic news-like corpus is generated so the benchmark always runs.
// Prints MB/s (bytes_per_second) and sentences/s and tokens/s counters, one thread:
//   BM_Segment           Segmenter::Segment on each Document (what `sitrep` runs)
//   BM_TokenizeAndSplit  the same work without building Document::tokens
//   BM_TokenizeOnly      the tokenizer alone, whole text as one span
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "document/document.h"
#include "text/abbreviations.h"
#include "text/segmenter.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace {

struct Corpus {
  std::vector<sitrep::Document> docs;
  size_t bytes = 0;
};

Corpus& TheCorpus() {
  static Corpus corpus;
  return corpus;
}

// Paragraphs are the blank-line separated blocks, as the text stage would give them.
void AddDocument(std::string text) {
  sitrep::Document doc;
  doc.text = std::move(text);
  size_t pos = 0;
  while (pos < doc.text.size()) {
    size_t end = doc.text.find("\n\n", pos);
    if (end == std::string::npos) end = doc.text.size();
    if (end > pos) doc.paragraphs.push_back({static_cast<uint32_t>(pos), static_cast<uint32_t>(end)});
    pos = end + 2;
  }
  TheCorpus().bytes += doc.text.size();
  TheCorpus().docs.push_back(std::move(doc));
}

bool LoadDirectory(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return false;
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    AddDocument(buffer.str());
  }
  return !paths.empty();
}

// A repeatable news-like text with the hard cases: abbreviations, quotes, clitics, numbers.
void MakeSyntheticCorpus() {
  const char* paragraphs[] = {
      "Syrian rebels seize Al-Bab from Islamic State",
      "Turkish-backed forces took full control of al-Bab on Thursday, Turkey's army said. "
      "\xE2\x80\x9CWe don\xE2\x80\x99t expect resistance,\xE2\x80\x9D Gen. Hulusi Akar told "
      "reporters in Ankara at 9 a.m. local time.",
      "The U.S.-led coalition said 40,000 people had fled since Dec. 5, a 3.5% rise. "
      "Mr. Assad's government didn't comment. U.S. officials said the strikes cost $170m.",
      "\"It's over,\" said one resident (who declined to be named). The fighting \xE2\x80\x94 "
      "some of the worst in years \xE2\x80\x94 left J. R. Smith's company, Acme Corp., in ruins.",
  };
  for (int doc = 0; doc < 2000; ++doc) {
    std::string text;
    for (const char* p : paragraphs) {
      if (!text.empty()) text += "\n\n";
      text += p;
    }
    AddDocument(std::move(text));
  }
}

void BM_Segment(benchmark::State& state) {
  sitrep::Segmenter segmenter;
  size_t sentences = 0, tokens = 0;
  for (auto _ : state) {
    for (sitrep::Document& doc : TheCorpus().docs) {
      segmenter.Segment(&doc);
      sentences += doc.sentences.size();
      tokens += doc.tokens.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TheCorpus().bytes));
  state.counters["sentences/s"] = benchmark::Counter(static_cast<double>(sentences),
                                                     benchmark::Counter::kIsRate);
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens),
                                                  benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Segment)->Unit(benchmark::kMillisecond);

// The segmenter's own work without filling Document::tokens (whose Token objects carry
// strings for later stages and cost about a third of BM_Segment to build and destroy).
void BM_TokenizeAndSplit(benchmark::State& state) {
  const sitrep::AbbreviationSet& abbreviations = sitrep::AbbreviationSet::Builtin();
  sitrep::Tokenizer tokenizer(&abbreviations);
  sitrep::SentenceSplitter splitter(&abbreviations);
  std::vector<sitrep::TokenInfo> tokens;
  std::vector<uint32_t> ends;
  size_t sentences = 0;
  for (auto _ : state) {
    for (const sitrep::Document& doc : TheCorpus().docs) {
      for (const sitrep::Span& paragraph : doc.paragraphs) {
        tokens.clear();
        ends.clear();
        tokenizer.Tokenize(doc.text, paragraph, &tokens);
        splitter.Split(doc.text, tokens, &ends);
        sentences += ends.size();
      }
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TheCorpus().bytes));
  state.counters["sentences/s"] = benchmark::Counter(static_cast<double>(sentences),
                                                     benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TokenizeAndSplit)->Unit(benchmark::kMillisecond);

void BM_TokenizeOnly(benchmark::State& state) {
  sitrep::Tokenizer tokenizer(&sitrep::AbbreviationSet::Builtin());
  std::vector<sitrep::TokenInfo> out;
  size_t tokens = 0;
  for (auto _ : state) {
    for (const sitrep::Document& doc : TheCorpus().docs) {
      out.clear();
      tokenizer.Tokenize(doc.text, {0, static_cast<uint32_t>(doc.text.size())}, &out);
      tokens += out.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TheCorpus().bytes));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens),
                                                  benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TokenizeOnly)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  std::filesystem::path dir = std::filesystem::path(SITREP_SOURCE_DIR) / ".." / "shared" /
                              "data" / "news" / "bbc";
  if (argc > 1 && argv[1][0] != '-') {
    dir = argv[1];
    for (int i = 1; i + 1 < argc; ++i) argv[i] = argv[i + 1];
    --argc;
  }
  if (LoadDirectory(dir)) {
    std::printf("corpus: %s, %zu documents, %.1f MB\n", dir.c_str(), TheCorpus().docs.size(),
                TheCorpus().bytes / 1e6);
  } else {
    MakeSyntheticCorpus();
    std::printf("corpus: synthetic, %zu documents, %.1f MB (no directory %s)\n",
                TheCorpus().docs.size(), TheCorpus().bytes / 1e6, dir.c_str());
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
