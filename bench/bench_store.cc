// Store benchmark: generates a database of N merged events (default 1,000,000) through
// EventStore::Add in batches, then times the aggregations and queries `sitrep query` and
// the dashboard run (median of 7 runs each, after one warm-up run):
//   dyad x month     counts and Goldstein per dyad per month, whole database and filtered
//   actor, place     counts and Goldstein per actor / per place by day, week and month
//   filtered query   one dyad in a 3-month window, newest 100 events with their evidence
//
// The generated news is skewed the way coded news is: actors (country + agent) drawn from
// Zipf distributions, 45% of events without a target, CAMEO roots in the proportions sitrep
// codes on the BBC corpus (statements first), places Zipf-distributed, and one document in
// three re-reporting a recent story (so mentions merge). --uniform instead draws every
// actor, code and day uniformly (the earlier benchmark's distribution: 44,100 equally
// likely dyads, no repeated reports).
//
// Usage: bench_store [--events N] [--db PATH] [--uniform] [--reuse] [--bulk]
//   --bulk makes the rollups once from the generated events instead of by trigger per event
//   (the same tables, made faster; see DropRollups).
//   the file is replaced unless --reuse is given and it exists (then only queries run).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "events/cameo_table.h"
#include "events/coding_resources.h"
#include "store/event_store.h"
#include "store/query.h"
#include "store/rollups.h"
#include "time/calendar.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// Draws 0..n-1 with P(i) proportional to 1 / (i + 1)^s.
class Zipf {
 public:
  Zipf(size_t n, double s) {
    double total = 0;
    for (size_t i = 0; i < n; ++i) cumulative_.push_back(total += 1 / std::pow(i + 1.0, s));
    for (double& c : cumulative_) c /= total;
  }
  size_t operator()(std::mt19937_64& rng) const {
    double u = std::uniform_real_distribution<double>(0, 1)(rng);
    return std::lower_bound(cumulative_.begin(), cumulative_.end(), u) - cumulative_.begin();
  }

 private:
  std::vector<double> cumulative_;
};

struct Place {
  std::string name, country;
  double lat = 0, lon = 0;
  std::string precision;
};

// A reported happening: what a re-report repeats.
struct Story {
  std::string source, target;
  const sitrep::CameoCode* code = nullptr;
  int64_t day = 0;
  int place = -1;
  std::string topic;
};

class NewsGenerator {
 public:
  NewsGenerator(const sitrep::CameoTable& cameo, bool uniform)
      : uniform_(uniform), country_zipf_(250, 1.1), agent_zipf_(12, 1.0), place_zipf_(5000, 1.0),
        topic_zipf_(400, 0.9) {
    for (int i = 0; i < 250; ++i) {
      countries_.push_back(std::string(1, static_cast<char>('A' + i / 26 % 26)) +
                           static_cast<char>('A' + i % 26) + static_cast<char>('A' + i % 7));
    }
    agents_ = {"", "GOV", "MIL", "BUS", "OPP", "COP", "MED", "JUD", "LEG", "REB", "EDU", "CVL"};
    // Root shares of sitrep's coding of the BBC corpus, per mille.
    const std::pair<const char*, int> roots[] = {
        {"01", 583}, {"11", 75}, {"05", 69}, {"04", 62}, {"03", 34}, {"12", 30}, {"02", 23},
        {"19", 22}, {"08", 19}, {"17", 19}, {"10", 12}, {"13", 11}, {"09", 10}, {"14", 8},
        {"07", 7}, {"18", 6}, {"16", 6}, {"06", 3}, {"20", 2}, {"15", 1}};
    for (const sitrep::CameoCode& c : cameo.codes()) {
      if (c.code.size() < 3) continue;
      for (auto& [root, share] : roots) {
        if (c.root == root) codes_by_root_[std::atoi(root) - 1].push_back(&c);
      }
    }
    for (auto& [root, share] : roots) {
      root_weights_.push_back(share);
      root_ids_.push_back(std::atoi(root) - 1);
    }
    for (const auto& codes : codes_by_root_) code_zipf_.emplace_back(codes.size(), 1.5);
    for (int i = 0; i < 5000; ++i) {
      Place p;
      p.country = countries_[country_zipf_(rng_)];
      bool country_level = i < 250;
      if (country_level) p.country = countries_[i];
      p.name = country_level ? "Country " + p.country : "Town" + std::to_string(i);
      p.lat = std::uniform_real_distribution<double>(-50, 65)(rng_);
      p.lon = std::uniform_real_distribution<double>(-170, 170)(rng_);
      p.precision = country_level ? "country" : "city";
      places_.push_back(p);
    }
  }

