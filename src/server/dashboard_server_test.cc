// API tests: the real server on a loopback port, driven over HTTP.
#include "server/dashboard_server.h"

#include <httplib.h>

#include <gtest/gtest.h>
#include <simdjson.h>

#include "server/server_test_data.h"

namespace sitrep::server {
namespace {

using testing::TempDir;

constexpr char kToken[] = "0123456789abcdef-test-token";

class DashboardServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    db_ = dir_->path() + "/events.db";
    testing::WriteTestStore(db_);
    testing::WriteTestPage(dir_->path() + "/web");
    ServerOptions options;
    options.port = 0;
    options.threads = 2;
    options.web_dir = dir_->path() + "/web";
    options.max_body_bytes = 64 << 10;
    server_ = DashboardServer::Start(db_, options).value().release();
    // The ingest server writes to a store of its own, so tests do not see each other's posts.
    std::string ingest_db = dir_->path() + "/ingest.db";
    testing::WriteTestStore(ingest_db);
    options.allow_ingest = true;
    options.ingest_token = kToken;
    ingest_server_ = DashboardServer::Start(ingest_db, options, testing::FakeCoder).value().release();
  }
  static void TearDownTestSuite() {
    delete server_;
    delete ingest_server_;
    delete dir_;
  }

  static httplib::Result Get(const std::string& path, DashboardServer* s = nullptr) {
    httplib::Client client("127.0.0.1", (s ? s : server_)->port());
    return client.Get(path.c_str());
  }
  static simdjson::dom::element Json(const httplib::Result& res) {
    static simdjson::dom::parser parser;  // one document at a time per test
    return parser.parse(res->body);
  }

  static TempDir* dir_;
  static std::string db_;
  static DashboardServer* server_;
  static DashboardServer* ingest_server_;
};

TempDir* DashboardServerTest::dir_ = nullptr;
std::string DashboardServerTest::db_;
DashboardServer* DashboardServerTest::server_ = nullptr;
DashboardServer* DashboardServerTest::ingest_server_ = nullptr;

TEST_F(DashboardServerTest, HealthCountsTheStore) {
  auto res = Get("/api/health");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8");
  auto json = Json(res);
  EXPECT_EQ(std::string_view(json["status"]), "ok");
  EXPECT_EQ(int64_t(json["documents"]), 4);
  EXPECT_EQ(int64_t(json["events"]), 3);
  EXPECT_EQ(int64_t(json["mentions"]), 4);
  EXPECT_FALSE(bool(json["ingest"]));
}

TEST_F(DashboardServerTest, EventsAreFilteredAndSorted) {
  auto all = Json(Get("/api/events"));
  EXPECT_EQ(int64_t(all["total"]), 3);
  auto rus = Get("/api/events?actor=RUSMIL");
  auto json = Json(rus);
  EXPECT_EQ(int64_t(json["total"]), 1);
  auto first = json["events"].at(0);
  EXPECT_EQ(std::string_view(first["source_code"]), "RUSMIL");
  EXPECT_EQ(int64_t(first["num_mentions"]), 2);
  EXPECT_EQ(std::string_view(first["place"]["name"]), "Aleppo");
  auto sorted = Json(Get("/api/events?sort=goldstein&order=asc&limit=2"));
  EXPECT_EQ(sorted["events"].get_array().size(), 2u);
  EXPECT_EQ(double(sorted["events"].at(0)["goldstein"]), -10.0);
  auto dyad = Json(Get("/api/events?dyad=RUS-SYR&from=2016-03-12&to=2016-03-31"));
  EXPECT_EQ(int64_t(dyad["total"]), 1);
  auto name = Json(Get("/api/events?actor=Washington"));
  EXPECT_EQ(int64_t(name["total"]), 1);
}

