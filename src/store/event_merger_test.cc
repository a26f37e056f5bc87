#include "store/event_merger.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "store/event_store.h"

namespace sitrep {
namespace {

// A document whose sentences are `sentences`; each states one event by an actor whose
// surface is `speakers[i]` (coded `code`, canonical name `names[i]`) with CAMEO `cameo`.
Document Speeches(const std::string& id, const std::string& date,
                  const std::vector<std::string>& sentences,
                  const std::vector<std::string>& speakers, const std::vector<std::string>& names,
                  const std::string& code = "GBRGOV", const std::string& cameo = "010") {
  Document doc;
  doc.id = id;
  doc.date = date;
  for (size_t i = 0; i < sentences.size(); ++i) {
    uint32_t start = static_cast<uint32_t>(doc.text.size());
    doc.text += sentences[i] + " ";
    Sentence s;
    s.span = {start, start + static_cast<uint32_t>(sentences[i].size())};
    s.paragraph = static_cast<uint32_t>(i);
    doc.sentences.push_back(s);
    size_t at = sentences[i].find(speakers[i]);
    ActorMention a;
    a.sentence = static_cast<uint32_t>(i);
    a.code = code;
    a.name = names[i];
    a.span = {start + static_cast<uint32_t>(at), start + static_cast<uint32_t>(at + speakers[i].size())};
    doc.actors.push_back(a);
    Event e;
    e.sentence = static_cast<uint32_t>(i);
    e.source = static_cast<int32_t>(doc.actors.size() - 1);
    e.cameo = cameo;
    e.root = cameo.substr(0, 2);
    e.quad_class = cameo < "06" ? 1 : cameo < "10" ? 2 : cameo < "15" ? 3 : 4;
    size_t said = sentences[i].find("said");
    if (said != std::string::npos) {
      e.trigger = {start + static_cast<uint32_t>(said), start + static_cast<uint32_t>(said + 4)};
    }
    doc.events.push_back(e);
  }
  return doc;
}

int64_t Events(EventStore* store) {
  int64_t n = -1;
  EXPECT_TRUE(store->Query("SELECT count(*) FROM events", {}, [&](const SqlRow& r) {
    n = r.Int(0);
    return Status::OK();
  }).ok());
  return n;
}

std::unique_ptr<EventStore> Open() { return EventStore::Open(":memory:").value(); }

TEST(SpeakerKey, NamedActorsByNameCommonNounsKeepTheNoun) {
  Document doc = Speeches("a", "", {"Mr Blair said no.", "The secretary said yes.", "He said so."},
                          {"Mr Blair", "The secretary", "He"},
                          {"Tony Blair", "United Kingdom government", "Tony Blair"});
  EXPECT_EQ(SpeakerKey(doc, 0), "Tony Blair");
  EXPECT_EQ(SpeakerKey(doc, 1), "United Kingdom government|secretary");
  EXPECT_EQ(SpeakerKey(doc, 2), "Tony Blair");  // a pronoun stands for the coder's actor
  doc.actors[1].kind = "person";                // the coder knows it names one person
  EXPECT_EQ(SpeakerKey(doc, 1), "United Kingdom government");
  EXPECT_EQ(SpeakerKey(doc, -1), "");
}

// Tags the words of every sentence of *doc (split at spaces; "." is its own token) with
// `tags[i]`, one UPOS per token, and points each actor at its tokens.
void Tag(Document* doc, const std::vector<std::vector<std::string>>& tags) {
  for (size_t i = 0; i < doc->sentences.size(); ++i) {
    Sentence& s = doc->sentences[i];
    s.first_token = static_cast<uint32_t>(doc->tokens.size());
    std::string_view text = doc->Slice(s.span);
    for (size_t at = 0, n = 0; at < text.size(); ++n) {
      size_t end = text.find_first_of(" .", at);
      if (end == at) end = at + 1;
      if (end == std::string_view::npos) end = text.size();
      Token t;
      t.start = s.span.start + static_cast<uint32_t>(at);
      t.end = s.span.start + static_cast<uint32_t>(end);
      t.upos = n < tags[i].size() ? tags[i][n] : "X";
      doc->tokens.push_back(t);
      at = end;
      while (at < text.size() && text[at] == ' ') ++at;
    }
    s.token_count = static_cast<uint32_t>(doc->tokens.size()) - s.first_token;
  }
  for (ActorMention& a : doc->actors) {
    for (size_t t = 0; t < doc->tokens.size(); ++t) {
      if (doc->tokens[t].start == a.span.start) a.first_token = static_cast<uint32_t>(t);
      if (doc->tokens[t].end == a.span.end) a.last_token = static_cast<uint32_t>(t);
    }
  }
}

// Regression (BBC politics/388): "Tory spokesman Simon Burns" and "Health spokesman Paul
// Burstow" were one speaker ("United Kingdom government|spokesman") and their statements
// one event.
TEST(SpeakerKey, APersonNamedAfterTheActorIsPartOfTheKey) {
  Document doc = Speeches("a", "", {"Tory spokesman Simon Burns said no.",
                                    "Health spokesman Paul Burstow said yes.",
                                    "Tory frontbencher John Redwood said so.",
                                    "Police said Gallagher kicked him."},
                          {"Tory spokesman", "Health spokesman", "Tory", "Police"},
                          {"United Kingdom government", "United Kingdom government",
                           "Conservative Party", "Germany police"});
  doc.actors[2].kind = "party";
  Tag(&doc, {{"PROPN", "NOUN", "PROPN", "PROPN", "VERB", "INTJ", "PUNCT"},
             {"NOUN", "NOUN", "PROPN", "PROPN", "VERB", "INTJ", "PUNCT"},
             {"PROPN", "NOUN", "PROPN", "PROPN", "VERB", "ADV", "PUNCT"},
             {"NOUN", "VERB", "PROPN", "VERB", "PRON", "PUNCT"}});
  EXPECT_EQ(SpeakerKey(doc, 0), "United Kingdom government|spokesman|burns");
  EXPECT_EQ(SpeakerKey(doc, 1), "United Kingdom government|spokesman|burstow");
  EXPECT_EQ(SpeakerKey(doc, 2), "Conservative Party|redwood");
  EXPECT_EQ(SpeakerKey(doc, 3), "Germany police");  // a verb comes first: no apposition
  auto store = Open();
  ASSERT_TRUE(store->Add(doc, doc.id, ContentHash(doc.text)).ok());
  EXPECT_EQ(Events(store.get()), 4);
}

TEST(ContentWords, DropsShortWordsStopWordsAndExclusions) {
  WordSet stop = {"the", "about"};
  std::vector<std::string> words =
      ContentWords("The Treaty is about the EU treaty, Blair said.", stop, {"blair", "said"});
  EXPECT_EQ(words, (std::vector<std::string>{"treaty"}));
  EXPECT_EQ(SharedWordCount({"a", "c", "d"}, {"b", "c", "d", "e"}), 2u);
}

TEST(EventMerge, StatementsByDifferentSpeakersOfOneCodeStayApart) {
  auto store = Open();
  Document doc = Speeches(
      "a", "2005-02-01",
      {"Mr Blair said the treaty was good.", "Michael Howard said the treaty was bad.",
       "Tony Blair said Britain would vote."},
      {"Mr Blair", "Michael Howard", "Tony Blair"}, {"Tony Blair", "Michael Howard", "Tony Blair"});
  ASSERT_TRUE(store->Add(doc, doc.id, 1).ok());
  EXPECT_EQ(Events(store.get()), 2);  // Blair twice (one statement), Howard once
}

TEST(EventMerge, StatementsInOtherDocumentsNeedSharedContent) {
  auto store = Open();
  Document a = Speeches("a", "2005-02-01", {"Mr Blair said control orders were needed."},
                        {"Mr Blair"}, {"Tony Blair"});
  Document b = Speeches("b", "2005-02-02", {"Tony Blair said control orders would be rare."},
                        {"Tony Blair"}, {"Tony Blair"});
  Document c = Speeches("c", "2005-02-02", {"Mr Blair said the economy was strong."},
                        {"Mr Blair"}, {"Tony Blair"});
  ASSERT_TRUE(store->Add(a, a.id, 1).ok());
  ASSERT_TRUE(store->Add(b, b.id, 2).ok());  // shares "control", "orders": merges
  ASSERT_TRUE(store->Add(c, c.id, 3).ok());  // another subject: a new statement
  EXPECT_EQ(Events(store.get()), 2);
}

TEST(EventMerge, MaterialEventsIgnoreSpeakersAndWords) {
  auto store = Open();
  Document a = Speeches("a", "2016-03-01", {"The army shelled Donetsk."}, {"army"},
                        {"Russia military"}, "RUSMIL", "190");
  Document b = Speeches("b", "2016-03-02", {"Russian troops attacked positions."}, {"troops"},
                        {"Russia military"}, "RUSMIL", "190");
  ASSERT_TRUE(store->Add(a, a.id, 1).ok());
  ASSERT_TRUE(store->Add(b, b.id, 2).ok());
  EXPECT_EQ(Events(store.get()), 1);
}

TEST(LoadStopWords, ReportsFileAndLineOfABadLine) {
  std::string path = ::testing::TempDir() + "/sitrep_stop_words_" + std::to_string(getpid()) + ".txt";
  FILE* f = std::fopen(path.c_str(), "w");
  std::fputs("# comment\nthe\nand # inline\nTwo Words\n", f);
  std::fclose(f);
  auto words = LoadStopWords(path);
  ASSERT_FALSE(words.ok());
  EXPECT_NE(words.status().message().find(":4:"), std::string::npos) << words.status().ToString();
  f = std::fopen(path.c_str(), "w");
  std::fputs("# comment\nthe\nand # inline\n", f);
  std::fclose(f);
  words = LoadStopWords(path);
  ASSERT_TRUE(words.ok());
  EXPECT_EQ(words->size(), 2u);
  EXPECT_TRUE(words->count("and"));
}

TEST(LoadStopWords, TheShippedListLoads) {
  auto words = LoadStopWords(std::string(SITREP_SOURCE_DIR) + "/data/store/stopwords.txt");
  ASSERT_TRUE(words.ok()) << words.status().ToString();
  EXPECT_TRUE(words->count("said"));
}

}  // namespace
}  // namespace sitrep
