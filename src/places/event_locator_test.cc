#include "places/event_locator.h"

#include <gtest/gtest.h>

#include "places/places_test_data.h"

namespace sitrep {
namespace {

// Adds an event whose trigger is the first token spelled `trigger` in sentence `s`.
void AddEvent(Document* doc, uint32_t s, std::string_view trigger, const std::string& plover) {
  const Sentence& sent = doc->sentences[s];
  for (uint32_t i = sent.first_token; i < sent.first_token + sent.token_count; ++i) {
    if (doc->Slice(doc->tokens[i]) == trigger) {
      Event e;
      e.sentence = s;
      e.trigger_token = i;
      e.trigger = Span{doc->tokens[i].start, doc->tokens[i].end};
      e.plover = plover;
      doc->events.push_back(e);
      return;
    }
  }
  FAIL() << "no token " << trigger;
}

class EventLocatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    gazetteer_ = testing::TEST_Gazetteer();
    ASSERT_NE(gazetteer_, nullptr);
    parser_ = std::make_unique<Geoparser>(*gazetteer_);
  }
  void Locate(Document* doc) {
    std::vector<Toponym> toponyms;
    parser_->Parse(*doc, &toponyms);
    EventLocator(*parser_).Locate(toponyms, doc);
  }
  std::unique_ptr<Gazetteer> gazetteer_;
  std::unique_ptr<Geoparser> parser_;
};

TEST_F(EventLocatorTest, PrepositionalPhraseGivesTheCity) {
  Document doc = testing::TEST_Document("Syria said rebels attacked troops in Al-Bab.");
  AddEvent(&doc, 0, "attacked", "ASSAULT");
  Locate(&doc);
  ASSERT_TRUE(doc.events[0].has_location);
  EXPECT_EQ(doc.events[0].location.name, "Al Bab");
  EXPECT_EQ(doc.events[0].location.country, "SYR");
  EXPECT_EQ(doc.events[0].location.precision, "city");
  EXPECT_EQ(doc.Slice(doc.events[0].location.span), "Al-Bab");
}

TEST_F(EventLocatorTest, FromCountsOnlyForWithdrawals) {
  Document doc = testing::TEST_Document("Russia withdrew jets from Hmeimim air base.");
  AddEvent(&doc, 0, "withdrew", "RETREAT");
  Locate(&doc);
  ASSERT_TRUE(doc.events[0].has_location);
  EXPECT_EQ(doc.events[0].location.name, "Khmeimim Air Base");
  EXPECT_EQ(doc.events[0].location.precision, "point");

  Document other = testing::TEST_Document("Officials from Aleppo met Lebanon's envoy. They agreed.");
  AddEvent(&other, 1, "agreed", "AGREE");
  Locate(&other);
  ASSERT_TRUE(other.events[0].has_location);
  EXPECT_EQ(other.events[0].location.precision, "country");
  EXPECT_TRUE(other.events[0].location.span.empty());
}

TEST_F(EventLocatorTest, ThePlaceActedOnIsWhereItHappens) {
  // "Rebels shelled Aleppo on Sunday ." with a hand-made parse: Aleppo is the object.
  Document doc = testing::TEST_Document("Rebels shelled Aleppo on Sunday.");
  const Sentence& s = doc.sentences[0];
  ASSERT_EQ(s.token_count, 6u);
  const char* rels[] = {"nsubj", "root", "obj", "case", "obl", "punct"};
  const int heads[] = {1, -1, 1, 4, 1, 1};
  for (uint32_t i = 0; i < s.token_count; ++i) {
    doc.tokens[s.first_token + i].deprel = rels[i];
    doc.tokens[s.first_token + i].head = heads[i];
  }
  AddEvent(&doc, 0, "shelled", "ASSAULT");
  Locate(&doc);
  ASSERT_TRUE(doc.events[0].has_location);
  EXPECT_EQ(doc.events[0].location.name, "Aleppo");
  EXPECT_EQ(doc.Slice(doc.events[0].location.span), "Aleppo");
}

TEST_F(EventLocatorTest, NoPlaceAnywhereLeavesNoLocation) {
  Document doc = testing::TEST_Document("The officials met and agreed.");
  AddEvent(&doc, 0, "agreed", "AGREE");
  Locate(&doc);
  EXPECT_FALSE(doc.events[0].has_location);
}

}  // namespace
}  // namespace sitrep
