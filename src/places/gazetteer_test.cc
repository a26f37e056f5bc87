#include "places/gazetteer.h"

#include <gtest/gtest.h>

#include <set>

#include "places/gazetteer_builder.h"
#include "places/place_name.h"
#include "places/places_test_data.h"

namespace sitrep {
namespace {

TEST(PlaceName, FoldsAccentsHyphensAndCase) {
  EXPECT_EQ(NormalizePlaceName("Al-Bab"), "al bab");
  EXPECT_EQ(NormalizePlaceName("Ḩalab"), "halab");
  EXPECT_EQ(NormalizePlaceName("Sant Julià de Lòria"), "sant julia de loria");
  EXPECT_EQ(NormalizePlaceName("St. Louis"), "st louis");
  EXPECT_EQ(NormalizePlaceName("Dar'ā"), "dara");
  EXPECT_TRUE(IsAsciiKey("tripoli"));
  EXPECT_FALSE(IsAsciiKey(NormalizePlaceName("Москва")));
}

TEST(Gazetteer, FindsAllPlacesOfAName) {
  auto g = testing::TEST_Gazetteer();
  ASSERT_NE(g, nullptr);
  auto found = g->Find("tripoli");
  ASSERT_EQ(found.size(), 2u);
  std::set<std::string> countries;
  for (const KeyRecord& k : found) countries.insert(std::string(g->place(k.place).country));
  EXPECT_EQ(countries, (std::set<std::string>{"LB", "LY"}));
  EXPECT_TRUE(g->Find("nowhere").empty());
}

TEST(Gazetteer, IndexesAlternateNamesAndCountries) {
  auto g = testing::TEST_Gazetteer();
  ASSERT_NE(g, nullptr);
  ASSERT_EQ(g->Find("tarabulus").size(), 2u);
  auto syria = g->Find("syria");
  ASSERT_EQ(syria.size(), 1u);
  Place p = g->place(syria[0].place);
  EXPECT_EQ(p.record->kind, PlaceKind::kCountry);
  EXPECT_EQ(g->Alpha3("SY"), "SYR");
  EXPECT_NEAR(p.record->lat, 35, 0.01);
}

TEST(Gazetteer, RegionsTakeCoordinatesFromTheirTowns) {
  auto g = testing::TEST_Gazetteer();
  ASSERT_NE(g, nullptr);
  auto virginia = g->Find("virginia");
  ASSERT_EQ(virginia.size(), 1u);
  Place p = g->place(virginia[0].place);
  EXPECT_EQ(p.record->kind, PlaceKind::kRegion);
  EXPECT_NEAR(p.record->lat, 38.4, 0.5);  // mean of the test's Virginian towns
  EXPECT_NEAR(p.record->lon, -77.8, 1.0);
}

TEST(Gazetteer, SupplementHasAirBasesAndPorts) {
  auto g = testing::TEST_Gazetteer();
  ASSERT_NE(g, nullptr);
  auto hmeimim = g->Find("hmeimim");
  ASSERT_EQ(hmeimim.size(), 1u);
  Place base = g->place(hmeimim[0].place);
  EXPECT_EQ(base.name, "Khmeimim Air Base");
  EXPECT_EQ(base.feature, "AIRB");
  EXPECT_EQ(base.record->kind, PlaceKind::kFacility);
  EXPECT_EQ(base.record->geonames_id, 0u);
  ASSERT_EQ(g->Find("tartus naval base").size(), 1u);
  EXPECT_EQ(g->place(g->Find("tartus naval base")[0].place).feature, "NVB");
}

TEST(Gazetteer, RejectsDamagedBytes) {
  EXPECT_FALSE(Gazetteer::FromBytes("not a gazetteer", "x").ok());
  GazetteerBuilder builder;
  ASSERT_TRUE(builder.AddSupplement(testing::TEST_Supplement(), "t").ok());
  std::string bytes = builder.Serialize();
  EXPECT_TRUE(Gazetteer::FromBytes(bytes, "x").ok());
  bytes.pop_back();
  EXPECT_FALSE(Gazetteer::FromBytes(bytes, "x").ok());
}

TEST(GazetteerBuilder, ReportsBadSupplementLines) {
  GazetteerBuilder builder;
  Status s = builder.AddSupplement("Nowhere\t\tnot-a-number\t1\tSY\tAIRB\t1\n", "sup.tsv");
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.ToString().find("sup.tsv:1"), std::string::npos);
}

TEST(Gazetteer, MissingFileIsNotFound) {
  auto g = Gazetteer::Load("/nonexistent/gazetteer.bin");
  EXPECT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace sitrep

namespace sitrep {
namespace {

TEST(GazetteerBuilder, AliasesAddKeysToCountriesAndReportUnknownTargets) {
  GazetteerBuilder builder;
  ASSERT_TRUE(builder.AddCountries(testing::TEST_Iso3166_1(), testing::TEST_Countries(), "t").ok());
  ASSERT_TRUE(builder.AddAliases("# adjectives\nSyrian\tSyria\tSY\n", "aliases.tsv").ok());
  Status bad = builder.AddAliases("Narnian\tNarnia\tNA\n", "aliases.tsv");
  EXPECT_FALSE(bad.ok());
  EXPECT_NE(bad.ToString().find("aliases.tsv:1"), std::string::npos);
  auto g = Gazetteer::FromBytes(builder.Serialize(), "t");
  ASSERT_TRUE(g.ok());
  auto syrian = (*g)->Find("syrian");
  ASSERT_EQ(syrian.size(), 1u);
  EXPECT_EQ((*g)->place(syrian[0].place).record->kind, PlaceKind::kCountry);
  EXPECT_EQ((*g)->place(syrian[0].place).name, "Syria");  // the common name, not the ISO name
}

}  // namespace
}  // namespace sitrep
