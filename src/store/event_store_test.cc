#include "store/event_store.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "store/event_export.h"
#include "store/query.h"

namespace sitrep {
namespace {

struct EventSpec {
  EventSpec(std::string s, std::string t, std::string c, std::string d = "",
            Modality m = Modality::kAsserted)
      : source(std::move(s)), target(std::move(t)), cameo(std::move(c)), date(std::move(d)),
        modality(m) {}
  std::string source, target, cameo;
  std::string date;  // "" = none
  Modality modality;
};

// A coded document whose sentence i states event i.
Document MakeDoc(const std::string& id, const std::string& date, const std::string& url,
                 const std::vector<EventSpec>& events) {
  Document doc;
  doc.id = id;
  doc.date = date;
  doc.url = url;
  for (size_t i = 0; i < events.size(); ++i) {
    const EventSpec& e = events[i];
    std::string sentence = e.source + " acted on " + e.target + " in " + id + ".";
    uint32_t start = static_cast<uint32_t>(doc.text.size());
    doc.text += sentence + " ";
    Sentence s;
    s.span = {start, static_cast<uint32_t>(start + sentence.size())};
    s.paragraph = static_cast<uint32_t>(i);
    doc.sentences.push_back(s);
    for (const std::string& code : {e.source, e.target}) {
      ActorMention a;
      a.sentence = static_cast<uint32_t>(i);
      a.code = code;
      a.name = code;
      a.span = {start, start + 3};
      doc.actors.push_back(a);
    }
    Event ev;
    ev.sentence = static_cast<uint32_t>(i);
    ev.source = static_cast<int32_t>(doc.actors.size() - 2);
    ev.target = static_cast<int32_t>(doc.actors.size() - 1);
    ev.cameo = e.cameo;
    ev.root = e.cameo.substr(0, 2);
    ev.quad_class = e.cameo < "10" ? 1 : 4;
    ev.goldstein = e.cameo < "10" ? 1.0 : -10.0;
    ev.plover = e.cameo < "10" ? "CONSULT" : "ASSAULT";
    ev.trigger = {start + 4, start + 9};
    ev.modality = e.modality;
    ev.date = e.date;
    doc.events.push_back(ev);
  }
  return doc;
}

// A file under the test temp directory, unique to this process (other checkouts may run
// the same tests at the same time).
std::string TempPath(const std::string& name) {
  return ::testing::TempDir() + "/" + std::to_string(getpid()) + "_" + name;
}

std::unique_ptr<EventStore> OpenMemory() {
  auto store = EventStore::Open(":memory:");
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return std::move(store).value();
}

int64_t Scalar(EventStore* store, const std::string& sql) {
  int64_t v = -1;
  EXPECT_TRUE(store->Query(sql, {}, [&](const SqlRow& r) {
    v = r.Int(0);
    return Status::OK();
  }).ok());
  return v;
}

// Expects every rollup table to equal its recomputation from the events; returns the
// tables checked.
std::vector<std::string> ExpectRollupsConsistent(EventStore* store) {
  std::vector<std::string> tables;
  auto checks = store->CheckRollups();
  EXPECT_TRUE(checks.ok());
  if (!checks.ok()) return tables;
  for (const RollupCheck& c : *checks) {
    EXPECT_EQ(c.mismatched, 0) << c.table;
    tables.push_back(c.table);
  }
  return tables;
}

void AddDoc(EventStore* store, const Document& doc) {
  auto out = store->Add(doc, doc.id, ContentHash(doc.text));
  ASSERT_TRUE(out.ok()) << out.status().ToString();
}

TEST(EventStore, CreatesCurrentSchema) {
  auto store = OpenMemory();
  EXPECT_EQ(store->schema_version(), EventStore::kSchemaVersion);
  EXPECT_EQ(Scalar(store.get(), "PRAGMA user_version"), EventStore::kSchemaVersion);
}

TEST(EventStore, MigratesOlderSchemaForward) {
  std::string path = TempPath("sitrep_migrate.db");
  std::remove(path.c_str());
  ASSERT_TRUE(EventStore::TEST_CreateAtVersion(path, 1).ok());
  auto store = EventStore::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ((*store)->schema_version(), EventStore::kSchemaVersion);
  EXPECT_EQ(Scalar(store->get(), "SELECT count(*) FROM sqlite_master WHERE name = 'events_day'"), 1);
}

TEST(EventStore, MigratesAVersion2FileWithEventsAndFillsTheRollups) {
  std::string path = TempPath("sitrep_migrate_v2.db");
  std::remove(path.c_str());
  // Three events as version 2 stored them: two verbal (GBRGOV statements), one attack.
  const char* rows =
      "INSERT INTO documents(id, doc_key, content_hash, text) VALUES(1, 'a', 1, 'text');"
      "INSERT INTO places(id, name, country, lat, lon) VALUES(1, 'Kyiv', 'UKR', 50.45, 30.52);"
      "INSERT INTO events(id, source_code, target_code, source_name, target_name, cameo, root,"
      " quad_class, goldstein, plover, modality, day, month, min_day, max_day, place,"
      " num_mentions, num_sources, num_articles, first_doc) VALUES"
      " (1, 'GBRGOV', '', 'Tony Blair', '', '010', '01', 1, 0, '', 'asserted', 12815, 200502,"
      "  12815, 12815, NULL, 2, 1, 1, 1),"
      " (2, 'GBRGOV', '', 'Jack Straw', '', '010', '01', 1, 0, '', 'asserted', 12816, 200502,"
      "  12816, 12816, NULL, 1, 1, 1, 1),"
      " (3, 'RUSMIL', 'UKR', 'Russia', 'Ukraine', '190', '19', 4, -10, 'ASSAULT', 'asserted',"
      "  16875, 201603, 16875, 16875, 1, 3, 2, 2, 1);";
  ASSERT_TRUE(EventStore::TEST_CreateAtVersion(path, 2, rows).ok());
  auto store = EventStore::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ((*store)->schema_version(), EventStore::kSchemaVersion);
  EventStore* s = store->get();
  EXPECT_EQ(Scalar(s, "SELECT count(*) FROM events WHERE source_key = 'Tony Blair'"), 1);
  EXPECT_EQ(Scalar(s, "SELECT count(*) FROM events WHERE source_key IS NULL"), 1);  // material
  EXPECT_EQ(Scalar(s, "SELECT sum(events) FROM rollup_all_month"), 3);
  EXPECT_EQ(Scalar(s, "SELECT sum(mentions) FROM rollup_dyad_total"), 6);
  EXPECT_EQ(Scalar(s, "SELECT events FROM rollup_place_month WHERE month = 201603"), 1);
  EXPECT_EQ(Scalar(s, "SELECT goldstein_milli FROM rollup_actor_total WHERE actor = 'UKR'"), -10000);
  ExpectRollupsConsistent(s);
  // New reports keep the rollups current.
  AddDoc(s, MakeDoc("b", "2016-03-15", "", {{"RUSMIL", "UKR", "190"}, {"USA", "RUS", "042"}}));
  EXPECT_EQ(Scalar(s, "SELECT sum(events) FROM rollup_all_month"), 4);
  EXPECT_EQ(Scalar(s, "SELECT sum(mentions) FROM rollup_all_month"), 8);
}

TEST(EventStore, MigratesAVersion3FileAndMarksNoOldTargetAsUnsaid) {
  std::string path = TempPath("sitrep_migrate_v3.db");
  std::remove(path.c_str());
  // As version 3 stored an event whose target the text left unsaid: the actor's kind was
  // the mention's role, and the mention had no mark.
  const char* rows =
      "INSERT INTO documents(id, doc_key, content_hash, text) VALUES(1, 'a', 1, 'text');"
      "INSERT INTO actors(id, code, name, kind, mentions) VALUES(1, 'TUR', 'Turkey', 'location', 1),"
      " (2, 'RUS', 'Russia', 'country', 1);"
      "INSERT INTO events(id, source_code, target_code, source_name, target_name, cameo, root,"
      " quad_class, goldstein, plover, modality, day, month, min_day, max_day,"
      " num_mentions, num_sources, num_articles, first_doc) VALUES"
      " (1, 'TUR', 'TUR', 'Turkey', 'Turkey', '174', '17', 4, -5, 'COERCE', 'asserted', 16875,"
      "  201603, 16875, 16875, 1, 1, 1, 1);"
      "INSERT INTO mentions(id, event, doc, ordinal, target_code, target_start, target_end)"
      " VALUES(1, 1, 1, 0, 'TUR', 27, 32);";
  ASSERT_TRUE(EventStore::TEST_CreateAtVersion(path, 3, rows).ok());
  auto store = EventStore::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EventStore* s = store->get();
  EXPECT_EQ(s->schema_version(), EventStore::kSchemaVersion);
  EXPECT_EQ(Scalar(s, "SELECT count(*) FROM mentions WHERE target_implicit IS NULL"), 1);
  EXPECT_EQ(Scalar(s, "SELECT count(*) FROM actors WHERE kind = 'country'"), 2);
  EXPECT_EQ(Scalar(s, "SELECT events FROM rollup_dyad_total WHERE source = 'TUR'"), 1);
  ExpectRollupsConsistent(s);
  store->reset();
  std::remove(path.c_str());
}

TEST(EventStore, MigratesAVersion4FileAndKeepsThePlaceQuadRollup) {
  std::string path = TempPath("sitrep_migrate_v4.db");
  std::remove(path.c_str());
  const char* rows =
      "INSERT INTO documents(id, doc_key, content_hash, text) VALUES(1, 'a', 1, 'text');"
      "INSERT INTO places(id, name, country, lat, lon) VALUES(1, 'Aleppo', 'SYR', 36.2, 37.2);"
      "INSERT INTO events(id, source_code, target_code, cameo, root, quad_class, goldstein,"
      " modality, day, month, place, num_mentions, num_sources, num_articles, first_doc) VALUES"
      " (1, 'RUS', 'SYR', '190', '19', 4, -10, 'asserted', 16875, 201603, 1, 2, 1, 1, 1),"
      " (2, 'SYR', 'RUS', '042', '04', 1, 1.9, 'asserted', 16876, 201603, 1, 1, 1, 1, 1);";
  ASSERT_TRUE(EventStore::TEST_CreateAtVersion(path, 4, rows).ok());
  auto store = EventStore::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EventStore* s = store->get();
  EXPECT_EQ(s->schema_version(), EventStore::kSchemaVersion);
  // Filled from the events on migration...
  EXPECT_EQ(Scalar(s, "SELECT events FROM rollup_place_quad WHERE place = 1 AND quad_class = 4"), 1);
  EXPECT_EQ(Scalar(s, "SELECT mentions FROM rollup_place_quad WHERE place = 1 AND quad_class = 4"), 2);
  // ...then kept by the triggers, the old tables' as well.
  ASSERT_TRUE(s->Execute("UPDATE events SET quad_class = 4, cameo = '190' WHERE id = 2").ok());
  ASSERT_TRUE(s->Execute("DELETE FROM events WHERE id = 1").ok());
  EXPECT_EQ(Scalar(s, "SELECT events FROM rollup_place_quad WHERE place = 1 AND quad_class = 4"), 1);
  EXPECT_EQ(Scalar(s, "SELECT count(*) FROM rollup_place_quad WHERE quad_class = 1"), 0);
  std::vector<std::string> tables = ExpectRollupsConsistent(s);
  EXPECT_NE(std::find(tables.begin(), tables.end(), "rollup_place_quad"), tables.end());
  store->reset();
  std::remove(path.c_str());
}

TEST(EventStore, RefusesNewerSchema) {
  std::string path = TempPath("sitrep_newer.db");
  std::remove(path.c_str());
  ASSERT_TRUE(EventStore::TEST_CreateAtVersion(path, EventStore::kSchemaVersion).ok());
  ASSERT_TRUE(EventStore::Open(path).value()->Execute("PRAGMA user_version = 99").ok());
  EXPECT_FALSE(EventStore::Open(path).ok());
}

TEST(EventStore, ReingestSameIdChangesNothing) {
  auto store = OpenMemory();
  Document doc = MakeDoc("a", "2016-03-15", "", {{"RUS", "UKR", "190"}});
  AddDoc(store.get(), doc);
  StoreCounts before = store->Counts().value();
  Document again = MakeDoc("a", "2016-03-15", "", {{"RUS", "UKR", "190"}, {"USA", "RUS", "042"}});
  auto out = store->Add(again, again.id, ContentHash(again.text));
  ASSERT_TRUE(out.ok());
  EXPECT_FALSE(out->added);
  EXPECT_EQ(store->Counts().value(), before);
}

TEST(EventStore, ReingestSameContentUnderOtherIdChangesNothing) {
  auto store = OpenMemory();
  Document doc = MakeDoc("a", "2016-03-15", "", {{"RUS", "UKR", "190"}});
  AddDoc(store.get(), doc);
  StoreCounts before = store->Counts().value();
  Document copy = MakeDoc("a", "2016-03-15", "", {{"RUS", "UKR", "190"}});
  copy.id = "b";
  auto out = store->Add(copy, copy.id, ContentHash(doc.text));
  ASSERT_TRUE(out.ok());
  EXPECT_FALSE(out->added);
  EXPECT_EQ(store->Counts().value(), before);
}

TEST(EventMerge, SameDyadAndFamilyWithinDaysMergesAcrossDocuments) {
  auto store = OpenMemory();
  AddDoc(store.get(), MakeDoc("a", "2016-03-15", "http://www.bbc.co.uk/1", {{"RUS", "UKR", "190"}}));
  AddDoc(store.get(), MakeDoc("b", "2016-03-17", "http://bbc.co.uk/2", {{"RUS", "UKR", "195"}}));
  AddDoc(store.get(), MakeDoc("c", "2016-03-16", "http://reuters.com/3",
                              {{"RUS", "UKR", "193"}, {"RUS", "UKR", "190"}}));
  EXPECT_EQ(Scalar(store.get(), "SELECT count(*) FROM events"), 1);
  EXPECT_EQ(Scalar(store.get(), "SELECT num_mentions FROM events"), 4);
  EXPECT_EQ(Scalar(store.get(), "SELECT num_articles FROM events"), 3);
  EXPECT_EQ(Scalar(store.get(), "SELECT num_sources FROM events"), 2);  // bbc.co.uk, reuters.com
  EXPECT_EQ(Scalar(store.get(), "SELECT count(*) FROM mentions"), 4);  // each keeps evidence
}

TEST(EventMerge, DifferentDyadFamilyDateOrModalityDoNotMerge) {
  auto store = OpenMemory();
  AddDoc(store.get(), MakeDoc("a", "2016-03-15", "", {{"RUS", "UKR", "190"}}));
  AddDoc(store.get(), MakeDoc("b", "2016-03-15", "", {{"UKR", "RUS", "190"}}));   // reversed dyad
  AddDoc(store.get(), MakeDoc("c", "2016-03-15", "", {{"RUS", "UKR", "042"}}));   // other family
  AddDoc(store.get(), MakeDoc("d", "2016-03-25", "", {{"RUS", "UKR", "190"}}));   // 10 days apart
  AddDoc(store.get(), MakeDoc("e", "2016-03-15", "",
                              {{"RUS", "UKR", "190", "", Modality::kNegated}}));
  EXPECT_EQ(Scalar(store.get(), "SELECT count(*) FROM events"), 5);
  EXPECT_EQ(Scalar(store.get(), "SELECT max(num_mentions) FROM events"), 1);
}

TEST(EventMerge, EventsDoNotGrowByChaining) {
  auto store = OpenMemory();
  for (int d = 10; d <= 18; d += 2) {
    std::string date = "2016-03-" + std::to_string(d);
    AddDoc(store.get(), MakeDoc("doc" + std::to_string(d), date, "", {{"RUS", "UKR", "190"}}));
  }
  // Days 10..18: every event spans at most 3 days, so at least two events.
  EXPECT_GE(Scalar(store.get(), "SELECT count(*) FROM events"), 2);
  EXPECT_LE(Scalar(store.get(), "SELECT max(max_day - min_day) FROM events"), 3);
}

TEST(EventMerge, UndatedMentionsMergeOnlyWithinTheirDocument) {
  auto store = OpenMemory();
  AddDoc(store.get(), MakeDoc("a", "", "", {{"RUS", "UKR", "190"}, {"RUS", "UKR", "190"}}));
  AddDoc(store.get(), MakeDoc("b", "", "", {{"RUS", "UKR", "190"}}));
  EXPECT_EQ(Scalar(store.get(), "SELECT count(*) FROM events"), 2);
}

TEST(MergeRule, PlacesFarApartDoNotMerge) {
  MergeRule rule;
  MentionFacts m;
  m.source = "RUS"; m.target = "UKR"; m.root = "19"; m.day = 100;
  m.has_place = true; m.lat = 50.45; m.lon = 30.52;  // Kyiv
  EventFacts e;
  e.source = "RUS"; e.target = "UKR"; e.root = "19"; e.min_day = e.max_day = 101;
  e.has_place = true; e.lat = 48.0; e.lon = 37.8;  // Donetsk, ~600 km away
  EXPECT_FALSE(rule.SameEvent(m, e));
  e.lat = 50.40; e.lon = 30.60;
  EXPECT_TRUE(rule.SameEvent(m, e));
  e.has_place = false;  // unknown place: compatible
  EXPECT_TRUE(rule.SameEvent(m, e));
}

TEST(MergeRule, SourceNameIsTheHost) {
  EXPECT_EQ(SourceName("https://www.BBC.co.uk/news/1", ""), "bbc.co.uk");
  EXPECT_EQ(SourceName("", "BBC"), "BBC");
  EXPECT_EQ(SourceName("", ""), "unknown");
}

class StoreQueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenMemory();
    AddDoc(store_.get(), MakeDoc("a", "2016-03-01", "", {{"RUSMIL", "UKR", "190"}, {"USA", "RUS", "042"}}));
    AddDoc(store_.get(), MakeDoc("b", "2016-04-20", "", {{"RUSMIL", "UKR", "190"}}));
    AddDoc(store_.get(), MakeDoc("c", "2016-04-25", "", {{"FRA", "SYR", "190"}}));
  }
  QueryTable Run(QuerySpec spec) {
    auto t = RunQuery(store_.get(), spec);
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    return t.ok() ? *t : QueryTable{};
  }
  std::unique_ptr<EventStore> store_;
};

