// GazetteerBuilder: compiles the gazetteer sources into the binary index Gazetteer reads.
// Lifecycle: add sources (in the order below), then Serialize() once.
//
//   AddGeoNames     GeoNames dump lines (19 tab-separated columns: cities1000.txt or a full
//                   allCountries.txt); populated places, and from a full dump also first-level
//                   regions, countries and prominent features.
//   AddCountries    iso-codes' iso_3166-1.json plus data/places/countries.tsv (coordinates and
//                   extra English names: "Syria", "Britain").
//   AddRegions      iso-codes' iso_3166-2.json, first-level subdivisions only. Coordinates come
//                   from the places already added (a same-named city, else the mean of the
//                   region's towns where GeoNames admin1 codes are ISO codes, else the country).
//   AddSupplement   data/places/supplement*.tsv: name, alternate names (comma-separated),
//                   lat, lon, ISO alpha-2, feature code, prominence; '#' starts a comment.
//                   An ADM1/ADM2/RGN entry naming an existing region updates its coordinates.
//   AddAliases      data/places/aliases.tsv (adjectives, state abbreviations), last.
//
// Errors: malformed input yields InvalidArgument naming the origin and line.
// Thread safety: a builder is used by one thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "places/gazetteer.h"

namespace sitrep {

struct GeoNamesOptions {
  // Populated places below this population are skipped (cities1000 already starts at 1000).
  uint32_t min_population = 1000;
  // From a full dump, non-populated features are kept only with this many alternate names.
  int min_feature_alternates = 6;
};

class GazetteerBuilder {
 public:
  Status AddGeoNames(std::string_view tsv, std::string_view origin,
                     const GeoNamesOptions& options = GeoNamesOptions());
  Status AddCountries(std::string_view iso3166_1_json, std::string_view countries_tsv,
                      std::string_view origin);
  Status AddRegions(std::string_view iso3166_2_json, std::string_view origin);
  Status AddSupplement(std::string_view tsv, std::string_view origin);
  // data/places/aliases.tsv: alias, name of an existing country/region/area, ISO alpha-2.
  // Adds the alias as another key of that place; an unknown target is an error.
  Status AddAliases(std::string_view tsv, std::string_view origin);

  size_t size() const { return places_.size(); }
  // The binary index (see gazetteer.h for the layout).
  std::string Serialize() const;

 private:
  struct Entry {
    PlaceRecord record{};
    std::string name;
    std::vector<std::string> keys;  // normalised, deduplicated at Serialize()
  };
  Entry& NewEntry(std::string_view name, std::string_view country, PlaceKind kind,
                  std::string_view feature);
  void AddKey(Entry* e, std::string_view name);
  Entry* FindEntry(std::string_view name, std::string_view country, PlaceKind kind);
  bool RegionCoordinates(const std::vector<size_t>& cities, std::string_view country, std::string_view suffix,
                         std::string_view name, float* lat, float* lon) const;

  std::vector<Entry> places_;
  std::unordered_map<std::string, size_t> country_entry_;  // alpha-2 -> index
};

}  // namespace sitrep

namespace sitrep {

// Where the sources live for CompileGazetteer.
struct GazetteerSources {
  std::string geonames;  // GeoNames dump (cities1000.txt, allCountries.txt); "" for none
  std::string data_dir = std::string(SITREP_SOURCE_DIR) + "/data/places";  // countries.tsv, supplement*.tsv
  std::string iso_dir = "/usr/share/iso-codes/json";
};

// Builds a gazetteer in memory from the sources (what gazetteer_compile does, without the
// file). Slow for a full GeoNames dump (a minute); meant for --gazetteer with a dump.
Result<std::unique_ptr<Gazetteer>> CompileGazetteer(const GazetteerSources& sources);

// Loads `path`: a compiled gazetteer.bin as it is, anything else as a GeoNames dump compiled
// with the default data directory.
Result<std::unique_ptr<Gazetteer>> OpenGazetteer(const std::string& path);

}  // namespace sitrep
