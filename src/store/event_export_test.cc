#include "store/event_export.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "store/event_store.h"

namespace sitrep {
namespace {

// One document with three events in one sentence each, as `sitrep code` gives them:
//   0  a null source (unnamed gunmen) attacking Nigeria;
//   1  a target the text leaves unsaid, from the place ("a curfew in Cizre" -> TUR);
//   2  a target the text leaves unsaid, the source's own state (empty span, "domestic").
Document ImplicitDoc() {
  Document doc;
  doc.id = "d";
  doc.date = "2016-03-15";
  doc.url = "https://www.example.com/a";
  const char* sentences[] = {"Gunmen attacked Nigerian troops.", "Turkey imposed a curfew in Cizre.",
                             "British police dispersed the crowd."};
  for (uint32_t i = 0; i < 3; ++i) {
    uint32_t start = static_cast<uint32_t>(doc.text.size());
    doc.text += std::string(sentences[i]) + " ";
    Sentence s;
    s.span = {start, start + static_cast<uint32_t>(std::string(sentences[i]).size())};
    s.paragraph = i;
    doc.sentences.push_back(s);
  }
  auto actor = [&](uint32_t sentence, std::string code, std::string name, Span span,
                   std::string kind) {
    ActorMention a;
    a.sentence = sentence;
    a.code = std::move(code);
    a.name = std::move(name);
    a.span = span;
    a.kind = std::move(kind);
    doc.actors.push_back(a);
    return static_cast<int32_t>(doc.actors.size() - 1);
  };
  auto event = [&](uint32_t sentence, int32_t source, int32_t target, const char* cameo,
                   int quad, Span trigger) {
    Event e;
    e.sentence = sentence;
    e.source = source;
    e.target = target;
    e.cameo = cameo;
    e.root = std::string(cameo).substr(0, 2);
    e.quad_class = quad;
    e.goldstein = -5;
    e.plover = "COERCE";
    e.trigger = trigger;
    doc.events.push_back(e);
  };
  uint32_t s1 = doc.sentences[1].span.start, s2 = doc.sentences[2].span.start;
  event(0, -1, actor(0, "NGAMIL", "Nigeria", {16, 31}, "country"), "190", 4, {7, 15});
  event(1, actor(1, "TUR", "Turkey", {s1, s1 + 6}, "country"),
        actor(1, "TUR", "Turkey", {s1 + 27, s1 + 32}, "location"), "174", 4, {s1 + 7, s1 + 14});
  event(2, actor(2, "GBRCOP", "United Kingdom", {s2, s2 + 14}, "agent"),
        actor(2, "GBR", "United Kingdom", Span{}, "domestic"), "175", 4, {s2 + 15, s2 + 24});
  return doc;
}

class ImplicitExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = EventStore::Open(":memory:");
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    Document doc = ImplicitDoc();
    auto out = store_->Add(doc, doc.id, ContentHash(doc.text));
    ASSERT_TRUE(out.ok()) << out.status().ToString();
  }
  std::string Scalar(const std::string& sql) {
    std::string v = "?";
    EXPECT_TRUE(store_->Query(sql, {}, [&](const SqlRow& r) {
      v = r.IsNull(0) ? "NULL" : std::string(r.Text(0));
      return Status::OK();
    }).ok());
    return v;
  }
  std::vector<std::string> Export(ExportFormat format) {
    auto countries = CountryCodes::Load(CountryCodes::DefaultPath());
    EXPECT_TRUE(countries.ok()) << countries.status().ToString();
    std::string out;
    EXPECT_TRUE(ExportStore(store_.get(), format, *countries, [&](std::string_view s) {
      out += s;
      return Status::OK();
    }).ok());
    std::vector<std::string> lines;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  }
  std::unique_ptr<EventStore> store_;
};

std::vector<std::string> Columns(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  for (std::string f; std::getline(in, f, '\t');) out.push_back(f);
  if (!line.empty() && line.back() == '\t') out.push_back("");
  return out;
}