  sitrep::Document Next(size_t id) {
    sitrep::Document doc;
    doc.id = "bench" + std::to_string(id);
    int64_t day = first_day_ + static_cast<int64_t>(rng_() % 1096);
    doc.url = "https://site" + std::to_string(rng_() % 50) + ".example/" + std::to_string(id);
    bool rereport = !uniform_ && !recent_.empty() && rng_() % 3 == 0;
    int n = 1 + static_cast<int>(rng_() % 7);
    for (int i = 0; i < n; ++i) {
      Story s = rereport && i == 0 ? recent_[rng_() % recent_.size()] : NewStory(day);
      if (rereport && i == 0) day = s.day + static_cast<int64_t>(rng_() % 2);
      AddEvent(s, i, &doc);
      if (!uniform_ && !(rereport && i == 0)) Remember(s);
    }
    doc.date = sitrep::FormatDate(sitrep::CivilFromDays(day));
    return doc;
  }

 private:
  std::string Actor() {
    if (uniform_) {
      return countries_[rng_() % 30] + agents_[rng_() % 7];
    }
    return countries_[country_zipf_(rng_)] + agents_[agent_zipf_(rng_)];
  }

  const sitrep::CameoCode* Code() {
    if (uniform_) {
      const auto& codes = codes_by_root_[rng_() % 20];
      return codes[rng_() % codes.size()];
    }
    int pick = static_cast<int>(rng_() % 1000);
    size_t r = 0;
    for (; r + 1 < root_weights_.size() && pick >= root_weights_[r]; ++r) pick -= root_weights_[r];
    const auto& codes = codes_by_root_[root_ids_[r]];
    // Within a root, the general code is the most frequent.
    return codes[std::min(codes.size() - 1, code_zipf_[root_ids_[r]](rng_))];
  }

  Story NewStory(int64_t doc_day) {
    Story s;
    s.source = Actor();
    if (uniform_ || rng_() % 100 < 55) {
      do s.target = Actor(); while (s.target == s.source);
    }
    s.code = Code();
    s.day = doc_day - (uniform_ ? 0 : static_cast<int64_t>(rng_() % 3 == 0 ? rng_() % 3 : 0));
    if (!uniform_ && rng_() % 100 < 75) s.place = static_cast<int>(place_zipf_(rng_));
    s.topic = "topic" + std::to_string(uniform_ ? rng_() % 400 : topic_zipf_(rng_));
    return s;
  }

  void Remember(const Story& s) {
    if (recent_.size() < 2000) recent_.push_back(s);
    else recent_[rng_() % recent_.size()] = s;
  }

  void AddEvent(const Story& s, int i, sitrep::Document* doc) {
    std::string sentence = s.source + " and " + (s.target.empty() ? "others" : s.target) +
                           " spoke about the " + s.topic + " issue and the " + s.topic +
                           " talks, officials said.";
    uint32_t start = static_cast<uint32_t>(doc->text.size());
    doc->text += sentence + " ";
    sitrep::Sentence sent;
    sent.span = {start, start + static_cast<uint32_t>(sentence.size())};
    sent.paragraph = static_cast<uint32_t>(i);
    doc->sentences.push_back(sent);
    sitrep::Event e;
    e.sentence = static_cast<uint32_t>(i);
    e.source = AddActor(s.source, start, i, doc);
    if (!s.target.empty()) {
      uint32_t at = start + static_cast<uint32_t>(s.source.size() + 5);
      e.target = AddActor(s.target, at, i, doc);
    }
    e.cameo = s.code->code;
    e.root = s.code->root;
    e.quad_class = s.code->quad_class;
    e.goldstein = s.code->goldstein;
    e.plover = s.code->plover;
    e.trigger = {start + static_cast<uint32_t>(sentence.find("spoke")),
                 start + static_cast<uint32_t>(sentence.find("spoke") + 5)};
    e.date = sitrep::FormatDate(sitrep::CivilFromDays(s.day));
    e.date_precision = "day";
    if (!uniform_) {
      int m = static_cast<int>(rng_() % 100);
      e.modality = m < 92 ? sitrep::Modality::kAsserted
                          : m < 98 ? sitrep::Modality::kHypothetical : sitrep::Modality::kNegated;
    }
    if (s.place >= 0) {
      const Place& p = places_[s.place];
      e.has_location = true;
      e.location.name = p.name;
      e.location.country = p.country;
      e.location.lat = p.lat;
      e.location.lon = p.lon;
      e.location.precision = p.precision;
    }
    doc->events.push_back(e);
  }

