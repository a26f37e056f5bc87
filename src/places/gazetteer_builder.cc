#include "places/gazetteer_builder.h"

#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "places/place_name.h"

namespace sitrep {

namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> cols;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    cols.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return cols;
}

template <typename Fn>
void ForEachLine(std::string_view text, Fn fn) {
  size_t line_no = 0, start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(start, nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++line_no;
    if (!fn(line, line_no)) return;
    start = nl + 1;
  }
}

template <typename Fn>
void ForEachComma(std::string_view list, Fn fn) {
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    if (comma == std::string_view::npos) comma = list.size();
    std::string_view item = list.substr(start, comma - start);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (!item.empty()) fn(item);
    start = comma + 1;
  }
}

bool ParseFloat(std::string_view s, float* out) {
  std::string tmp(s);
  char* end = nullptr;
  *out = std::strtof(tmp.c_str(), &end);
  return !tmp.empty() && end == tmp.c_str() + tmp.size() && std::isfinite(*out);
}

uint32_t ParseU32(std::string_view s) {
  uint64_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return static_cast<uint32_t>(std::min<uint64_t>(v, UINT32_MAX));
}

// The kind a GeoNames feature class/code denotes; false when the feature is not kept.
bool KindOfFeature(std::string_view fclass, std::string_view code, PlaceKind* kind) {
  if (fclass == "P") { *kind = PlaceKind::kCity; return true; }
  if (code.starts_with("PCL")) { *kind = PlaceKind::kCountry; return true; }
  if (code == "ADM1" || code == "ADM2" || code == "RGN" || code == "ADM1H") { *kind = PlaceKind::kRegion; return true; }
  if (code == "CONT" || code == "AREA" || code == "ZN") { *kind = PlaceKind::kArea; return true; }
  if (fclass == "S") { *kind = PlaceKind::kFacility; return true; }
  if (fclass == "H" || fclass == "T" || fclass == "V" || fclass == "L" || fclass == "U") {
    *kind = PlaceKind::kPhysical;
    return true;
  }
  return false;
}

// The GeoNames feature class of a supplement feature code.
std::string_view SupplementClass(std::string_view code) {
  if (code.starts_with("PPL")) return "P";
  for (const char* s : {"AIRB", "AIRF", "AIRP", "NVB", "PRT", "PSTB", "DAM", "MILB", "CMP", "INSM"}) {
    if (code == s) return "S";
  }
  return "T";
}

// Names too generic to stand for a place on their own.
bool IsGenericKey(std::string_view key) {
  static const char* kGeneric[] = {
      "north", "south", "east", "west", "central", "centre", "center", "northern", "southern",
      "eastern", "western", "capital", "coast", "islands", "island", "city", "district",
      "north east", "north west", "south east", "south west", "northeast", "northwest",
      "southeast", "southwest", "mountain", "lakes", "river", "valley", "upper", "lower",
      "middle", "interior", "border", "frontier", "federal district", "metropolitan"};
  for (const char* g : kGeneric) {
    if (key == g) return true;
  }
  return key.size() < 2;
}

// Removes a trailing administrative word: "donetska oblast" -> "donetska".
std::string StripAdminWord(const std::string& key) {
  static const char* kWords[] = {" oblast", " province", " governorate", " region", " state",
                                 " county", " district", " prefecture", " department", " krai",
                                 " kray", " territory", " emirate", " voivodeship", " republic"};
  for (const char* w : kWords) {
    if (key.size() > std::strlen(w) + 2 && key.ends_with(w)) {
      return key.substr(0, key.size() - std::strlen(w));
    }
  }
  return key;
}

}  // namespace

GazetteerBuilder::Entry& GazetteerBuilder::NewEntry(std::string_view name, std::string_view country,
                                                    PlaceKind kind, std::string_view feature) {
  Entry& e = places_.emplace_back();
  e.name = std::string(name);
  e.record.country[0] = country.size() == 2 ? country[0] : ' ';
  e.record.country[1] = country.size() == 2 ? country[1] : ' ';
  e.record.kind = kind;
  std::memcpy(e.record.feature, feature.data(), std::min(feature.size(), sizeof(e.record.feature)));
  AddKey(&e, name);
  return e;
}

