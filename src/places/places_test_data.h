// Test-only: a small gazetteer built in memory from literal sources, for the place tests.
#pragma once

#include <memory>
#include <string>

#include "places/gazetteer.h"
#include "places/gazetteer_builder.h"
#include "text/segmenter.h"

namespace sitrep::testing {

// GeoNames-format lines: id, name, ascii, alternates, lat, lon, class, code, cc, cc2, admin1,
// admin2, admin3, admin4, population.
inline std::string TEST_GeoNamesLines() {
  return "2210247\tTripoli\tTripoli\tTarabulus,Tripoli of Libya\t32.88743\t13.18733\tP\tPPLC\tLY\t\t77\t\t\t\t1150989\n"
         "266826\tTripoli\tTripoli\tTarabulus,Trablous\t34.43667\t35.84972\tP\tPPLA\tLB\t\t09\t\t\t\t229398\n"
         "88319\tBenghazi\tBenghazi\t\t32.11486\t20.06859\tP\tPPLA\tLY\t\t54\t\t\t\t650629\n"
         "276781\tBeirut\tBeirut\tBeyrouth\t33.89332\t35.50157\tP\tPPLC\tLB\t\t04\t\t\t\t1916100\n"
         "361058\tAlexandria\tAlexandria\tAl Iskandariyah\t31.20176\t29.91582\tP\tPPLA\tEG\t\t06\t\t\t\t3811516\n"
         "4744091\tAlexandria\tAlexandria\t\t38.80484\t-77.04692\tP\tPPL\tUS\t\tVA\t510\t\t\t155810\n"
         "4752031\tCharlottesville\tCharlottesville\t\t38.02931\t-78.47668\tP\tPPL\tUS\t\tVA\t540\t\t\t46597\n"
         "3204541\tBar\tBar\t\t42.0931\t19.10003\tP\tPPLA\tME\t\t02\t\t\t\t13503\n"
         "740264\tOf\tOf\t\t40.94528\t40.26444\tP\tPPLA2\tTR\t\t61\t\t\t\t25000\n"
         "170654\tAleppo\tAleppo\tHalab\t36.20124\t37.16117\tP\tPPLA\tSY\t\t09\t\t\t\t1602264\n"
         "173955\tAl Bab\tAl Bab\tAl-Bab\t36.37051\t37.5157\tP\tPPL\tSY\t\t09\t\t\t\t130745\n"
         "163345\tTartus\tTartus\tTartous\t34.88902\t35.88659\tP\tPPLA\tSY\t\t14\t\t\t\t89457\n";
}

inline std::string TEST_Iso3166_1() {
  return R"({"3166-1":[
    {"alpha_2":"LY","alpha_3":"LBY","name":"Libya"},
    {"alpha_2":"LB","alpha_3":"LBN","name":"Lebanon"},
    {"alpha_2":"EG","alpha_3":"EGY","name":"Egypt"},
    {"alpha_2":"US","alpha_3":"USA","name":"United States"},
    {"alpha_2":"SY","alpha_3":"SYR","name":"Syrian Arab Republic","common_name":"Syria"}]})";
}

inline std::string TEST_Iso3166_2() {
  return R"({"3166-2":[
    {"code":"US-VA","name":"Virginia","type":"State"},
    {"code":"SY-HL","name":"Ḩalab","type":"Province"}]})";
}

inline std::string TEST_Countries() {
  return "LY\t28\t17\n"
         "LB\t33.83\t35.83\n"
         "EG\t27\t30\n"
         "US\t39.76\t-98.5\tUS,America\n"
         "SY\t35\t38\n";
}

inline std::string TEST_Supplement() {
  return "# test supplement\n"
         "Khmeimim Air Base\tHmeimim,Khmeimim,Hmeimim Air Base\t35.401\t35.949\tSY\tAIRB\t200000\n"
         "Tartus naval facility\tTartus naval base\t34.905\t35.866\tSY\tNVB\t200000\n"
         "Aleppo Governorate\tAleppo province\t36.2\t37.5\tSY\tRGN\t0\n";
}

inline std::unique_ptr<Gazetteer> TEST_Gazetteer() {
  GazetteerBuilder builder;
  if (!builder.AddGeoNames(TEST_GeoNamesLines(), "test").ok()) return nullptr;
  if (!builder.AddCountries(TEST_Iso3166_1(), TEST_Countries(), "test").ok()) return nullptr;
  if (!builder.AddRegions(TEST_Iso3166_2(), "test").ok()) return nullptr;
  if (!builder.AddSupplement(TEST_Supplement(), "test").ok()) return nullptr;
  auto g = Gazetteer::FromBytes(builder.Serialize(), "test");
  return g.ok() ? std::move(*g) : nullptr;
}

// A segmented document (no syntax) for `text`.
inline Document TEST_Document(const std::string& text) {
  Document doc;
  doc.id = "test";
  doc.text = text;
  Segmenter segmenter;
  segmenter.Segment(&doc);
  return doc;
}

}  // namespace sitrep::testing
