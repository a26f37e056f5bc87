#include "places/geoparser.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "places/place_name.h"

namespace sitrep {

namespace {

// Priors of the kinds without a population, on the log10-population scale of towns: a
// country outranks any town, a region a town of about three million.
double KindPrior(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::kCountry: return 9.5;
    case PlaceKind::kArea: return 9.0;
    case PlaceKind::kRegion: return 6.5;
    default: return 0;
  }
}

}  // namespace

std::string AdminKey(const Place& p) {
  bool town = p.record->kind == PlaceKind::kCity && p.record->geonames_id > 0;
  bool us_state = p.record->kind == PlaceKind::kRegion && p.country == "US";
  if ((!town && !us_state) || p.admin1.empty()) return "";
  return std::string(p.country) + "." + std::string(p.admin1);
}

bool IsPrimaryName(const Place& p, std::string_view key) {
  std::string_view name = p.name;
  if (NormalizePlaceName(name) == key) return true;
  size_t comma = name.find(',');  // "Washington, D.C."
  return comma != std::string_view::npos && NormalizePlaceName(name.substr(0, comma)) == key;
}

bool Contains(const Place& outer, const Place& inner, double km) {
  if (outer.index == inner.index || outer.country != inner.country) return false;
  switch (outer.record->kind) {
    case PlaceKind::kCountry: return true;
    case PlaceKind::kRegion:
      if (outer.country == "US" && !outer.admin1.empty()) return outer.admin1 == inner.admin1;
      [[fallthrough]];
    default:
      return DistanceKm(outer.record->lat, outer.record->lon, inner.record->lat, inner.record->lon) < km;
  }
}

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = M_PI / 180.0;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 6371.0 * 2 * std::atan2(std::sqrt(a), std::sqrt(1 - a));
}

const char* PlacePrecision(const Place& place) {
  switch (place.record->kind) {
    case PlaceKind::kCity: return "city";
    case PlaceKind::kCountry: return "country";
    case PlaceKind::kFacility: return "point";
    case PlaceKind::kPhysical:
      return place.feature == "MT" || place.feature == "PSTB" ? "point" : "region";
    default: return "region";
  }
}

Geoparser::Geoparser(const Gazetteer& gazetteer, GeoparserOptions options)
    : gazetteer_(gazetteer), options_(options), recognizer_(gazetteer, options.recognizer) {}

double Geoparser::Prior(const Toponym& t, uint32_t index) const {
  Place p = gazetteer_.place(index);
  const PlaceRecord& r = *p.record;
  double score = KindPrior(r.kind);
  if (r.kind == PlaceKind::kCity || r.kind == PlaceKind::kFacility || r.kind == PlaceKind::kPhysical) {
    score = std::log10(1.0 + r.population);
  }
  if (r.kind == PlaceKind::kRegion && r.population > 0) score = std::log10(1.0 + r.population);
  if (p.feature == "ADM2") score = 5.0;
  if (p.feature == "PPLC") score += 1.5;
  else if (p.feature == "PPLA") score += 0.8;
  else if (p.feature == "PPLA2") score += 0.3;
  if (r.geonames_id > 0 && !IsPrimaryName(p, t.key)) score -= options_.alternate_penalty;
  return score;
}

CountryFocus Geoparser::Focus(const std::vector<Toponym>& toponyms) const {
  std::map<std::string, double> counts;
  double total = 0;
  for (const Toponym& t : toponyms) {
    if (t.place < 0) continue;
    Place p = gazetteer_.place(static_cast<uint32_t>(t.place));
    if (p.country.empty()) continue;
    counts[std::string(p.country)] += 1;
    total += 1;
  }
  CountryFocus focus;
  for (const auto& [country, n] : counts) {
    if (n / total > focus.share) focus = {country, n / total};
  }
  return focus;
}