  int32_t AddActor(const std::string& code, uint32_t start, int sentence, sitrep::Document* doc) {
    sitrep::ActorMention m;
    m.sentence = static_cast<uint32_t>(sentence);
    m.code = code;
    m.name = code;
    m.kind = "country";
    m.span = {start, start + static_cast<uint32_t>(code.size())};
    doc->actors.push_back(m);
    return static_cast<int32_t>(doc->actors.size() - 1);
  }

  bool uniform_;
  std::mt19937_64 rng_{42};
  int64_t first_day_ = sitrep::DaysFromCivil({2014, 1, 1});
  std::vector<std::string> countries_, agents_;
  Zipf country_zipf_, agent_zipf_, place_zipf_, topic_zipf_;
  std::vector<const sitrep::CameoCode*> codes_by_root_[20];
  std::vector<Zipf> code_zipf_;
  std::vector<int> root_weights_, root_ids_;
  std::vector<Place> places_;
  std::vector<Story> recent_;
};

struct Timing {
  double median_ms = 0, p95_ms = 0, cpu_median_ms = 0;
  size_t rows = 0;
  std::string from;
};

double CpuMs() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

// Eight runs after a warm-up; p95 of eight is their maximum. Wall time, and CPU time
// (the machine may be shared: CPU time is what the query itself costs).
Timing Time(sitrep::EventStore* store, const sitrep::QuerySpec& spec) {
  std::vector<double> ms, cpu;
  Timing t;
  for (int i = 0; i < 9; ++i) {
    auto t0 = Clock::now();
    double c0 = CpuMs();
    auto table = sitrep::RunQuery(store, spec);
    if (i > 0) {
      ms.push_back(Seconds(t0) * 1000);
      cpu.push_back(CpuMs() - c0);
    }
    if (!table.ok()) {
      std::fprintf(stderr, "query failed: %s\n", table.status().ToString().c_str());
      std::exit(1);
    }
    t.rows = table->rows.size();
    t.from = table->answered_from;
  }
  std::sort(ms.begin(), ms.end());
  std::sort(cpu.begin(), cpu.end());
  t.median_ms = ms[ms.size() / 2];
  t.p95_ms = ms.back();
  t.cpu_median_ms = cpu[cpu.size() / 2];
  return t;
}

void Report(sitrep::EventStore* store, const std::string& name, const sitrep::QuerySpec& spec,
            double* worst_p95) {
  Timing t = Time(store, spec);
  *worst_p95 = std::max(*worst_p95, t.p95_ms);
  std::printf("  %-64s %7.1f ms  p95 %7.1f ms  cpu %7.1f ms  %6zu rows  (%s)\n", name.c_str(),
              t.median_ms, t.p95_ms, t.cpu_median_ms, t.rows, t.from.c_str());
}

std::string Text(const sitrep::SqlValue& v) { return sitrep::ValueText(v); }

