// bench_clean: throughput of the plain-text cleaning steps (boilerplate classification and the
// publication-date finder) on a directory of .txt articles, held in memory.
//
//   bench_clean [DIR] [google-benchmark flags]
// DIR defaults to ../shared/data/news/bbc next to the source tree. Prints bytes per second for
// each step; skips (exit 0) when the directory is absent.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "text/boilerplate.h"
#include "text/date_finder.h"

namespace {

std::vector<std::string>& Corpus() {
  static std::vector<std::string> corpus;
  return corpus;
}

size_t CorpusBytes() {
  size_t bytes = 0;
  for (const std::string& doc : Corpus()) bytes += doc.size();
  return bytes;
}

void LoadCorpus(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") paths.push_back(entry.path());
  }
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    Corpus().push_back(buffer.str());
  }
}

void BM_ClassifyTextBlocks(benchmark::State& state) {
  size_t blocks = 0;
  for (auto _ : state) {
    for (const std::string& doc : Corpus()) blocks += sitrep::ClassifyTextBlocks(doc).size();
  }
  benchmark::DoNotOptimize(blocks);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * CorpusBytes()));
}
BENCHMARK(BM_ClassifyTextBlocks)->Unit(benchmark::kMillisecond);

void BM_FindPublicationDate(benchmark::State& state) {
  size_t found = 0;
  for (auto _ : state) {
    for (const std::string& doc : Corpus()) found += !sitrep::FindPublicationDate(doc).empty();
  }
  benchmark::DoNotOptimize(found);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * CorpusBytes()));
}
BENCHMARK(BM_FindPublicationDate)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  std::filesystem::path dir = std::filesystem::path(SITREP_SOURCE_DIR) / "../shared/data/news/bbc";
  if (argc > 1 && argv[1][0] != '-') {
    dir = argv[1];
    --argc;
    ++argv;
  }
  if (!std::filesystem::is_directory(dir)) {
    std::printf("bench_clean: %s not found, skipping\n", dir.string().c_str());
    return 0;
  }
  LoadCorpus(dir);
  std::printf("bench_clean: %zu documents, %zu bytes from %s\n", Corpus().size(), CorpusBytes(),
              dir.string().c_str());
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
