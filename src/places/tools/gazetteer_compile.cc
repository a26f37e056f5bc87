// gazetteer_compile: builds gazetteer.bin from GeoNames, iso-codes and data/places/.
//
//   gazetteer_compile --out build/gazetteer.bin --iso-dir /usr/share/iso-codes/json
//       --countries data/places/countries.tsv --supplement data/places/supplement.tsv
//       [--geonames cities1000.txt|allCountries.txt]
//
// A missing --geonames file is a warning, not an error: the index then holds countries,
// regions and the supplement only, so the build works without the npm data.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "places/gazetteer_builder.h"

namespace {

bool ReadWhole(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

int Fail(const std::string& msg) {
  std::fprintf(stderr, "gazetteer_compile: %s\n", msg.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::string aliases, out_path, iso_dir = "/usr/share/iso-codes/json", countries, geonames;
  std::vector<std::string> supplements;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--out") out_path = value;
    else if (flag == "--iso-dir") iso_dir = value;
    else if (flag == "--countries") countries = value;
    else if (flag == "--geonames") geonames = value;
    else if (flag == "--supplement") supplements.push_back(value);
    else if (flag == "--aliases") aliases = value;
    else return Fail("unknown flag " + flag);
  }
  if (out_path.empty() || countries.empty()) return Fail("--out and --countries are required");
  sitrep::GazetteerBuilder builder;
  std::string text, text2;
  if (!geonames.empty() && ReadWhole(geonames, &text)) {
    sitrep::Status s = builder.AddGeoNames(text, geonames);
    if (!s.ok()) return Fail(s.ToString());
  } else {
    std::fprintf(stderr,
                 "gazetteer_compile: warning: no GeoNames data (%s); run scripts/install-deps.sh "
                 "to get cities1000. The gazetteer will hold countries, regions and the "
                 "supplement only.\n", geonames.empty() ? "none given" : geonames.c_str());
  }
  if (!ReadWhole(countries, &text2)) return Fail("cannot read " + countries);
  if (!ReadWhole(iso_dir + "/iso_3166-1.json", &text)) return Fail("cannot read iso-codes in " + iso_dir);
  sitrep::Status s = builder.AddCountries(text, text2, countries);
  if (!s.ok()) return Fail(s.ToString());
  if (ReadWhole(iso_dir + "/iso_3166-2.json", &text)) {
    s = builder.AddRegions(text, iso_dir + "/iso_3166-2.json");
    if (!s.ok()) return Fail(s.ToString());
  }
  for (const std::string& path : supplements) {
    if (!ReadWhole(path, &text)) return Fail("cannot read " + path);
    s = builder.AddSupplement(text, path);
    if (!s.ok()) return Fail(s.ToString());
  }
  if (!aliases.empty()) {
    if (!ReadWhole(aliases, &text)) return Fail("cannot read " + aliases);
    s = builder.AddAliases(text, aliases);
    if (!s.ok()) return Fail(s.ToString());
  }
  std::string bytes = builder.Serialize();
  std::ofstream out(out_path, std::ios::binary);
  if (!out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
    return Fail("cannot write " + out_path);
  }
  std::fprintf(stderr, "gazetteer_compile: %zu places, %zu bytes -> %s\n", builder.size(),
               bytes.size(), out_path.c_str());
  return 0;
}
