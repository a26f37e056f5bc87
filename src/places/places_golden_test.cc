// Golden cases against the real compiled gazetteer (build/gazetteer.bin with GeoNames
// cities1000). Skipped when the gazetteer or its GeoNames towns are absent.
#include <gtest/gtest.h>

#include "places/gazetteer.h"
#include "places/geoparser.h"
#include "places/places_test_data.h"

namespace sitrep {
namespace {

struct Golden {
  const char* text;
  const char* surface;
  const char* country;  // ISO alpha-2 of the expected place
  double lat, lon;      // expected coordinates, within 100 km
};

const Golden kCases[] = {
    {"Forces loyal to Haftar shelled Tripoli after taking Sirte and Misrata in Libya.", "Tripoli",
     "LY", 32.89, 13.19},
    {"Sunni and Alawite gunmen clashed in Tripoli, Lebanon's second city, near Beirut's north.",
     "Tripoli", "LB", 34.44, 35.85},
    {"The ship docked at Alexandria, the Mediterranean port west of Cairo.", "Alexandria", "EG",
     31.2, 29.92},
    {"The ceremony was held in Alexandria, Virginia, near Washington.", "Alexandria", "US", 38.8,
     -77.05},
    {"Russian bombers flew from the Hmeimim air base near Latakia.", "Hmeimim air base", "SY",
     35.40, 35.95},
    {"Two frigates returned to the Tartus naval facility in Syria.", "Tartus naval facility", "SY",
     34.9, 35.87},
    {"US-backed fighters are stationed at Al-Tanf, near the Jordanian border.", "Al-Tanf", "SY",
     33.5, 38.66},
    {"Grain ships left the Port of Odesa on Sunday.", "Port of Odesa", "UA", 46.5, 30.75},
};

TEST(PlacesGolden, AmbiguousPlacesAirBasesAndPorts) {
  auto g = Gazetteer::Load(Gazetteer::DefaultPath());
  if (!g.ok() || (*g)->Find("latakia").empty()) GTEST_SKIP() << "no compiled gazetteer with towns";
  Geoparser parser(**g);
  for (const Golden& c : kCases) {
    Document doc = testing::TEST_Document(c.text);
    std::vector<Toponym> found;
    parser.Parse(doc, &found);
    const Toponym* hit = nullptr;
    for (const Toponym& t : found) {
      if (doc.Slice(t.span) == c.surface) hit = &t;
    }
    ASSERT_NE(hit, nullptr) << c.text;
    Place p = (*g)->place(static_cast<uint32_t>(hit->place));
    EXPECT_EQ(p.country, c.country) << c.text;
    EXPECT_LT(DistanceKm(p.record->lat, p.record->lon, c.lat, c.lon), 100) << c.text;
  }
}

}  // namespace
}  // namespace sitrep
