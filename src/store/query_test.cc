#include "store/query.h"

#include <gtest/gtest.h>

#include <map>

#include <algorithm>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "store/event_store.h"
#include "time/calendar.h"

namespace sitrep {
namespace {

struct Code {
  const char* cameo;
  int quad;
  double goldstein;
  const char* plover;
};

const Code kCodes[] = {{"010", 1, 0.0, ""},         {"036", 1, 4.0, "AGREE"},
                       {"042", 1, 1.9, "CONSULT"},  {"112", 3, -2.0, "ACCUSE"},
                       {"130", 3, -4.4, "THREATEN"}, {"173", 4, -5.0, "SEIZE"},
                       {"190", 4, -10.0, "ASSAULT"}, {"193", 4, -10.0, "ASSAULT"},
                       {"061", 2, 6.4, "COOPERATE"}, {"0874", 2, 5.0, "RETREAT"}};
const char* const kActors[] = {"RUS", "RUSMIL", "UKR", "UKRGOV", "USA", "SYR", "SYRMIL", "FRA"};

struct PlaceSpec {
  const char* name;
  const char* country;
  double lat, lon;
};
const PlaceSpec kPlaces[] = {{"Kyiv", "UKR", 50.45, 30.52}, {"Donetsk", "UKR", 48.0, 37.8},
                             {"Aleppo", "SYR", 36.2, 37.15}, {"Raqqa", "SYR", 35.95, 39.0}};

// An actor: one of kActors, or one of 40 more ("X00".."X39"), the low numbers more often,
// so that top-N queries have more groups than candidates.
std::string RandomActor(std::mt19937_64& rng) {
  if (rng() % 2 == 0) return kActors[rng() % 8];
  uint64_t a = rng() % 40, b = rng() % 40;
  char code[8];
  std::snprintf(code, sizeof code, "X%02d", static_cast<int>(std::min(a, b)));
  return code;
}

// Random documents over a few actors, codes, days and places: repeated reports merge,
// some events learn their place from a later report, some are undated.
void Fill(EventStore* store, int documents, uint64_t seed) {
  std::mt19937_64 rng(seed);
  int64_t first = DaysFromCivil({2016, 1, 1});
  for (int d = 0; d < documents; ++d) {
    Document doc;
    doc.id = "doc" + std::to_string(d);
    doc.url = "https://site" + std::to_string(rng() % 4) + ".example/" + doc.id;
    int64_t day = first + static_cast<int64_t>(rng() % 120);
    if (rng() % 10 != 0) doc.date = FormatDate(CivilFromDays(day));
    int n = 1 + static_cast<int>(rng() % 4);
    for (int i = 0; i < n; ++i) {
      std::string a = rng() % 3 == 0 ? RandomActor(rng) : kActors[rng() % 4];
      std::string b = rng() % 5 == 0 ? "" : RandomActor(rng);
      if (rng() % 12 == 0) b = a;  // domestic events: source == target
      const Code& c = kCodes[rng() % 60 == 0 ? 9 : rng() % 9];
      std::string sentence = a + " and " + b + " clashed over the border crossing at dawn.";
      uint32_t start = static_cast<uint32_t>(doc.text.size());
      doc.text += sentence + " ";
      Sentence s;
      s.span = {start, start + static_cast<uint32_t>(sentence.size())};
      s.paragraph = static_cast<uint32_t>(i);
      doc.sentences.push_back(s);
      Event e;
      e.sentence = static_cast<uint32_t>(i);
      for (const std::string* code : {&a, &b}) {
        if (code->empty()) continue;
        ActorMention m;
        m.sentence = e.sentence;
        m.code = *code;
        m.name = *code;
        m.kind = "country";
        m.span = {start, start + static_cast<uint32_t>(code->size())};
        doc.actors.push_back(m);
        (code == &a ? e.source : e.target) = static_cast<int32_t>(doc.actors.size() - 1);
      }
      e.cameo = c.cameo;
      e.root = e.cameo.substr(0, 2);
      e.quad_class = c.quad;
      e.goldstein = c.goldstein;
      e.plover = c.plover;
      e.trigger = {start + 4, start + 8};
      int m = static_cast<int>(rng() % 10);
      e.modality = m < 8 ? Modality::kAsserted : m < 9 ? Modality::kHypothetical : Modality::kNegated;
      if (rng() % 4 == 0) e.date = FormatDate(CivilFromDays(day - static_cast<int64_t>(rng() % 3)));
      if (rng() % 3 != 0) {
        const PlaceSpec& p = kPlaces[rng() % 4];
        e.has_location = true;
        e.location.name = p.name;
        e.location.country = p.country;
        e.location.lat = p.lat;
        e.location.lon = p.lon;
        e.location.precision = "city";
      }
      doc.events.push_back(e);
    }
    auto out = store->Add(doc, doc.id, ContentHash(doc.text + doc.id));
    ASSERT_TRUE(out.ok()) << out.status().ToString();
  }
}

std::unique_ptr<EventStore> FilledStore() {
  auto store = EventStore::Open(":memory:");
  EXPECT_TRUE(store.ok());
  Fill(store->get(), 600, 11);
  return std::move(store).value();
}

std::string Describe(const QueryTable& t) {
  std::string out = FormatCsv(t);
  return out.size() > 2000 ? out.substr(0, 2000) + "..." : out;
}

// The filters every shape is checked under.
std::vector<EventFilter> Filters() {
  std::vector<EventFilter> out(1);
  EventFilter f;
  f.cameo = "19"; out.push_back(f); f = {};
  f.cameo = "193"; out.push_back(f); f = {};
  f.cameo = "087"; out.push_back(f); f = {};  // rare: every group is read
  f.actor = "X0"; f.date_from = "2016-03-01"; out.push_back(f); f = {};
  f.quad_class = 1; out.push_back(f); f = {};
  f.plover = "ASSAULT"; out.push_back(f); f = {};
  f.modality = "asserted"; out.push_back(f); f = {};
  f.date_from = "2016-01-20"; f.date_to = "2016-03-10"; out.push_back(f); f = {};   // ragged ends
  f.date_from = "2016-02-01"; f.date_to = "2016-02-29"; out.push_back(f); f = {};   // one month
  f.date_from = "2016-02-03"; out.push_back(f); f = {};
  f.date_to = "2016-02-14"; out.push_back(f); f = {};
  f.date_from = "2016-02-08"; f.date_to = "2016-02-21"; out.push_back(f); f = {};   // two weeks
  f.date_from = "2016-02-10"; f.date_to = "2016-02-12"; out.push_back(f); f = {};
  f.actor = "RUS"; out.push_back(f); f = {};
  f.actor = "RUS"; f.cameo = "1"; f.date_from = "2016-02-01"; out.push_back(f); f = {};
  f.source = "RUS"; f.target = "UKR"; out.push_back(f); f = {};
  f.target = "SYR"; f.modality = "hypothetical"; out.push_back(f); f = {};
  f.place = "Raqqa"; out.push_back(f); f = {};
  f.has_circle = true; f.lat = 49; f.lon = 35; f.radius_km = 300; out.push_back(f); f = {};
  f.place = "Kyiv"; f.plover = "ASSAULT"; f.date_to = "2016-03-01"; out.push_back(f); f = {};
  f.words = {"border"}; out.push_back(f); f = {};
  f.actor = "rus"; out.push_back(f); f = {};
  f.place = "Donetsk"; f.actor = "UKR"; out.push_back(f); f = {};
  return out;
}

std::vector<QuerySpec> Shapes() {
  std::vector<QuerySpec> out;
  for (Period p : {Period::kDay, Period::kWeek, Period::kMonth}) {
    QuerySpec s;
    s.period = p;
    s.aggregate = Aggregate::kCount;
    out.push_back(s);
    s.by_dyad = true;
    s.limit = 3;
    out.push_back(s);
    s = QuerySpec();
    s.period = p;
    s.aggregate = Aggregate::kGoldstein;
    s.limit = 0;
    out.push_back(s);
  }
  for (Period p : {Period::kDay, Period::kWeek, Period::kMonth, Period::kAll}) {
    for (GroupBy g : {GroupBy::kNone, GroupBy::kDyad, GroupBy::kActor, GroupBy::kPlace}) {
      for (size_t limit : {size_t{0}, size_t{1}, size_t{2}, size_t{5}}) {
        QuerySpec s;
        s.aggregate = Aggregate::kSeries;
        s.period = p;
        s.group_by = g;
        s.limit = limit;
        out.push_back(s);
      }
    }
  }
  QuerySpec s;
  s.aggregate = Aggregate::kTopActors;
  s.limit = 4;
  out.push_back(s);
  s.aggregate = Aggregate::kTopDyads;
  out.push_back(s);
  return out;
}

TEST(RollupQuery, EveryShapeAndFilterEqualsTheEventsTable) {
  auto store = FilledStore();
  int from_rollups = 0, total = 0;
  std::map<std::string, int> answered;
  for (const EventFilter& filter : Filters()) {
    for (QuerySpec spec : Shapes()) {
      spec.filter = filter;
      auto fast = RunQuery(store.get(), spec);
      spec.use_rollups = false;
      auto slow = RunQuery(store.get(), spec);
      ASSERT_TRUE(fast.ok() && slow.ok()) << fast.status().ToString() << slow.status().ToString();
      EXPECT_EQ(slow->answered_from, "events");
      EXPECT_EQ(fast->columns, slow->columns);
      EXPECT_EQ(fast->rows, slow->rows)
          << "aggregate " << static_cast<int>(spec.aggregate) << " period "
          << static_cast<int>(spec.period) << " group " << static_cast<int>(spec.group_by)
          << " limit " << spec.limit << " filter cameo=" << filter.cameo << " actor="
          << filter.actor << " from=" << filter.date_from << " to=" << filter.date_to
          << " place=" << filter.place << "\nrollups:\n" << Describe(*fast) << "events:\n"
          << Describe(*slow);
      ++total;
      ++answered[fast->answered_from];
      if (fast->answered_from != "events") ++from_rollups;
    }
  }
  // Words, actor names and place-with-actor filters read events; everything else rollups.
  EXPECT_GT(from_rollups, total * 3 / 4);
  EXPECT_GT(answered["rollup totals"], 0);
  EXPECT_GT(answered["rollups"], 0);
}

TEST(RollupQuery, TopGroupsComeFromTheTotalsWhenTheyDecide) {
  auto store = FilledStore();
  QuerySpec spec;
  spec.aggregate = Aggregate::kSeries;
  spec.group_by = GroupBy::kDyad;
  spec.limit = 2;
  auto t = RunQuery(store.get(), spec);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->answered_from, "rollup totals");
  spec.filter.words = {"border"};
  t = RunQuery(store.get(), spec);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->answered_from, "events");
}