int RunQueries(sitrep::EventStore* store) {
  using sitrep::Aggregate;
  using sitrep::GroupBy;
  using sitrep::Period;
  // Filters on the busiest dyad, actor and place of this database.
  sitrep::QuerySpec top;
  top.aggregate = Aggregate::kTopDyads;
  top.limit = 1000;
  auto dyads = sitrep::RunQuery(store, top);
  top.aggregate = Aggregate::kSeries;
  top.group_by = GroupBy::kPlace;
  top.period = Period::kAll;
  auto places = sitrep::RunQuery(store, top);
  if (!dyads.ok() || !places.ok() || dyads->rows.empty()) return 1;
  size_t busiest = 0;  // with a target
  while (busiest + 1 < dyads->rows.size() && Text(dyads->rows[busiest][1]).empty()) ++busiest;
  std::string source = Text(dyads->rows[busiest][0]), target = Text(dyads->rows[busiest][1]);
  std::string place = places->rows.empty() ? "Town" : Text(places->rows[0][1]);
  std::string country = source.substr(0, 3);
  std::printf("filters use the busiest dyad %s-%s, country %s, place %s\n", source.c_str(),
              target.c_str(), country.c_str(), place.c_str());

  double worst = 0;
  std::printf("dyad x month aggregations (target < 200 ms):\n");
  sitrep::QuerySpec goldstein;
  goldstein.aggregate = Aggregate::kGoldstein;
  Report(store, "Goldstein per dyad per month, whole database, top 100 dyads", goldstein, &worst);
  sitrep::QuerySpec all_cells = goldstein;
  all_cells.limit = 0;
  double ignored = 0;
  Report(store, "Goldstein per dyad per month, whole database, every dyad", all_cells, &ignored);
  sitrep::QuerySpec f = goldstein;
  f.filter.cameo = "19";
  Report(store, "  filtered: root 19 (fight)", f, &worst);
  f = goldstein;
  f.filter.date_from = "2015-01-15";
  f.filter.date_to = "2015-06-20";
  Report(store, "  filtered: 2015-01-15 .. 2015-06-20", f, &worst);
  f = goldstein;
  f.filter.actor = country;
  Report(store, "  filtered: actor " + country + "* either side", f, &worst);
  f = goldstein;
  f.filter.modality = "asserted";
  f.filter.date_from = "2015-01-01";
  f.filter.date_to = "2015-12-31";
  Report(store, "  filtered: asserted, 2015", f, &worst);
  f = goldstein;
  f.filter.source = source;
  f.filter.target = target;
  Report(store, "  filtered: dyad " + source + "-" + target, f, &worst);
  std::printf("filtered queries (target < 200 ms):\n");
  sitrep::QuerySpec list;
  list.filter.source = source;
  list.filter.target = target;
  list.filter.date_from = "2015-01-01";
  list.filter.date_to = "2015-03-31";
  Report(store, "events of " + source + "-" + target + ", Q1 2015, newest 100 with evidence", list,
         &worst);
  sitrep::QuerySpec weeks;
  weeks.aggregate = Aggregate::kCount;
  weeks.period = Period::kWeek;
  weeks.filter.actor = country;
  weeks.filter.cameo = "19";
  Report(store, "events per week, actor " + country + "* either side, root 19", weeks, &worst);
  sitrep::QuerySpec top_actors;
  top_actors.aggregate = Aggregate::kTopActors;
  top_actors.limit = 20;
  Report(store, "top 20 actors", top_actors, &worst);
  std::printf("max p95 of the cases above: %.1f ms\n", worst);

  std::printf("dashboard: counts and Goldstein per dyad / actor / place by day, week, month, "
              "top 20 groups (target p95 < 100 ms):\n");
  double dashboard = 0;
  const std::pair<const char*, GroupBy> groups[] = {
      {"dyad", GroupBy::kDyad}, {"actor", GroupBy::kActor}, {"place", GroupBy::kPlace}};
  const std::pair<const char*, Period> periods[] = {
      {"day", Period::kDay}, {"week", Period::kWeek}, {"month", Period::kMonth}};
  for (auto& [gname, g] : groups) {
    for (auto& [pname, p] : periods) {
      sitrep::QuerySpec s;
      s.aggregate = Aggregate::kSeries;
      s.group_by = g;
      s.period = p;
      s.limit = 20;
      std::string name = std::string("per ") + gname + " per " + pname;
      Report(store, name + ", whole database", s, &dashboard);
      sitrep::QuerySpec d = s;
      d.filter.date_from = "2016-09-03";
      d.filter.date_to = "2016-12-01";
      Report(store, name + ", 90 days", d, &dashboard);
      d = s;
      d.filter.cameo = "19";
      d.filter.modality = "asserted";
      Report(store, name + ", asserted root 19", d, &dashboard);
      d = s;
      if (g == GroupBy::kPlace) d.filter.place = place;
      else d.filter.actor = country;
      d.filter.date_from = "2016-01-01";
      Report(store, name + (g == GroupBy::kPlace ? ", place " + place : ", actor " + country) +
                        " since 2016", d, &dashboard);
    }
  }
  std::printf("dashboard max p95: %.1f ms\n", dashboard);
  return 0;
}