void GazetteerBuilder::AddKey(Entry* e, std::string_view name) {
  std::string key = NormalizePlaceName(name);
  if (IsGenericKey(key)) return;
  e->keys.push_back(std::move(key));
}

Status GazetteerBuilder::AddGeoNames(std::string_view tsv, std::string_view origin,
                                     const GeoNamesOptions& options) {
  Status status;
  ForEachLine(tsv, [&](std::string_view line, size_t line_no) {
    if (line.empty()) return true;
    std::vector<std::string_view> c = SplitTabs(line);
    if (c.size() < 15) {
      status = Status::InvalidArgument(std::string(origin) + ":" + std::to_string(line_no) +
                                       ": expected 19 tab-separated GeoNames columns");
      return false;
    }
    PlaceKind kind;
    if (!KindOfFeature(c[6], c[7], &kind)) return true;
    uint32_t population = ParseU32(c[14]);
    size_t alternates = c[3].empty() ? 0 : std::count(c[3].begin(), c[3].end(), ',') + 1;
    if (kind == PlaceKind::kCity && population < options.min_population &&
        !c[7].starts_with("PPLA") && c[7] != "PPLC") {
      return true;
    }
    if (kind != PlaceKind::kCity && kind != PlaceKind::kCountry && kind != PlaceKind::kRegion &&
        static_cast<int>(alternates) < options.min_feature_alternates) {
      return true;
    }
    float lat, lon;
    if (!ParseFloat(c[4], &lat) || !ParseFloat(c[5], &lon)) return true;
    Entry& e = NewEntry(c[1], c[8], kind, c[7]);
    e.record.geonames_id = ParseU32(c[0]);
    e.record.lat = lat;
    e.record.lon = lon;
    e.record.population = population;
    std::memcpy(e.record.admin1, c[10].data(), std::min(c[10].size(), sizeof(e.record.admin1)));
    AddKey(&e, c[2]);
    ForEachComma(c[3], [&](std::string_view alt) {
      std::string key = NormalizePlaceName(alt);
      if (key.size() >= 3 && IsAsciiKey(key) && !IsGenericKey(key)) e.keys.push_back(key);
    });
    if (kind == PlaceKind::kCountry && e.record.country[0] != ' ') {
      country_entry_[std::string(c[8])] = places_.size() - 1;
    }
    return true;
  });
  return status;
}