TEST(RollupQuery, PlaceGroupsNameTheirPlace) {
  auto store = FilledStore();
  QuerySpec spec;
  spec.aggregate = Aggregate::kSeries;
  spec.group_by = GroupBy::kPlace;
  spec.period = Period::kAll;
  spec.limit = 0;
  auto t = RunQuery(store.get(), spec);
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->rows.size(), 4u);
  std::vector<std::string> expected = {"place_id", "place_name", "place_country", "lat", "lon",
                                       "events", "mentions", "goldstein_sum", "goldstein_mean"};
  EXPECT_EQ(t->columns, expected);
  std::string names;
  for (const auto& row : t->rows) names += ValueText(row[1]) + " ";
  for (const char* place : {"Kyiv", "Donetsk", "Aleppo", "Raqqa"}) {
    EXPECT_NE(names.find(place), std::string::npos) << names;
  }
}

TEST(RollupQuery, ActorGroupsCountAnEventOncePerActor) {
  auto store = EventStore::Open(":memory:").value();
  Document doc;
  doc.id = "a";
  doc.date = "2016-05-02";
  doc.text = "Russia's army attacked Russian rebels.";
  doc.sentences.push_back({{0, static_cast<uint32_t>(doc.text.size())}, 0, 0, 0});
  for (const char* code : {"RUS", "RUS"}) {
    ActorMention m;
    m.code = code;
    m.name = "Russia";
    m.span = {0, 6};
    doc.actors.push_back(m);
  }
  Event e;
  e.source = 0;
  e.target = 1;
  e.cameo = "190";
  e.root = "19";
  e.quad_class = 4;
  doc.events.push_back(e);
  ASSERT_TRUE(store->Add(doc, doc.id, 1).ok());
  QuerySpec spec;
  spec.aggregate = Aggregate::kTopActors;
  auto t = RunQuery(store.get(), spec);
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->rows.size(), 1u);
  EXPECT_EQ(ValueText(t->rows[0][1]), "1");
}