TEST_F(StoreQueryTest, ActorMatchesEitherSideByPrefix) {
  QuerySpec spec;
  spec.filter.actor = "RUS";
  EXPECT_EQ(Run(spec).rows.size(), 3u);
  spec.filter.actor = "";
  spec.filter.source = "RUS";
  spec.filter.target = "UKR";
  EXPECT_EQ(Run(spec).rows.size(), 2u);
}

TEST_F(StoreQueryTest, CameoDateAndWordFilters) {
  QuerySpec spec;
  spec.filter.cameo = "19";
  spec.filter.date_from = "2016-04-01";
  EXPECT_EQ(Run(spec).rows.size(), 2u);
  spec.filter.words = {"acted", "in c"};
  EXPECT_EQ(Run(spec).rows.size(), 1u);
  spec = QuerySpec();
  spec.filter.plover = "CONSULT";
  EXPECT_EQ(Run(spec).rows.size(), 1u);
}

TEST_F(StoreQueryTest, CountsPerMonthAndGoldsteinPerDyad) {
  QuerySpec spec;
  spec.aggregate = Aggregate::kCount;
  QueryTable t = Run(spec);
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(ValueText(t.rows[0][0]), "2016-03");
  EXPECT_EQ(ValueText(t.rows[0][1]), "2");
  EXPECT_EQ(ValueText(t.rows[1][1]), "2");
  spec.aggregate = Aggregate::kGoldstein;
  spec.filter.source = "RUS";
  t = Run(spec);
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(ValueText(t.rows[1][4]), "-10");
  spec = QuerySpec();
  spec.aggregate = Aggregate::kTopActors;
  t = Run(spec);
  EXPECT_EQ(ValueText(t.rows[0][0]), "RUSMIL");
}

