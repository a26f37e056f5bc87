// Store benchmark: generates a database of N events (default 1,000,000) through
// EventStore::Add in batches, then times the queries `sitrep query` runs:
//   dyad x month   Goldstein sum and mean per dyad per month over the whole database
//   filtered       one dyad in a 3-month window, newest 100 events with their evidence
//   actor counts   events per week for one country on either side, one CAMEO root
// Prints ingest rows/s and the median latency of each query over 5 runs.
//
// Usage: bench_store [--events N] [--db PATH]   (the file is replaced)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "store/event_store.h"
#include "store/query.h"
#include "time/calendar.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

std::vector<std::string> ActorCodes() {
  const char* countries[] = {"RUS", "UKR", "USA", "SYR", "IRN", "ISR", "TUR", "CHN", "FRA", "GBR",
                             "DEU", "IND", "PAK", "AFG", "IRQ", "SAU", "YEM", "EGY", "LBY", "NGA",
                             "KEN", "SOM", "ETH", "SDN", "MLI", "COL", "VEN", "BRA", "MEX", "JPN"};
  const char* agents[] = {"", "GOV", "MIL", "REB", "COP", "OPP", "BUS"};
  std::vector<std::string> codes;
  for (const char* c : countries) for (const char* a : agents) codes.push_back(std::string(c) + a);
  return codes;
}

// One synthetic document with `n` events.
sitrep::Document MakeDocument(size_t id, int n, std::mt19937_64& rng,
                              const std::vector<std::string>& actors) {
  sitrep::Document doc;
  doc.id = "bench" + std::to_string(id);
  int64_t day = sitrep::DaysFromCivil({2014, 1, 1}) + static_cast<int64_t>(rng() % 1096);
  doc.date = sitrep::FormatDate(sitrep::CivilFromDays(day));
  doc.url = "https://site" + std::to_string(rng() % 50) + ".example/" + std::to_string(id);
  for (int i = 0; i < n; ++i) {
    const std::string& a = actors[rng() % actors.size()];
    const std::string& b = actors[rng() % actors.size()];
    std::string sentence = a + " and " + b + " clashed near the border, officials said.";
    uint32_t start = static_cast<uint32_t>(doc.text.size());
    doc.text += sentence + " ";
    sitrep::Sentence s;
    s.span = {start, start + static_cast<uint32_t>(sentence.size())};
    s.paragraph = static_cast<uint32_t>(i);
    doc.sentences.push_back(s);
    for (const std::string* code : {&a, &b}) {
      sitrep::ActorMention m;
      m.sentence = static_cast<uint32_t>(i);
      m.code = *code;
      m.name = *code;
      m.span = {start, start + 3};
      doc.actors.push_back(m);
    }
    sitrep::Event e;
    e.sentence = static_cast<uint32_t>(i);
    e.source = static_cast<int32_t>(doc.actors.size() - 2);
    e.target = static_cast<int32_t>(doc.actors.size() - 1);
    int root = 1 + static_cast<int>(rng() % 20);
    char code[4];
    std::snprintf(code, sizeof code, "%02d%d", root, static_cast<int>(rng() % 4));
    e.cameo = code;
    e.root = e.cameo.substr(0, 2);
    e.quad_class = root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
    e.goldstein = (root <= 9 ? 1.0 : -1.0) * static_cast<double>(rng() % 100) / 10;
    e.plover = root >= 18 ? "ASSAULT" : "CONSULT";
    e.trigger = {start + 8, start + 15};
    doc.events.push_back(e);
  }
  return doc;
}

double MedianMs(sitrep::EventStore* store, const sitrep::QuerySpec& spec, size_t* rows) {
  std::vector<double> ms;
  for (int i = 0; i < 5; ++i) {
    auto t0 = Clock::now();
    auto table = sitrep::RunQuery(store, spec);
    ms.push_back(Seconds(t0) * 1000);
    if (!table.ok()) {
      std::fprintf(stderr, "query failed: %s\n", table.status().ToString().c_str());
      std::exit(1);
    }
    *rows = table->rows.size();
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  size_t target = 1000000;
  std::string path = "/tmp/sitrep_bench_store.db";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--events")) target = std::strtoull(argv[i + 1], nullptr, 10);
    if (!std::strcmp(argv[i], "--db")) path = argv[i + 1];
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  auto store = sitrep::EventStore::Open(path);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return 1;
  }
  std::mt19937_64 rng(42);
  auto actors = ActorCodes();
  auto t0 = Clock::now();
  size_t mentions = 0, docs = 0;
  while (mentions < target) {
    if (!(*store)->Begin().ok()) return 1;
    for (int i = 0; i < 256 && mentions < target; ++i) {
      int n = 1 + static_cast<int>(rng() % 7);
      sitrep::Document doc = MakeDocument(docs++, n, rng, actors);
      auto out = (*store)->Add(doc, doc.id, sitrep::ContentHash(doc.text + doc.id));
      if (!out.ok()) {
        std::fprintf(stderr, "%s\n", out.status().ToString().c_str());
        return 1;
      }
      mentions += doc.events.size();
    }
    if (!(*store)->Commit().ok()) return 1;
  }
  double ingest = Seconds(t0);
  auto counts = (*store)->Counts().value();
  std::printf("ingest: %zu documents, %zu mentions -> %lld events in %.1f s: %.0f mentions/s, "
              "%.0f documents/s\n",
              docs, mentions, static_cast<long long>(counts.events), ingest, mentions / ingest,
              docs / ingest);
  (void)(*store)->Execute("ANALYZE");

  sitrep::QuerySpec dyad_month;
  dyad_month.aggregate = sitrep::Aggregate::kGoldstein;
  sitrep::QuerySpec filtered;
  filtered.filter.source = "RUSMIL";
  filtered.filter.target = "UKR";
  filtered.filter.date_from = "2015-01-01";
  filtered.filter.date_to = "2015-03-31";
  sitrep::QuerySpec one_dyad = dyad_month;
  one_dyad.filter.source = "RUS";
  one_dyad.filter.target = "UKR";
  sitrep::QuerySpec actor_weeks;
  actor_weeks.aggregate = sitrep::Aggregate::kCount;
  actor_weeks.period = sitrep::Period::kWeek;
  actor_weeks.filter.actor = "SYR";
  actor_weeks.filter.cameo = "19";
  struct Case { const char* name; const sitrep::QuerySpec* spec; } cases[] = {
      {"dyad x month Goldstein, whole database", &dyad_month},
      {"dyad x month Goldstein, dyad RUS*-UKR*", &one_dyad},
      {"filtered: RUSMIL-UKR, Q1 2015, newest 100 with evidence", &filtered},
      {"events per week, actor SYR* either side, root 19", &actor_weeks}};
  for (const Case& c : cases) {
    size_t rows = 0;
    double ms = MedianMs(store->get(), *c.spec, &rows);
    std::printf("query %-58s %8.1f ms (median of 5), %zu rows\n", c.name, ms, rows);
  }
  return 0;
}