TEST_F(DashboardServerTest, BadParametersGet400WithAMessage) {
  const std::pair<const char*, const char*> cases[] = {
      {"/api/events?quad=9", "quad"},
      {"/api/events?from=2016-13-01", "from"},
      {"/api/events?colour=red", "unknown parameter"},
      {"/api/events?limit=100000", "limit"},
      {"/api/events?limit=-1", "limit"},
      {"/api/events?dyad=RUS", "dyad"},
      {"/api/events?near=abc", "near"},
      {"/api/events?actor=RUS&actor=SYR", "more than once"},
      {"/api/events?sort=random", "sort"},
      {"/api/events?source=R%27%3B%20DROP", "source"},
      {"/api/aggregate?period=year", "period"},
      {"/api/aggregate?by=place&level=country", "level"},
      {"/api/map?zoom=40", "zoom"},
      {"/api/events?from=2016-04-01&to=2016-03-01", "before it starts"},
      {"/api/events/abc", "event id"},
      {"/api/health?x=1", "no parameters"},
  };
  for (const auto& [path, words] : cases) {
    auto res = Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 400) << path;
    auto json = Json(res);
    std::string_view error = json["error"];
    EXPECT_NE(error.find(words), std::string_view::npos) << path << ": " << error;
  }
}

TEST_F(DashboardServerTest, UnknownThingsGet404) {
  EXPECT_EQ(Get("/api/events/999999")->status, 404);
  EXPECT_EQ(Get("/api/nothing")->status, 404);
  EXPECT_EQ(Get("/no-such-file.js")->status, 404);
}

TEST_F(DashboardServerTest, EventListsEveryMentionWithHighlightedEvidence) {
  auto list = Json(Get("/api/events?actor=RUSMIL"));
  int64_t id = list["events"].at(0)["id"];
  auto json = Json(Get("/api/events/" + std::to_string(id)));
  EXPECT_EQ(std::string_view(json["event"]["place_precision"]), "city");
  auto mentions = json["mentions"].get_array();
  ASSERT_EQ(mentions.size(), 2u);
  auto segments = mentions.at(0)["segments"].get_array();
  std::string trigger, source;
  for (auto seg : segments) {
    std::string_view role;
    if (seg["role"].get(role)) continue;
    if (role == "trigger") trigger = std::string(std::string_view(seg["text"]));
    if (role == "source") source = std::string(std::string_view(seg["text"]));
  }
  EXPECT_EQ(trigger, "struck");
  auto spans = mentions.at(0)["spans"];
  int64_t start = spans["trigger"].at(0), end = spans["trigger"].at(1);
  EXPECT_EQ(end - start, 6);  // "struck", as byte offsets into the document
  EXPECT_EQ(source, "Russian jets");
  EXPECT_EQ(std::string_view(mentions.at(0)["document"]["url"]), "https://news.example/d1");
  EXPECT_EQ(std::string_view(mentions.at(0)["date_precision"]), "day");
}