Status GazetteerBuilder::AddCountries(std::string_view iso3166_1_json,
                                      std::string_view countries_tsv, std::string_view origin) {
  struct Coord { float lat, lon; std::string names; };
  std::map<std::string, Coord> coords;
  Status status;
  ForEachLine(countries_tsv, [&](std::string_view line, size_t line_no) {
    if (line.empty() || line[0] == '#') return true;
    std::vector<std::string_view> c = SplitTabs(line);
    Coord coord{};
    if (c.size() < 3 || c[0].size() != 2 || !ParseFloat(c[1], &coord.lat) ||
        !ParseFloat(c[2], &coord.lon)) {
      status = Status::InvalidArgument(std::string(origin) + ":" + std::to_string(line_no) +
                                       ": expected ALPHA2<TAB>LAT<TAB>LON[<TAB>NAMES]");
      return false;
    }
    if (c.size() > 3) coord.names = std::string(c[3]);
    coords[std::string(c[0])] = coord;
    return true;
  });
  SITREP_RETURN_IF_ERROR(status);
  simdjson::dom::parser parser;
  simdjson::padded_string json(iso3166_1_json);
  simdjson::dom::element root;
  if (parser.parse(json).get(root) != simdjson::SUCCESS) {
    return Status::InvalidArgument("iso_3166-1.json: not valid JSON");
  }
  simdjson::dom::array list;
  if (root["3166-1"].get_array().get(list) != simdjson::SUCCESS) {
    return Status::InvalidArgument("iso_3166-1.json: no \"3166-1\" array");
  }
  for (simdjson::dom::element item : list) {
    std::string_view alpha2, name;
    if (item["alpha_2"].get_string().get(alpha2) || item["name"].get_string().get(name)) continue;
    auto it = coords.find(std::string(alpha2));
    auto existing = country_entry_.find(std::string(alpha2));
    Entry* e;
    if (existing != country_entry_.end()) {
      e = &places_[existing->second];
      AddKey(e, name);
    } else {
      if (it == coords.end()) continue;  // a country without coordinates cannot be placed
      e = &NewEntry(name, alpha2, PlaceKind::kCountry, "PCLI");
      country_entry_[std::string(alpha2)] = places_.size() - 1;
    }
    std::string_view alpha3;
    if (!item["alpha_3"].get_string().get(alpha3) && alpha3.size() == 3) {
      std::memset(e->record.admin1, 0, sizeof(e->record.admin1));
      std::memcpy(e->record.admin1, alpha3.data(), 3);
    }
    if (it != coords.end()) {
      e->record.lat = it->second.lat;
      e->record.lon = it->second.lon;
      ForEachComma(it->second.names, [&](std::string_view n) { AddKey(e, n); });
    }
    std::string_view common;
    if (!item["common_name"].get_string().get(common) && !common.empty()) e->name = std::string(common);
    for (const char* field : {"common_name", "official_name"}) {
      std::string_view other;
      if (!item[field].get_string().get(other)) AddKey(e, other);
    }
  }
  return Status::OK();
}

bool GazetteerBuilder::RegionCoordinates(const std::vector<size_t>& cities,
                                         std::string_view country, std::string_view suffix,
                                         std::string_view name, float* lat, float* lon) const {
  std::string key = StripAdminWord(NormalizePlaceName(name));
  const Entry* best = nullptr;
  double sum_lat = 0, sum_lon = 0;
  size_t members = 0;
  // GeoNames admin1 codes are the ISO suffixes only for the United States.
  bool iso_admin1 = country == "US";
  for (size_t i : cities) {
    const Entry& e = places_[i];
    if (!e.keys.empty() && e.keys.front() == key && (!best || e.record.population > best->record.population)) best = &e;
    if (iso_admin1 && std::string_view(e.record.admin1, strnlen(e.record.admin1, 4)) == suffix) {
      sum_lat += e.record.lat;
      sum_lon += e.record.lon;
      ++members;
    }
  }
  if (members > 0) {
    *lat = static_cast<float>(sum_lat / members);
    *lon = static_cast<float>(sum_lon / members);
    return true;
  }
  if (best) {
    *lat = best->record.lat;
    *lon = best->record.lon;
    return true;
  }
  auto c = country_entry_.find(std::string(country));
  if (c == country_entry_.end()) return false;
  *lat = places_[c->second].record.lat;
  *lon = places_[c->second].record.lon;
  return true;
}