TEST_F(ImplicitExportTest, StoresNullSourceAndUnsaidTargets) {
  EXPECT_EQ(Scalar("SELECT count(*) FROM events"), "3");
  EXPECT_EQ(Scalar("SELECT source_code FROM mentions WHERE ordinal = 0"), "");
  EXPECT_EQ(Scalar("SELECT source_start FROM mentions WHERE ordinal = 0"), "NULL");
  EXPECT_EQ(Scalar("SELECT target_implicit FROM mentions WHERE ordinal = 0"), "NULL");
  EXPECT_EQ(Scalar("SELECT target_implicit FROM mentions WHERE ordinal = 1"), "location");
  EXPECT_NE(Scalar("SELECT target_start FROM mentions WHERE ordinal = 1"), "NULL");
  EXPECT_EQ(Scalar("SELECT target_implicit FROM mentions WHERE ordinal = 2"), "domestic");
  EXPECT_EQ(Scalar("SELECT target_start FROM mentions WHERE ordinal = 2"), "NULL");
  // The unsaid targets count as their countries in the actors table, not as a "location".
  EXPECT_EQ(Scalar("SELECT kind FROM actors WHERE code = 'TUR'"), "country");
  EXPECT_EQ(Scalar("SELECT kind FROM actors WHERE code = 'GBR'"), "country");
  // A null source is no actor in the rollups; its target still counts.
  EXPECT_EQ(Scalar("SELECT count(*) FROM rollup_actor_total WHERE actor = ''"), "0");
  EXPECT_EQ(Scalar("SELECT events FROM rollup_actor_total WHERE actor = 'NGAMIL'"), "1");
}

TEST_F(ImplicitExportTest, GdeltRowsKeepEmptyActor1AndUnsaidActor2) {
  std::vector<std::string> rows = Export(ExportFormat::kGdelt);
  ASSERT_EQ(rows.size(), 3u);
  for (const std::string& row : rows) ASSERT_EQ(Columns(row).size(), 61u) << row;
  std::vector<std::string> attack = Columns(rows[0]), curfew = Columns(rows[1]),
                           police = Columns(rows[2]);
  EXPECT_EQ(attack[5], "");         // Actor1Code
  EXPECT_EQ(attack[15], "NGAMIL");  // Actor2Code
  EXPECT_EQ(attack[35], "0");       // Actor1Geo_Type: no actor, no geography
  EXPECT_EQ(curfew[15], "TUR");
  EXPECT_EQ(curfew[45], "TU");      // Actor2Geo_CountryCode, FIPS
  EXPECT_EQ(police[15], "GBR");
  EXPECT_EQ(police[45], "UK");
}

TEST_F(ImplicitExportTest, GdeltMentionsHaveNoOffsetForActorsWithoutText) {
  std::vector<std::string> rows = Export(ExportFormat::kGdeltMentions);
  ASSERT_EQ(rows.size(), 3u);
  std::vector<std::string> attack = Columns(rows[0]), curfew = Columns(rows[1]),
                           police = Columns(rows[2]);
  ASSERT_EQ(attack.size(), 16u);
  EXPECT_EQ(attack[7], "-1");  // Actor1CharOffset: no source
  EXPECT_EQ(attack[8], "16");
  EXPECT_NE(curfew[8], "-1");  // the place names the unsaid target
  EXPECT_EQ(police[8], "-1");  // the source's own state: no text
}

TEST_F(ImplicitExportTest, PloverAndJsonLinesSayWhichTargetsAreUnsaid) {
  std::vector<std::string> plover = Export(ExportFormat::kPlover);
  ASSERT_EQ(plover.size(), 3u);
  EXPECT_NE(plover[0].find("\"actor\":null"), std::string::npos) << plover[0];
  EXPECT_NE(plover[0].find("\"recipient_code\":\"NGAMIL\""), std::string::npos);
  EXPECT_NE(plover[0].find("\"recipient_implicit\":null"), std::string::npos);
  EXPECT_NE(plover[1].find("\"recipient_implicit\":\"location\""), std::string::npos) << plover[1];
  EXPECT_NE(plover[2].find("\"recipient_implicit\":\"domestic\""), std::string::npos);
  EXPECT_NE(plover[2].find("\"target\":{\"code\":\"GBR\",\"span\":null,\"implicit\":\"domestic\"}"),
            std::string::npos) << plover[2];
  std::vector<std::string> jsonl = Export(ExportFormat::kJsonl);
  ASSERT_EQ(jsonl.size(), 3u);
  EXPECT_NE(jsonl[0].find("\"source_code\":\"\""), std::string::npos) << jsonl[0];
  EXPECT_NE(jsonl[0].find("\"source\":null"), std::string::npos);
  EXPECT_NE(jsonl[1].find("\"target_implicit\":\"location\""), std::string::npos) << jsonl[1];
}

}  // namespace
}  // namespace sitrep