TEST(Rollups, StayExactWhenEventsAreMovedOrDeleted) {
  auto store = FilledStore();
  // The store never edits events in place; the triggers must still follow if a tool does.
  ASSERT_TRUE(store->Execute("UPDATE events SET cameo = '042', quad_class = 1 WHERE id % 7 = 0;"
                             "UPDATE events SET place = NULL WHERE id % 11 = 0;"
                             "UPDATE events SET num_mentions = num_mentions + 2 WHERE id % 5 = 0;"
                             "DELETE FROM events WHERE id % 13 = 0;").ok());
  auto checks = store->CheckRollups();
  ASSERT_TRUE(checks.ok()) << checks.status().ToString();
  for (const RollupCheck& c : *checks) EXPECT_EQ(c.mismatched, 0) << c.table;
}

TEST(Rollups, EqualARecomputationAfterIngest) {
  auto store = FilledStore();
  auto checks = store->CheckRollups();
  ASSERT_TRUE(checks.ok()) << checks.status().ToString();
  EXPECT_GT(checks->size(), 20u);
  for (const RollupCheck& c : *checks) {
    EXPECT_EQ(c.mismatched, 0) << c.table;
    EXPECT_GT(c.rows, 0) << c.table;
  }
}

}  // namespace
}  // namespace sitrep