Status GazetteerBuilder::AddRegions(std::string_view iso3166_2_json, std::string_view origin) {
  simdjson::dom::parser parser;
  simdjson::padded_string json(iso3166_2_json);
  simdjson::dom::element root;
  simdjson::dom::array list;
  if (parser.parse(json).get(root) || root["3166-2"].get_array().get(list)) {
    return Status::InvalidArgument(std::string(origin) + ": not an iso_3166-2.json file");
  }
  std::unordered_map<std::string, std::vector<size_t>> cities_by_country;
  for (size_t i = 0; i < places_.size(); ++i) {
    const PlaceRecord& r = places_[i].record;
    if (r.kind == PlaceKind::kCity) cities_by_country[std::string(r.country, 2)].push_back(i);
  }
  for (simdjson::dom::element item : list) {
    std::string_view code, name, type;
    if (item["code"].get_string().get(code) || item["name"].get_string().get(name)) continue;
    if (item["parent"].error() == simdjson::SUCCESS || code.size() < 4 || code[2] != '-') continue;
    if (!item["type"].get_string().get(type) &&
        (type.find("ity") != std::string_view::npos || type.find("unicipal") != std::string_view::npos)) {
      continue;  // cities and municipalities are already populated places
    }
    std::string_view country = code.substr(0, 2);
    float lat, lon;
    if (!RegionCoordinates(cities_by_country[std::string(country)], country, code.substr(3), name, &lat, &lon)) continue;
    Entry& e = NewEntry(name, country, PlaceKind::kRegion, "ADM1");
    e.record.lat = lat;
    e.record.lon = lon;
    std::string suffix(code.substr(3));
    std::memcpy(e.record.admin1, suffix.data(), std::min(suffix.size(), sizeof(e.record.admin1)));
    std::string stripped = StripAdminWord(e.keys.empty() ? std::string() : e.keys.front());
    if (!e.keys.empty() && stripped != e.keys.front() && !IsGenericKey(stripped)) {
      e.keys.push_back(stripped);
    }
  }
  return Status::OK();
}

Status GazetteerBuilder::AddSupplement(std::string_view tsv, std::string_view origin) {
  Status status;
  ForEachLine(tsv, [&](std::string_view line, size_t line_no) {
    if (line.empty() || line[0] == '#') return true;
    std::vector<std::string_view> c = SplitTabs(line);
    float lat, lon;
    PlaceKind kind;
    if (c.size() < 7 || !ParseFloat(c[2], &lat) || !ParseFloat(c[3], &lon) ||
        !KindOfFeature(SupplementClass(c[5]), c[5], &kind)) {
      status = Status::InvalidArgument(
          std::string(origin) + ":" + std::to_string(line_no) +
          ": expected NAME<TAB>ALTERNATES<TAB>LAT<TAB>LON<TAB>CC<TAB>FEATURE<TAB>PROMINENCE");
      return false;
    }
    Entry* existing = kind == PlaceKind::kRegion ? FindEntry(c[0], c[4], kind) : nullptr;
    Entry& e = existing ? *existing : NewEntry(c[0], c[4], kind, c[5]);
    e.record.lat = lat;
    e.record.lon = lon;
    e.record.population = std::max(e.record.population, ParseU32(c[6]));
    ForEachComma(c[1], [&](std::string_view alt) { AddKey(&e, alt); });
    return true;
  });
  return status;
}

GazetteerBuilder::Entry* GazetteerBuilder::FindEntry(std::string_view name, std::string_view country,
                                                     PlaceKind kind) {
  std::string key = NormalizePlaceName(name);
  for (Entry& e : places_) {
    if (e.record.kind != kind || std::find(e.keys.begin(), e.keys.end(), key) == e.keys.end()) continue;
    std::string_view cc(e.record.country, 2);
    if (cc == country || (country.empty() && cc == "  ")) return &e;
  }
  return nullptr;
}

Status GazetteerBuilder::AddAliases(std::string_view tsv, std::string_view origin) {
  Status status;
  ForEachLine(tsv, [&](std::string_view line, size_t line_no) {
    if (line.empty() || line[0] == '#') return true;
    std::vector<std::string_view> c = SplitTabs(line);
    if (c.size() < 3) {
      status = Status::InvalidArgument(std::string(origin) + ":" + std::to_string(line_no) +
                                       ": expected ALIAS<TAB>NAME<TAB>ALPHA2");
      return false;
    }
    Entry* e = FindEntry(c[1], c[2], PlaceKind::kCountry);
    if (!e) e = FindEntry(c[1], c[2], PlaceKind::kRegion);
    if (!e) e = FindEntry(c[1], c[2], PlaceKind::kArea);
    if (!e) {
      status = Status::InvalidArgument(std::string(origin) + ":" + std::to_string(line_no) +
                                       ": no country or region named " + std::string(c[1]));
      return false;
    }
    AddKey(e, c[0]);
    return true;
  });
  return status;
}

