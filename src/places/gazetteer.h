// Gazetteer: the compiled, immutable index of known places that the geoparser resolves
// toponyms against.
//
// It merges three sources (see GazetteerBuilder): GeoNames populated places (cities1000 or
// a full dump), countries and first-level regions (Debian iso-codes, with coordinates), and
// the hand-written supplement in data/places/ (air bases, ports, crossings, regions,
// mountains, rivers). The build compiles them into one binary file, gazetteer.bin, which
// Load() reads with a single read and uses in place: no parsing, no per-entry allocation.
//
// Binary layout (little-endian, version 1):
//   "SRGAZ001" | u32 place_count | u32 key_count | u32 string_bytes
//   PlaceRecord[place_count] | KeyRecord[key_count] sorted by key | string pool (NUL-ended)
//
// Ownership: a Gazetteer owns its bytes; Place views point into them and live as long as it.
// Errors: Load returns NotFound for a missing file, Corruption for a damaged or foreign one.
// Thread safety: immutable after construction; share one instance between any threads.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "base/status.h"

namespace sitrep {

// What kind of place an entry is; decides the precision of a location and its prior.
enum class PlaceKind : uint8_t {
  kCity = 0,       // populated place (GeoNames class P)
  kRegion = 1,     // first-level administrative region
  kCountry = 2,    // independent country or territory
  kArea = 3,       // continent or wider area ("Middle East")
  kFacility = 4,   // air base, naval base, port, border crossing, dam...
  kPhysical = 5,   // mountain, river, valley, desert, sea
};
const char* PlaceKindName(PlaceKind kind);

// One stored place, as laid out in the file. Plain data, 32 bytes.
struct PlaceRecord {
  uint32_t geonames_id;  // 0 when the place is not from GeoNames
  float lat;
  float lon;
  uint32_t population;   // for facilities and physical features: a prominence score
  uint32_t name;         // offset of the display name in the string pool
  char country[2];       // ISO 3166-1 alpha-2, "  " for none
  PlaceKind kind;
  char feature[5];       // GeoNames feature code, NUL-padded ("PPLC", "ADM1", "AIRB")
  char admin1[4];        // GeoNames admin1 code, NUL-padded; for countries ISO alpha-3
};
static_assert(sizeof(PlaceRecord) == 32);

// A name-index entry: normalised key -> place. Sorted by key, then by place.
struct KeyRecord {
  uint32_t key;    // offset in the string pool
  uint32_t place;  // index into the places
};

// A convenient view of one place.
struct Place {
  uint32_t index = 0;
  const PlaceRecord* record = nullptr;
  std::string_view name;
  std::string_view country;  // alpha-2, empty when none
  std::string_view feature;
  std::string_view admin1;
};

class Gazetteer {
 public:
  // The file the build writes next to the sitrep binary.
  static std::string DefaultPath();

  static Result<std::unique_ptr<Gazetteer>> Load(const std::string& path);
  // Takes ownership of bytes in the binary layout above; `origin` names it in errors.
  static Result<std::unique_ptr<Gazetteer>> FromBytes(std::string bytes, std::string_view origin);

  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  // Places whose name or alternate name has normalised key `key` (see NormalizePlaceName).
  // `key_places` returns the place indices; empty when none.
  std::span<const KeyRecord> Find(std::string_view key) const;
  // True when some key starts with `prefix` followed by a space: a longer name may match.
  bool HasLongerKey(std::string_view prefix) const;

  Place place(uint32_t index) const;
  size_t size() const { return place_count_; }
  size_t key_count() const { return key_count_; }
  size_t bytes() const { return bytes_.size(); }

  // The country entry for an ISO alpha-2 code, or -1.
  int64_t CountryIndex(std::string_view alpha2) const;
  // ISO alpha-3 for an alpha-2 code; empty when the country is unknown.
  std::string_view Alpha3(std::string_view alpha2) const;

 private:
  Gazetteer() = default;
  std::string_view StringAt(uint32_t offset) const;

  std::string bytes_;
  const PlaceRecord* places_ = nullptr;
  const KeyRecord* keys_ = nullptr;
  const char* strings_ = nullptr;
  uint32_t place_count_ = 0;
  uint32_t key_count_ = 0;
  uint32_t string_bytes_ = 0;
  int32_t country_index_[26 * 26];
};

}  // namespace sitrep
