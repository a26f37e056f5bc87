// Dashboard API benchmark. Makes (once) a synthetic database of N events spread over three
// years among 210 actor codes, 300 places (60 cities, five districts each) and 80 CAMEO
// codes, skewed as news is (index = n * u^2.5 for actors, u^2 for places and codes), then
// times the API calls the dashboard page makes, in process, with the answer cache off so
// every call reads the store:
//   timeline   by=none per month, all events and three dyads
//   network    by=dyad, period=all, top 60;  top dyads  the same, top 12 and quad 4 in 2015
//   actors     by=actor per month, top 20;  places  by=place, period=all, top 50
//   map        zoom 0 (world) and zoom 3 on a box
//   events     the newest 50, and one dyad's newest 50
// Prints, per call, the median and p95 over --rounds rounds, and the p95 over all
// aggregate calls together (the country-level network, which the page offers but does not
// open with, is timed apart).
//
// Usage: bench_server [--events N] [--db PATH] [--rounds R]
//   The database is generated when PATH does not exist (default /tmp/sitrep_bench_server_N.db).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "server/dashboard_api.h"
#include "server/store_pool.h"
#include "store/event_store.h"
#include "time/calendar.h"

namespace {

using Clock = std::chrono::steady_clock;
using sitrep::server::ParamList;

struct City { const char* name; const char* country; double lat, lon; };

// Where the synthetic events happen (approximate city centres).
const City kCities[] = {
    {"Aleppo", "SYR", 36.20, 37.16},   {"Damascus", "SYR", 33.51, 36.29},
    {"Raqqa", "SYR", 35.95, 39.01},    {"Homs", "SYR", 34.73, 36.71},
    {"Mosul", "IRQ", 36.34, 43.13},    {"Baghdad", "IRQ", 33.31, 44.36},
    {"Kyiv", "UKR", 50.45, 30.52},     {"Donetsk", "UKR", 48.02, 37.80},
    {"Moscow", "RUS", 55.76, 37.62},   {"Washington", "USA", 38.90, -77.04},
    {"New York", "USA", 40.71, -74.01}, {"Tehran", "IRN", 35.69, 51.39},
    {"Jerusalem", "ISR", 31.77, 35.21}, {"Gaza", "PSE", 31.50, 34.47},
    {"Ankara", "TUR", 39.93, 32.86},   {"Istanbul", "TUR", 41.01, 28.98},
    {"Beijing", "CHN", 39.90, 116.41}, {"Paris", "FRA", 48.86, 2.35},
    {"London", "GBR", 51.51, -0.13},   {"Berlin", "DEU", 52.52, 13.40},
    {"New Delhi", "IND", 28.61, 77.21}, {"Islamabad", "PAK", 33.68, 73.05},
    {"Kabul", "AFG", 34.56, 69.21},    {"Riyadh", "SAU", 24.71, 46.68},
    {"Sanaa", "YEM", 15.37, 44.19},    {"Aden", "YEM", 12.79, 45.02},
    {"Cairo", "EGY", 30.04, 31.24},    {"Tripoli", "LBY", 32.89, 13.19},
    {"Benghazi", "LBY", 32.12, 20.09}, {"Abuja", "NGA", 9.08, 7.40},
    {"Maiduguri", "NGA", 11.85, 13.16}, {"Nairobi", "KEN", -1.29, 36.82},
    {"Mogadishu", "SOM", 2.05, 45.32}, {"Addis Ababa", "ETH", 9.03, 38.74},
    {"Khartoum", "SDN", 15.50, 32.56}, {"Bamako", "MLI", 12.64, -8.00},
    {"Bogota", "COL", 4.71, -74.07},   {"Caracas", "VEN", 10.48, -66.90},
    {"Brasilia", "BRA", -15.79, -47.88}, {"Mexico City", "MEX", 19.43, -99.13},
    {"Tokyo", "JPN", 35.68, 139.69},   {"Seoul", "KOR", 37.57, 126.98},
    {"Pyongyang", "PRK", 39.04, 125.76}, {"Manila", "PHL", 14.60, 120.98},
    {"Jakarta", "IDN", -6.21, 106.85}, {"Bangkok", "THA", 13.76, 100.50},
    {"Yangon", "MMR", 16.87, 96.20},   {"Dhaka", "BGD", 23.81, 90.41},
    {"Kinshasa", "COD", -4.44, 15.27}, {"Goma", "COD", -1.68, 29.22},
    {"Juba", "SSD", 4.86, 31.57},      {"Tunis", "TUN", 36.81, 10.18},
    {"Algiers", "DZA", 36.75, 3.06},   {"Beirut", "LBN", 33.89, 35.50},
    {"Amman", "JOR", 31.95, 35.93},    {"Minsk", "BLR", 53.90, 27.57},
    {"Tbilisi", "GEO", 41.72, 44.79},  {"Brussels", "BEL", 50.85, 4.35},
    {"Geneva", "CHE", 46.20, 6.14},    {"Sydney", "AUS", -33.87, 151.21}};

std::vector<std::string> ActorCodes() {
  const char* countries[] = {"RUS", "UKR", "USA", "SYR", "IRN", "ISR", "TUR", "CHN", "FRA", "GBR",
                             "DEU", "IND", "PAK", "AFG", "IRQ", "SAU", "YEM", "EGY", "LBY", "NGA",
                             "KEN", "SOM", "ETH", "SDN", "MLI", "COL", "VEN", "BRA", "MEX", "JPN"};
  const char* agents[] = {"", "GOV", "MIL", "REB", "COP", "OPP", "BUS"};
  std::vector<std::string> codes;
  for (const char* c : countries) for (const char* a : agents) codes.push_back(std::string(c) + a);
  return codes;
}

// An index in [0, n), most often small: floor(n * u^power) for uniform u.
size_t Skewed(std::mt19937_64& rng, size_t n, double power) {
  double u = std::uniform_real_distribution<double>(0, 1)(rng);
  return std::min(n - 1, static_cast<size_t>(n * std::pow(u, power)));
}

// One synthetic document of `n` events, each with its own sentence, actors and place.
sitrep::Document MakeDocument(size_t id, int n, std::mt19937_64& rng,
                              const std::vector<std::string>& actors) {
  sitrep::Document doc;
  doc.id = "dash" + std::to_string(id);
  int64_t day = sitrep::DaysFromCivil({2014, 1, 1}) + static_cast<int64_t>(rng() % 1096);
  doc.date = sitrep::FormatDate(sitrep::CivilFromDays(day));
  doc.url = "https://site" + std::to_string(rng() % 50) + ".example/" + std::to_string(id);
  doc.title = "Synthetic report " + std::to_string(id);
  // Five districts per city: places are points of a gazetteer, not a continuum.
  const double kDistricts[5][2] = {{0, 0}, {0.3, 0.2}, {-0.25, 0.3}, {0.2, -0.35}, {-0.3, -0.2}};
  for (int i = 0; i < n; ++i) {
    // Skewed as news is: a few actors, places and kinds of event take most of the events.
    const std::string& a = actors[Skewed(rng, actors.size(), 2.5)];
    const std::string& b = actors[Skewed(rng, actors.size(), 2.5)];
    const City& city = kCities[Skewed(rng, std::size(kCities), 2.0)];
    std::string sentence = a + " forces and " + b + " clashed near " + city.name + ", officials said.";
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
      m.span = code == &a ? sitrep::Span{start, start + static_cast<uint32_t>(a.size())}
                          : sitrep::Span{start + static_cast<uint32_t>(a.size() + 12),
                                         start + static_cast<uint32_t>(a.size() + 12 + b.size())};
      doc.actors.push_back(m);
    }
    sitrep::Event e;
    e.sentence = static_cast<uint32_t>(i);
    e.source = static_cast<int32_t>(doc.actors.size() - 2);
    e.target = static_cast<int32_t>(doc.actors.size() - 1);
    static const int kRoots[] = {1, 4, 19, 5, 11, 3, 2, 17, 13, 14, 6, 10, 12, 7, 18, 16, 15, 8, 9, 20};
    int root = kRoots[Skewed(rng, std::size(kRoots), 2.0)];
    char code[4];
    std::snprintf(code, sizeof code, "%02d%d", root, static_cast<int>(Skewed(rng, 4, 2.0)));
    e.cameo = code;
    e.root = e.cameo.substr(0, 2);
    e.quad_class = root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
    e.goldstein = (root <= 9 ? 1.0 : -1.0) * static_cast<double>(rng() % 100) / 10;
    e.plover = root >= 18 ? "ASSAULT" : root <= 4 ? "CONSULT" : "COOPERATE";
    uint32_t trigger = start + static_cast<uint32_t>(sentence.find("clashed"));
    e.trigger = {trigger, trigger + 7};
    e.date = doc.date;
    e.date_precision = "day";
    e.has_location = rng() % 10 != 0;  // one event in ten has no place
    int district = static_cast<int>(rng() % 5);
    e.location.name = std::string(city.name) + (district ? " district " + std::to_string(district) : "");
    e.location.country = city.country;
    e.location.lat = city.lat + kDistricts[district][0];
    e.location.lon = city.lon + kDistricts[district][1];
    e.location.precision = "city";
    doc.events.push_back(e);
  }
  return doc;
}