TEST_F(StoreQueryTest, GdeltExportHas61ColumnsAndFipsCodes) {
  auto countries = CountryCodes::Load(CountryCodes::DefaultPath());
  ASSERT_TRUE(countries.ok()) << countries.status().ToString();
  std::string out;
  ASSERT_TRUE(ExportStore(store_.get(), ExportFormat::kGdelt, *countries, [&](std::string_view s) {
    out += s;
    return Status::OK();
  }).ok());
  std::istringstream lines(out);
  int rows = 0;
  for (std::string line; std::getline(lines, line); ++rows) {
    EXPECT_EQ(std::count(line.begin(), line.end(), '\t'), 60) << line;
  }
  EXPECT_EQ(rows, 4);  // RUSMIL-UKR twice (50 days apart), USA-RUS, FRA-SYR
  EXPECT_NE(out.find("\tRussia\tRS\t"), std::string::npos);   // Actor1Geo: FIPS RS, not RU
  EXPECT_NE(out.find("\tUkraine\tUP\t"), std::string::npos);  // FIPS UP, not UA
}

TEST(CountryCodes, MapsIsoToFips) {
  auto countries = CountryCodes::Load(CountryCodes::DefaultPath());
  ASSERT_TRUE(countries.ok());
  EXPECT_EQ(countries->Find("DEU")->fips, "GM");
  EXPECT_EQ(countries->Find("GBR")->fips, "UK");
  EXPECT_EQ(countries->Find("XYZ"), nullptr);
}

}  // namespace
}  // namespace sitrep