// --bulk: the rollup tables and their triggers are dropped before generating and made again
// from the events afterwards, with the statements that migrate a version-2 database
// (RollupSchemaSql, then RollupPlaceQuadSchemaSql: migration steps 2 and 4). The database
// is the same as with the triggers; it is made faster.
bool DropRollups(sitrep::EventStore* store) {
  std::string sql;
  for (const char* t : {"rollups_insert", "rollups_mentions", "rollups_move", "rollups_delete"}) {
    sql += std::string("DROP TRIGGER IF EXISTS ") + t + ";\n";
  }
  for (const std::string& t : sitrep::RollupTableNames()) sql += "DROP TABLE IF EXISTS " + t + ";\n";
  return store->Execute(sql).ok();
}

int Generate(sitrep::EventStore* store, size_t target, bool uniform, bool bulk) {
  if (bulk && !DropRollups(store)) return 1;
  auto cameo = sitrep::CameoTable::Load(sitrep::CodingResources::DefaultDataDir() +
                                        "/cameo/cameo_codes.tsv");
  if (!cameo.ok()) {
    std::fprintf(stderr, "%s\n", cameo.status().ToString().c_str());
    return 1;
  }
  NewsGenerator news(**cameo, uniform);
  auto t0 = Clock::now();
  size_t mentions = 0, docs = 0, events = 0;
  while (events < target) {
    if (!store->Begin().ok()) return 1;
    for (int i = 0; i < 256 && events < target; ++i) {
      sitrep::Document doc = news.Next(docs++);
      auto out = store->Add(doc, doc.id, sitrep::ContentHash(doc.text + doc.id));
      if (!out.ok()) {
        std::fprintf(stderr, "%s\n", out.status().ToString().c_str());
        return 1;
      }
      mentions += doc.events.size();
      events += out->new_events;
    }
    if (!store->Commit().ok()) return 1;
  }
  double secs = Seconds(t0);
  std::printf("ingest: %zu documents, %zu mentions -> %zu events in %.1f s: %.0f mentions/s%s\n",
              docs, mentions, events, secs, mentions / secs, bulk ? " (no rollup triggers)" : "");
  if (bulk) {
    auto t1 = Clock::now();
    sitrep::Status st = store->Execute("BEGIN; " + sitrep::RollupSchemaSql() +
                                       sitrep::RollupPlaceQuadSchemaSql() + "COMMIT;");
    if (!st.ok()) {
      std::fprintf(stderr, "%s\n", st.ToString().c_str());
      return 1;
    }
    std::printf("rollups made from the events in %.1f s\n", Seconds(t1));
  }
  return store->Execute("ANALYZE").ok() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  size_t target = 1000000;
  std::string path = "/tmp/sitrep_bench_store.db";
  bool uniform = false, reuse = false, bulk = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--events") && i + 1 < argc) target = std::strtoull(argv[++i], nullptr, 10);
    else if (!std::strcmp(argv[i], "--db") && i + 1 < argc) path = argv[++i];
    else if (!std::strcmp(argv[i], "--uniform")) uniform = true;
    else if (!std::strcmp(argv[i], "--reuse")) reuse = true;
    else if (!std::strcmp(argv[i], "--bulk")) bulk = true;
  }
  bool generate = !reuse || !std::filesystem::exists(path);
  if (generate) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  }
  auto store = sitrep::EventStore::Open(path);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return 1;
  }
  if (generate && Generate(store->get(), target, uniform, bulk) != 0) return 1;
  auto counts = (*store)->Counts().value();
  std::printf("database: %lld events, %lld mentions, %lld documents\n",
              static_cast<long long>(counts.events), static_cast<long long>(counts.mentions),
              static_cast<long long>(counts.documents));
  return RunQueries(store->get());
}
