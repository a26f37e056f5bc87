#include "places/geoparser.h"

#include <gtest/gtest.h>

#include "places/places_test_data.h"
#include "places/toponym_recognizer.h"

namespace sitrep {
namespace {

class GeoparserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    gazetteer_ = testing::TEST_Gazetteer();
    ASSERT_NE(gazetteer_, nullptr);
  }
  // The resolved toponyms of `text`, as "surface=CC" strings.
  std::vector<std::string> Parse(const std::string& text) {
    Geoparser parser(*gazetteer_);
    Document doc = testing::TEST_Document(text);
    std::vector<Toponym> out;
    parser.Parse(doc, &out);
    std::vector<std::string> result;
    for (const Toponym& t : out) {
      result.push_back(std::string(doc.Slice(t.span)) + "=" +
                       std::string(gazetteer_->place(static_cast<uint32_t>(t.place)).country));
    }
    return result;
  }
  std::unique_ptr<Gazetteer> gazetteer_;
};

TEST_F(GeoparserTest, TripoliFollowsTheDocumentsCountry) {
  auto libya = Parse("Militias clashed in Benghazi. Later, fighting spread to Tripoli.");
  ASSERT_EQ(libya.size(), 2u);
  EXPECT_EQ(libya[1], "Tripoli=LY");
  auto lebanon = Parse("Protesters marched in Beirut. In Tripoli, shops were closed. Lebanon mourned.");
  ASSERT_EQ(lebanon.size(), 3u);
  EXPECT_EQ(lebanon[1], "Tripoli=LB");
}

TEST_F(GeoparserTest, AlexandriaByPopulationUnlessAParentIsNamed) {
  auto egypt = Parse("A ferry sank near Alexandria on Monday.");
  ASSERT_EQ(egypt.size(), 1u);
  EXPECT_EQ(egypt[0], "Alexandria=EG");
  auto virginia = Parse("The council met in Alexandria, Virginia, on Monday.");
  ASSERT_EQ(virginia.size(), 2u);
  EXPECT_EQ(virginia[0], "Alexandria=US");
  EXPECT_EQ(virginia[1], "Virginia=US");
}

TEST_F(GeoparserTest, ParentRegionAfterAComma) {
  auto found = Parse("Shelling hit Al-Bab, Aleppo province, overnight.");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0], "Al-Bab=SY");
  EXPECT_EQ(found[1], "Aleppo province=SY");
}

TEST_F(GeoparserTest, AirBaseAndNavalFacility) {
  auto found = Parse("Russian jets left Hmeimim air base, and ships stayed at the Tartus naval base.");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0], "Hmeimim air base=SY");
  EXPECT_EQ(found[1], "Tartus naval base=SY");
}

TEST(Geography, DistanceAndPrecision) {
  EXPECT_NEAR(DistanceKm(32.88743, 13.18733, 34.43667, 35.84972), 2080, 30);
  EXPECT_NEAR(DistanceKm(10, 10, 10, 10), 0, 1e-9);
}

}  // namespace
}  // namespace sitrep

namespace sitrep {
namespace {

TEST(GeoparserSubdivisions, ATownNameBeforeCountyNeedsARegionalAnchor) {
  auto g = testing::TEST_Gazetteer();
  ASSERT_NE(g, nullptr);
  Geoparser parser(*g);
  std::vector<Toponym> alone, anchored;
  Document a = testing::TEST_Document("Deputies patrolled Charlottesville County roads.");
  parser.Parse(a, &alone);
  EXPECT_TRUE(alone.empty());
  Document b = testing::TEST_Document("Deputies from Alexandria patrolled Charlottesville County roads.");
  parser.Parse(b, &anchored);
  ASSERT_EQ(anchored.size(), 2u);
  EXPECT_EQ(b.Slice(anchored[1].span), "Charlottesville");
}

}  // namespace
}  // namespace sitrep