TEST_F(DashboardServerTest, ScriptInsideAnArticleStaysText) {
  auto res = Get("/api/events?actor=USA");
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
  auto json = Json(res);
  std::string_view evidence = json["events"].at(0)["evidence"];
  EXPECT_NE(evidence.find("<script>alert(1)</script>"), std::string_view::npos);
  int64_t id = json["events"].at(0)["id"];
  auto detail = Get("/api/events/" + std::to_string(id));
  EXPECT_EQ(detail->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_NE(detail->body.find("<script>alert(1)</script>"), std::string::npos);
}

TEST_F(DashboardServerTest, AggregatesSplitCooperationFromConflict) {
  auto json = Json(Get("/api/aggregate?by=none&period=month"));
  auto series = json["groups"].at(0)["series"].get_array();
  ASSERT_EQ(series.size(), 2u);
  EXPECT_EQ(std::string_view(series.at(0)["period"]), "2016-03");
  EXPECT_EQ(int64_t(series.at(0)["events"]), 2);
  EXPECT_EQ(int64_t(series.at(0)["coop_events"]), 1);
  EXPECT_EQ(int64_t(series.at(0)["conflict_events"]), 1);
  EXPECT_EQ(double(series.at(0)["coop_goldstein"]), 8.0);
  EXPECT_EQ(double(series.at(0)["conflict_goldstein"]), -10.0);
  auto dyads = Json(Get("/api/aggregate?by=dyad&period=all&level=country"));
  EXPECT_EQ(dyads["groups"].get_array().size(), 2u);  // RUS-SYR (two codes, two events), USA-RUS
  auto actors = Json(Get("/api/aggregate?by=actor&period=week&actor=RUS"));
  EXPECT_EQ(std::string_view(actors["groups"].at(0)["actor"]), "RUS");
  auto places = Json(Get("/api/aggregate?by=place&period=day"));
  EXPECT_EQ(places["groups"].get_array().size(), 2u);
  // The bounding box is answered by the server's own scan, with the same shape.
  auto boxed = Json(Get("/api/aggregate?by=none&period=month&bbox=36,33,38,37"));
  EXPECT_EQ(int64_t(boxed["groups"].at(0)["events"]), 2);
  EXPECT_EQ(int64_t(boxed["groups"].at(0)["coop_events"]), 1);
  auto boxed_dyads = Json(Get("/api/aggregate?by=dyad&period=all&level=country&bbox=36,33,38,37"));
  EXPECT_EQ(std::string_view(boxed_dyads["groups"].at(0)["source"]), "RUS");
}

TEST_F(DashboardServerTest, MapClustersPointsByZoom) {
  auto world = Json(Get("/api/map?zoom=0"));
  EXPECT_EQ(world["clusters"].get_array().size(), 1u);  // Aleppo and Damascus share a cell
  EXPECT_EQ(int64_t(world["clusters"].at(0)["events"]), 2);
  auto close = Json(Get("/api/map?zoom=6"));
  EXPECT_EQ(close["clusters"].get_array().size(), 2u);
  int64_t assaults = 0;
  for (auto c : close["clusters"].get_array()) assaults += int64_t(c["quad"].at(3));
  EXPECT_EQ(assaults, 1);  // Aleppo's
  auto boxed = Json(Get("/api/map?zoom=6&bbox=36,33,37,34"));
  EXPECT_EQ(boxed["clusters"].get_array().size(), 1u);
}

// The map reads rollup_place_quad without a filter or with a quad class, and the kSeries
// rollups under other filters (here a date range holding every event): same counts.
TEST_F(DashboardServerTest, MapFromThePlaceRollupEqualsTheMapFromTheSeries) {
  for (const char* extra : {"", "&quad=4"}) {
    auto rollup = Json(Get(std::string("/api/map?zoom=6") + extra));
    auto series = Json(Get(std::string("/api/map?zoom=6&from=1900-01-01") + extra));
    auto a = rollup["clusters"].get_array(), b = series["clusters"].get_array();
    ASSERT_EQ(a.size(), b.size()) << extra;
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(int64_t(a.at(i)["events"]), int64_t(b.at(i)["events"])) << extra;
      for (size_t q = 0; q < 4; ++q) {
        EXPECT_EQ(int64_t(a.at(i)["quad"].at(q)), int64_t(b.at(i)["quad"].at(q))) << extra;
      }
    }
  }
}

TEST_F(DashboardServerTest, ListsActorsDyadsAndPlaces) {
  auto actors = Json(Get("/api/actors?q=rus"));
  EXPECT_GE(actors["actors"].get_array().size(), 2u);
  auto dyads = Json(Get("/api/dyads?limit=1&target=SYRREB"));
  EXPECT_EQ(std::string_view(dyads["dyads"].at(0)["source"]), "RUSMIL");
  EXPECT_EQ(int64_t(dyads["dyads"].at(0)["mentions"]), 2);
  auto places = Json(Get("/api/places?q=alep"));
  EXPECT_EQ(std::string_view(places["places"].at(0)["name"]), "Aleppo");
}

