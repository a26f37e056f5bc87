// bench_extract: throughput of HTML article extraction on pages held in memory.
//
//   bench_extract [DIR] [google-benchmark flags]
// DIR defaults to ../shared/data/extraction/zyte/html next to the source tree (181 news
// pages, .html.gz); when it is absent, synthetic news pages are generated so the benchmark
// always runs. One thread; decompression is done before timing. Prints MB/s of HTML
// (bytes_per_second) and pages/s:
//   BM_ExtractArticle   ExtractArticleFromHtml (parse, article, metadata)
//   BM_ParseOnly        HtmlDom alone (script stripping + gumbo parse + flattening)
#include <benchmark/benchmark.h>
#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "text/html_dom.h"
#include "text/html_extractor.h"

namespace {

struct Pages {
  std::vector<std::string> html;
  size_t bytes = 0;
};

Pages& ThePages() {
  static Pages pages;
  return pages;
}

std::string ReadGzip(const std::string& path) {
  std::string out;
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) return out;
  char buffer[1 << 16];
  int n;
  while ((n = gzread(file, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<size_t>(n));
  gzclose(file);
  return out;
}

// A page shaped like a news article: navigation, an article of paragraphs, a related list,
// scripts and a footer.
std::string SyntheticPage(int seed) {
  std::string page = "<!DOCTYPE html><html><head><title>Story " + std::to_string(seed) +
                     " | Daily</title><script>var tracking = {id: 42, tags: ['a','b']};</script>"
                     "</head><body><nav><ul>";
  for (int i = 0; i < 30; ++i) page += "<li><a href='/s" + std::to_string(i) + "'>Section</a></li>";
  page += "</ul></nav><article><h1>Headline</h1><div class='article-body'>";
  for (int i = 0; i < 25; ++i) {
    page += "<p>Officials said on Tuesday, after talks that lasted " + std::to_string(seed + i) +
            " hours, that the agreement would lower duties on steel, grain and machinery, "
            "although critics warned that farmers would suffer.</p>";
  }
  page += "</div></article><div class='related'><ul>";
  for (int i = 0; i < 10; ++i) page += "<li><a href='/r'>Related headline here</a></li>";
  page += "</ul></div><footer><p>Copyright, all rights reserved.</p></footer></body></html>";
  return page;
}

void LoadPages(const std::string& dir) {
  Pages& pages = ThePages();
  std::vector<std::string> paths;
  std::error_code ec;
  if (std::filesystem::is_directory(dir, ec)) {
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      if (entry.path().string().ends_with(".html.gz")) paths.push_back(entry.path().string());
    }
  }
  std::sort(paths.begin(), paths.end());
  for (const std::string& path : paths) pages.html.push_back(ReadGzip(path));
  if (pages.html.empty()) {
    std::fprintf(stderr, "bench_extract: no pages in %s; using synthetic pages\n", dir.c_str());
    for (int i = 0; i < 200; ++i) pages.html.push_back(SyntheticPage(i));
  }
  for (const std::string& html : pages.html) pages.bytes += html.size();
}

void BM_ExtractArticle(benchmark::State& state) {
  const Pages& pages = ThePages();
  size_t paragraphs = 0;
  for (auto _ : state) {
    for (const std::string& html : pages.html) {
      auto article = sitrep::ExtractArticleFromHtml(html);
      if (article.ok()) paragraphs += article->paragraphs.size();
    }
  }
  benchmark::DoNotOptimize(paragraphs);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * pages.bytes));
  state.counters["pages/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * pages.html.size()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ExtractArticle)->Unit(benchmark::kMillisecond);

void BM_ParseOnly(benchmark::State& state) {
  const Pages& pages = ThePages();
  size_t nodes = 0;
  for (auto _ : state) {
    for (const std::string& html : pages.html) {
      sitrep::HtmlDom dom(html);
      nodes += dom.size();
    }
  }
  benchmark::DoNotOptimize(nodes);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * pages.bytes));
}
BENCHMARK(BM_ParseOnly)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  std::string dir = std::string(SITREP_SOURCE_DIR) + "/../shared/data/extraction/zyte/html";
  if (argc > 1 && argv[1][0] != '-') {
    dir = argv[1];
    --argc;
    ++argv;
  }
  LoadPages(dir);
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