void Geoparser::Resolve(const Document& doc, std::vector<Toponym>* toponyms) const {
  // Pass 1: priors alone; the country shares of these first readings make the focus, one
  // vote per distinct name (a name repeated ten times is still one piece of evidence).
  std::vector<std::vector<double>> priors(toponyms->size());
  std::map<std::string, double> country_share;
  std::set<std::string> voted;
  std::map<std::string, double> admin_share;  // country + admin1 of towns (and US states)
  double total = 0, admin_total = 0;
  for (size_t i = 0; i < toponyms->size(); ++i) {
    Toponym& t = (*toponyms)[i];
    double best = -1e9;
    for (uint32_t c : t.candidates) {
      priors[i].push_back(Prior(t, c));
      if (priors[i].back() > best) { best = priors[i].back(); t.place = c; t.score = best; }
    }
    Place p = gazetteer_.place(static_cast<uint32_t>(t.place));
    if (!p.country.empty() && voted.insert(t.key).second) {
      country_share[std::string(p.country)] += 1;
      total += 1;
      std::string admin = AdminKey(p);
      if (!admin.empty()) {
        admin_share[admin] += 1;
        admin_total += 1;
      }
    }
  }
  for (auto& [admin, n] : admin_share) n /= std::max(1.0, admin_total);
  for (auto& [country, n] : country_share) n /= total;
  // Pass 2: focus, parent ("X, Y") and nearby places.
  std::vector<int64_t> first(toponyms->size());
  std::vector<std::string> first_country(toponyms->size());
  for (size_t i = 0; i < toponyms->size(); ++i) {
    first[i] = (*toponyms)[i].place;
    first_country[i] = std::string(gazetteer_.place(static_cast<uint32_t>(first[i])).country);
  }
  for (size_t i = 0; i < toponyms->size(); ++i) {
    Toponym& t = (*toponyms)[i];
    const Toponym* parent = nullptr;
    if (i + 1 < toponyms->size()) {
      const Toponym& next = (*toponyms)[i + 1];
      std::string_view between(doc.text.data() + t.span.end,
                               next.span.start > t.span.end ? next.span.start - t.span.end : 0);
      if (next.sentence == t.sentence && (between == ", " || between == ",")) parent = &next;
    }
    // A country's name means the country unless a parent place says otherwise ("Lebanon,
    // Pa.") or the document is about the town's own region: otherwise towns that share it
    // get no help from the document's other places.
    bool names_country = false;
    for (uint32_t c : t.candidates) {
      PlaceKind kind = gazetteer_.place(c).record->kind;
      names_country = names_country || kind == PlaceKind::kCountry || kind == PlaceKind::kArea;
    }
    double best = -1e9;
    for (size_t k = 0; k < t.candidates.size(); ++k) {
      Place p = gazetteer_.place(t.candidates[k]);
      double score = priors[i][k];
      bool context = !names_country || p.record->kind != PlaceKind::kCity;
      std::string admin = AdminKey(p);
      auto in_admin = admin.empty() ? admin_share.end() : admin_share.find(admin);
      if (!context && in_admin != admin_share.end()) {
        // ... unless three other names of the document lie in the town's own region.
        double own = AdminKey(gazetteer_.place(static_cast<uint32_t>(first[i]))) == admin ? 1.0 : 0.0;
        context = in_admin->second * admin_total - own >= 3;
      }
      auto share = country_share.find(std::string(p.country));
      if (context && share != country_share.end() && total > 1) {
        double own = first_country[i] == p.country ? 1.0 / total : 0.0;
        score += options_.focus_weight * (share->second - own) * total / (total - 1);
      }
      if (context && in_admin != admin_share.end() && admin_total > 1) {
        double own = AdminKey(gazetteer_.place(static_cast<uint32_t>(first[i]))) == admin ? 1.0 : 0.0;
        score += options_.admin_focus_weight * (in_admin->second * admin_total - own) / (admin_total - 1);
      }
      if (parent && parent->place >= 0) {
        Place q = gazetteer_.place(static_cast<uint32_t>(parent->place));
        if (Contains(q, p, options_.nearby_km)) score += options_.parent_weight;
      }
      int near = 0;
      std::string_view counted_key;
      for (size_t j = 0; context && j < toponyms->size() && near < options_.max_nearby; ++j) {
        if (j == i || first[j] < 0 || (*toponyms)[j].key == t.key) continue;
        if ((*toponyms)[j].key == counted_key) continue;
        Place q = gazetteer_.place(static_cast<uint32_t>(first[j]));
        if (q.record->kind != PlaceKind::kCity && q.record->kind != PlaceKind::kRegion) continue;
        if (p.record->kind == PlaceKind::kCountry || q.record->kind == PlaceKind::kCountry) continue;
        if (Contains(q, p, options_.nearby_km) || Contains(p, q, options_.nearby_km)) {
          score += options_.nearby_weight;
          counted_key = (*toponyms)[j].key;
          ++near;
        }
      }
      if (score > best) { best = score; t.place = t.candidates[k]; t.score = score; }
    }
  }
}

void Geoparser::OneSensePerName(std::vector<Toponym>* toponyms) const {
  // A name keeps one reading per document: the one its most confident mention chose.
  std::map<std::string, const Toponym*> best;
  for (const Toponym& t : *toponyms) {
    auto [it, fresh] = best.try_emplace(t.key, &t);
    if (!fresh && t.score > it->second->score) it->second = &t;
  }
  std::map<std::string, std::pair<int64_t, double>> chosen;
  for (const auto& [key, t] : best) chosen[key] = {t->place, t->score};
  for (Toponym& t : *toponyms) {
    const auto& [place, score] = chosen[t.key];
    if (std::find(t.candidates.begin(), t.candidates.end(), place) != t.candidates.end()) {
      t.place = place;
    }
  }
}

void Geoparser::DropUnplacedSubdivisions(std::vector<Toponym>* toponyms) const {
  // "Licking County" names a county, not the town: keep the town's coordinates only when
  // another place of the document lies in the same first-level region (then the county is
  // near), else the toponym cannot be placed and is dropped.
  for (Toponym& t : *toponyms) {
    if (!t.before_subdivision || t.place < 0) continue;
    std::string admin = AdminKey(gazetteer_.place(static_cast<uint32_t>(t.place)));
    bool supported = false;
    for (const Toponym& other : *toponyms) {
      if (&other == &t || other.place < 0 || other.key == t.key) continue;
      Place q = gazetteer_.place(static_cast<uint32_t>(other.place));
      supported = supported || (!admin.empty() && AdminKey(q) == admin);
    }
    if (!supported) t.place = -1;
  }
}

void Geoparser::Parse(const Document& doc, std::vector<Toponym>* out) const {
  std::vector<Toponym> toponyms;
  recognizer_.Recognize(doc, &toponyms);
  Resolve(doc, &toponyms);
  OneSensePerName(&toponyms);
  DropUnplacedSubdivisions(&toponyms);
  for (Toponym& t : toponyms) {
    if (t.place >= 0) out->push_back(std::move(t));
  }
}

}  // namespace sitrep