std::string GazetteerBuilder::Serialize() const {
  std::string pool(1, '\0');
  std::unordered_map<std::string, uint32_t> interned;
  auto intern = [&](const std::string& s) {
    auto [it, fresh] = interned.try_emplace(s, static_cast<uint32_t>(pool.size()));
    if (fresh) pool.append(s).push_back('\0');
    return it->second;
  };
  std::vector<PlaceRecord> records;
  std::vector<std::pair<std::string, uint32_t>> keys;
  for (const Entry& e : places_) {
    PlaceRecord r = e.record;
    r.name = intern(e.name);
    uint32_t index = static_cast<uint32_t>(records.size());
    records.push_back(r);
    std::vector<std::string> own = e.keys;
    std::sort(own.begin(), own.end());
    own.erase(std::unique(own.begin(), own.end()), own.end());
    for (std::string& k : own) keys.emplace_back(std::move(k), index);
  }
  std::sort(keys.begin(), keys.end());
  std::vector<KeyRecord> key_records;
  key_records.reserve(keys.size());
  for (const auto& [k, place] : keys) key_records.push_back({intern(k), place});
  std::string out("SRGAZ001");
  auto put32 = [&](uint32_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof(v)); };
  put32(static_cast<uint32_t>(records.size()));
  put32(static_cast<uint32_t>(key_records.size()));
  put32(static_cast<uint32_t>(pool.size()));
  out.append(reinterpret_cast<const char*>(records.data()), records.size() * sizeof(PlaceRecord));
  out.append(reinterpret_cast<const char*>(key_records.data()),
             key_records.size() * sizeof(KeyRecord));
  out.append(pool);
  return out;
}

}  // namespace sitrep

namespace sitrep {

namespace {

Status ReadWholeFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return Status::OK();
}

}  // namespace

Result<std::unique_ptr<Gazetteer>> CompileGazetteer(const GazetteerSources& sources) {
  GazetteerBuilder builder;
  std::string text, countries;
  if (!sources.geonames.empty()) {
    SITREP_RETURN_IF_ERROR(ReadWholeFile(sources.geonames, &text));
    SITREP_RETURN_IF_ERROR(builder.AddGeoNames(text, sources.geonames));
  }
  SITREP_RETURN_IF_ERROR(ReadWholeFile(sources.data_dir + "/countries.tsv", &countries));
  SITREP_RETURN_IF_ERROR(ReadWholeFile(sources.iso_dir + "/iso_3166-1.json", &text));
  SITREP_RETURN_IF_ERROR(builder.AddCountries(text, countries, "countries.tsv"));
  if (ReadWholeFile(sources.iso_dir + "/iso_3166-2.json", &text).ok()) {
    SITREP_RETURN_IF_ERROR(builder.AddRegions(text, "iso_3166-2.json"));
  }
  for (const auto& entry : std::filesystem::directory_iterator(sources.data_dir)) {
    std::string name = entry.path().filename().string();
    if (!name.starts_with("supplement") || !name.ends_with(".tsv")) continue;
    SITREP_RETURN_IF_ERROR(ReadWholeFile(entry.path().string(), &text));
    SITREP_RETURN_IF_ERROR(builder.AddSupplement(text, entry.path().string()));
  }
  if (ReadWholeFile(sources.data_dir + "/aliases.tsv", &text).ok()) {
    SITREP_RETURN_IF_ERROR(builder.AddAliases(text, "aliases.tsv"));
  }
  return Gazetteer::FromBytes(builder.Serialize(), "compiled gazetteer");
}

Result<std::unique_ptr<Gazetteer>> OpenGazetteer(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("gazetteer not found: " + path);
  char magic[8] = {};
  in.read(magic, sizeof(magic));
  if (std::string_view(magic, 8) == "SRGAZ001") return Gazetteer::Load(path);
  GazetteerSources sources;
  sources.geonames = path;
  return CompileGazetteer(sources);
}

}  // namespace sitrep