TEST_F(DashboardServerTest, StaticFilesCarryTheSecurityPolicyAndNeverEscapeTheFolder) {
  auto index = Get("/");
  ASSERT_EQ(index->status, 200);
  EXPECT_NE(index->get_header_value("Content-Security-Policy").find("script-src 'self'"),
            std::string::npos);
  EXPECT_EQ(index->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(Get("/assets/app.js")->status, 200);
  httplib::Client client("127.0.0.1", server_->port());
  auto gz = client.Get("/", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(gz);
  EXPECT_EQ(gz->get_header_value("Content-Encoding"), "gzip");
  EXPECT_EQ(gz->body, index->body);  // the client inflates it
  for (const char* path : {"/../events.db", "/assets/../../events.db", "/%2e%2e/events.db",
                           "/assets/%2e%2e/%2e%2e/events.db", "/..%2fevents.db", "//etc/passwd"}) {
    auto res = Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_NE(res->status, 200) << path;
    EXPECT_EQ(res->body.find("SQLite"), std::string::npos) << path;
  }
}

TEST_F(DashboardServerTest, ForeignHostNamesAreRefused) {
  httplib::Client client("127.0.0.1", server_->port());
  auto res = client.Get("/api/health", {{"Host", "attacker.example"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
}

TEST_F(DashboardServerTest, IngestIsOffByDefault) {
  httplib::Client client("127.0.0.1", server_->port());
  auto res = client.Post("/api/ingest", "Russia met Syria", "text/plain");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
}

TEST_F(DashboardServerTest, IngestNeedsTheToken) {
  httplib::Client client("127.0.0.1", ingest_server_->port());
  EXPECT_EQ(client.Post("/api/ingest", "Russia met Syria", "text/plain")->status, 401);
  EXPECT_EQ(client.Post("/api/ingest", {{"Authorization", "Bearer wrong-token-of-some-size"}},
                        "Russia met Syria", "text/plain")->status, 401);
}

TEST_F(DashboardServerTest, IngestCodesAndStoresAnArticle) {
  httplib::Client client("127.0.0.1", ingest_server_->port());
  httplib::Headers auth = {{"Authorization", std::string("Bearer ") + kToken}};
  auto preview = client.Post("/api/ingest?store=0&date=2016-05-01", auth,
                             "Moscow met <b>Damascus</b>", "text/plain");
  ASSERT_EQ(preview->status, 200) << preview->body;
  auto json = Json(preview);
  EXPECT_FALSE(bool(json["stored"]));
  EXPECT_EQ(json["documents"].at(0)["events"].get_array().size(), 1u);
  EXPECT_EQ(std::string_view(json["documents"].at(0)["segments"].at(1)["text"]), " ");
  EXPECT_EQ(int64_t(Json(Get("/api/health", ingest_server_))["events"]), 3);

  auto stored = client.Post("/api/ingest?date=2016-05-01&id=posted-1", auth,
                            "Moscow met Damascus", "text/plain");
  ASSERT_EQ(stored->status, 200) << stored->body;
  EXPECT_TRUE(bool(Json(stored)["documents"].at(0)["added"]));
  EXPECT_EQ(int64_t(Json(Get("/api/events?cameo=040", ingest_server_))["total"]), 1);

  std::string batch = "{\"id\":\"b1\",\"date\":\"2016-05-02\",\"text\":\"Ankara met Tehran\"}\n"
                      "not json\n";
  auto lines = client.Post("/api/ingest?store=0", auth, batch, "application/x-ndjson");
  ASSERT_EQ(lines->status, 200) << lines->body;
  auto bj = Json(lines);
  EXPECT_EQ(bj["documents"].get_array().size(), 1u);
  EXPECT_EQ(bj["errors"].get_array().size(), 1u);
  EXPECT_NE(std::string_view(bj["errors"].at(0)).find("line 2"), std::string_view::npos);
}

TEST_F(DashboardServerTest, IngestRejectsBadBodies) {
  httplib::Client client("127.0.0.1", ingest_server_->port());
  httplib::Headers auth = {{"Authorization", std::string("Bearer ") + kToken}};
  EXPECT_EQ(client.Post("/api/ingest", auth, "x", "application/pdf")->status, 400);
  EXPECT_EQ(client.Post("/api/ingest", auth, "  ", "text/plain")->status, 400);
  EXPECT_EQ(client.Post("/api/ingest?colour=red", auth, "a met b", "text/plain")->status, 400);
  std::string huge(100 << 10, 'a');
  auto res = client.Post("/api/ingest", auth, huge, "text/plain");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
}

TEST(DashboardServer, StartFailsClearly) {
  TempDir dir;
  ServerOptions options;
  options.port = 0;
  EXPECT_FALSE(DashboardServer::Start(dir.path() + "/missing.db", options).ok());
  options.allow_ingest = true;
  options.ingest_token = "short";
  auto st = DashboardServer::Start(dir.path() + "/missing.db", options, testing::FakeCoder);
  EXPECT_FALSE(st.ok());
}

}  // namespace
}  // namespace sitrep::server
