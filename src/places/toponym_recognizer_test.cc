#include "places/toponym_recognizer.h"

#include <gtest/gtest.h>

#include "places/places_test_data.h"

namespace sitrep {
namespace {

std::vector<std::string> Recognize(const Gazetteer& g, const std::string& text) {
  ToponymRecognizer recognizer(g);
  Document doc = testing::TEST_Document(text);
  std::vector<Toponym> out;
  recognizer.Recognize(doc, &out);
  std::vector<std::string> surfaces;
  for (const Toponym& t : out) surfaces.push_back(std::string(doc.Slice(t.span)));
  return surfaces;
}

TEST(ToponymRecognizer, OrdinaryWordsNeverMatch) {
  auto g = testing::TEST_Gazetteer();
  ASSERT_NE(g, nullptr);
  EXPECT_TRUE(Recognize(*g, "Of the many bars, the bar was full.").empty());
  EXPECT_TRUE(Recognize(*g, "Bar staff went home. Of course they did.").empty());
}

TEST(ToponymRecognizer, FindsNamesWithOffsets) {
  auto g = testing::TEST_Gazetteer();
  ASSERT_NE(g, nullptr);
  ToponymRecognizer recognizer(*g);
  Document doc = testing::TEST_Document("Troops entered Al-Bab and Syria's north.");
  std::vector<Toponym> out;
  recognizer.Recognize(doc, &out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(doc.Slice(out[0].span), "Al-Bab");
  EXPECT_EQ(out[0].span.start, 15u);
  EXPECT_EQ(out[0].key, "al bab");
  EXPECT_EQ(doc.Slice(out[1].span), "Syria");
}

TEST(ToponymRecognizer, PartialMatchesOfPersonNamesAreNotPlaces) {
  auto g = testing::TEST_Gazetteer();
  ASSERT_NE(g, nullptr);
  EXPECT_TRUE(Recognize(*g, "Speaker Tripoli Jones spoke to Mr. Alexandria.").empty());
}

TEST(ToponymRecognizer, DemonymsAreNotPlaces) {
  auto g = testing::TEST_Gazetteer();
  ASSERT_NE(g, nullptr);
  EXPECT_TRUE(Recognize(*g, "The Libyans and the Egyptians met.").empty());
}

TEST(ToponymRecognizer, NamedEntitiesOfTypePersonVetoTowns) {
  auto g = testing::TEST_Gazetteer();
  ASSERT_NE(g, nullptr);
  ToponymRecognizer recognizer(*g);
  Document doc = testing::TEST_Document("Yesterday Alexandria smiled.");
  EntityMention person;
  person.sentence = 0;
  person.first_token = 1;
  person.last_token = 1;
  person.type = "person";
  doc.entities.push_back(person);
  std::vector<Toponym> out;
  recognizer.Recognize(doc, &out);
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace sitrep
