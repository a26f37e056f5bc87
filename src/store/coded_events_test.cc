#include "store/coded_events.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace sitrep {
namespace {

// Two lines of `sitrep code` output for one document: a null source, and a target the text
// leaves unsaid (the source's own state, with an empty span).
const char kLines[] =
    R"({"event_id":"d:0:0","doc_id":"d","doc_date":"2016-03-15","url":null,"sentence_index":0,)"
    R"("sentence":"Gunmen attacked Nigerian troops.","start":0,"end":32,"source":null,)"
    R"("target":{"code":"NGAMIL","name":"Nigeria","text":"Nigerian troops","start":16,"end":31},)"
    R"("cameo":"190","root":"19","quad_class":4,"goldstein":-10,"plover":"ASSAULT",)"
    R"("trigger":{"text":"attacked","start":7,"end":15},"modality":"asserted"})"
    "\n"
    R"({"event_id":"d:1:0","doc_id":"d","doc_date":"2016-03-15","url":null,"sentence_index":1,)"
    R"("sentence":"Police dispersed the crowd.","start":33,"end":60,)"
    R"("source":{"code":"GBRCOP","name":"United Kingdom","text":"Police","start":33,"end":39},)"
    R"("target":{"code":"GBR","name":"United Kingdom","text":"","start":0,"end":0,"implicit":"domestic"},)"
    R"("cameo":"175","root":"17","quad_class":4,"goldstein":-9,"plover":"COERCE",)"
    R"("trigger":{"text":"dispersed","start":40,"end":49},"modality":"asserted"})"
    "\n";

TEST(CodedEvents, KeepsNullSourcesAndUnsaidTargets) {
  std::string path = ::testing::TempDir() + "/sitrep_coded_" + std::to_string(getpid()) + ".jsonl";
  std::ofstream(path) << kLines;
  std::vector<Document> docs;
  int errors = 0;
  Status st = ReadCodedEvents(path, [&](Document&& d) {
    docs.push_back(std::move(d));
    return Status::OK();
  }, [&](const Status&) { ++errors; });
  std::remove(path.c_str());
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(errors, 0);
  ASSERT_EQ(docs.size(), 1u);
  const Document& doc = docs[0];
  ASSERT_EQ(doc.events.size(), 2u);
  EXPECT_EQ(doc.events[0].source, -1);
  ASSERT_GE(doc.events[0].target, 0);
  EXPECT_EQ(doc.actors[doc.events[0].target].kind, "");
  ASSERT_GE(doc.events[1].target, 0);
  const ActorMention& unsaid = doc.actors[doc.events[1].target];
  EXPECT_EQ(unsaid.code, "GBR");
  EXPECT_EQ(unsaid.kind, "domestic");
  EXPECT_TRUE(unsaid.span.empty());
  EXPECT_EQ(doc.Slice(doc.sentences[1].span), "Police dispersed the crowd.");
}

}  // namespace
}  // namespace sitrep