int Generate(const std::string& path, size_t target) {
  auto store = sitrep::EventStore::Open(path);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return 1;
  }
  std::mt19937_64 rng(7);
  auto actors = ActorCodes();
  auto t0 = Clock::now();
  size_t mentions = 0, docs = 0;
  while (mentions < target) {
    if (!(*store)->Begin().ok()) return 1;
    for (int i = 0; i < 512 && mentions < target; ++i) {
      int n = 1 + static_cast<int>(rng() % 7);
      n = static_cast<int>(std::min<size_t>(n, target - mentions));
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
  (void)(*store)->Execute("ANALYZE");
  auto counts = (*store)->Counts().value();
  std::printf("generated %s: %zu documents, %zu mentions, %lld events in %.0f s\n", path.c_str(),
              docs, mentions, static_cast<long long>(counts.events),
              std::chrono::duration<double>(Clock::now() - t0).count());
  return 0;
}

struct Call {
  const char* name;
  bool aggregate;
  const char* endpoint;
  ParamList params;
};

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(std::ceil(p * v.size())) - 1)];
}

}  // namespace

int main(int argc, char** argv) {
  size_t events = 1000000;
  std::string path;
  int rounds = 20;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--events")) events = std::strtoull(argv[i + 1], nullptr, 10);
    if (!std::strcmp(argv[i], "--db")) path = argv[i + 1];
    if (!std::strcmp(argv[i], "--rounds")) rounds = std::atoi(argv[i + 1]);
  }
  if (path.empty()) path = "/tmp/sitrep_bench_server_" + std::to_string(events) + ".db";
  if (!std::filesystem::exists(path) && Generate(path, events) != 0) return 1;
  auto pool = sitrep::server::StorePool::Open(path, 1);
  if (!pool.ok()) {
    std::fprintf(stderr, "%s\n", pool.status().ToString().c_str());
    return 1;
  }
  sitrep::server::ApiOptions options;
  options.cache_bytes = 0;
  options.query_time_limit_ms = 60000;
  sitrep::server::DashboardApi api(pool->get(), options);
  const std::vector<Call> calls = {
      {"timeline, all events, per month", true, "aggregate", {{"by", "none"}, {"period", "month"}}},
      {"timeline, RUS-SYR per month", true, "aggregate", {{"by", "none"}, {"period", "month"}, {"source", "RUS"}, {"target", "SYR"}}},
      {"timeline, USA-RUS per week", true, "aggregate", {{"by", "none"}, {"period", "week"}, {"source", "USA"}, {"target", "RUS"}}},
      {"timeline, actor SYR, root 19, per day", true, "aggregate", {{"by", "none"}, {"period", "day"}, {"actor", "SYR"}, {"root", "19"}}},
      {"network: dyads, top 60", true, "aggregate", {{"by", "dyad"}, {"period", "all"}, {"limit", "60"}}},
      {"top dyads, top 12", true, "aggregate", {{"by", "dyad"}, {"period", "all"}, {"limit", "12"}}},
      {"top dyads, quad 4, 2015", true, "aggregate", {{"by", "dyad"}, {"period", "all"}, {"quad", "4"}, {"from", "2015-01-01"}, {"to", "2015-12-31"}, {"limit", "12"}}},
      {"actors per month, top 20", true, "aggregate", {{"by", "actor"}, {"period", "month"}, {"limit", "20"}}},
      {"places, top 50", true, "aggregate", {{"by", "place"}, {"period", "all"}, {"limit", "50"}}},
      {"map, world (zoom 0)", true, "map", {{"zoom", "0"}}},
      {"map, Middle East (zoom 3, box)", true, "map", {{"zoom", "3"}, {"bbox", "30,25,50,40"}}},
      {"events, newest 50", false, "events", {{"limit", "50"}}},
      {"events, RUS-UKR newest 50", false, "events", {{"dyad", "RUS-UKR"}, {"limit", "50"}}},
      {"network by country (not in the mix)", false, "aggregate", {{"by", "dyad"}, {"period", "all"}, {"level", "country"}, {"limit", "60"}}},
  };
  std::printf("database %s, %d rounds, cache off\n", path.c_str(), rounds);
  std::vector<double> all_aggregates;
  for (const Call& call : calls) {
    std::vector<double> ms;
    for (int r = 0; r < rounds; ++r) {
      auto t0 = Clock::now();
      std::string endpoint = call.endpoint;
      auto answer = endpoint == "aggregate" ? api.Aggregate(call.params)
                    : endpoint == "map"     ? api.Map(call.params)
                                            : api.Events(call.params);
      ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
      if (!answer.ok()) {
        std::fprintf(stderr, "%s: %s\n", call.name, answer.status().ToString().c_str());
        return 1;
      }
    }
    if (call.aggregate) all_aggregates.insert(all_aggregates.end(), ms.begin(), ms.end());
    std::printf("  %-42s median %8.1f ms   p95 %8.1f ms\n", call.name, Percentile(ms, 0.5),
                Percentile(ms, 0.95));
  }
  std::printf("aggregate calls together: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%zu calls)\n",
              Percentile(all_aggregates, 0.5), Percentile(all_aggregates, 0.95),
              Percentile(all_aggregates, 1.0), all_aggregates.size());
  return 0;
}
