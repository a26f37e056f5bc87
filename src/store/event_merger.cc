#include "store/event_merger.h"

#include <cmath>

#include "time/calendar.h"

namespace sitrep {

bool MergeRule::SameEvent(const MentionFacts& m, const EventFacts& e) const {
  if (m.source != e.source || m.target != e.target || m.root != e.root) return false;
  if (m.modality != e.modality) return false;
  return DatesCompatible(m.day, e) && PlacesCompatible(m, e);
}

bool MergeRule::DatesCompatible(int64_t day, const EventFacts& e) const {
  if (day == kUnknownDay || e.min_day == kUnknownDay) return day == kUnknownDay && e.min_day == kUnknownDay;
  return day >= e.max_day - options_.max_days_apart && day <= e.min_day + options_.max_days_apart;
}

bool MergeRule::PlacesCompatible(const MentionFacts& m, const EventFacts& e) const {
  if (!m.country.empty() && !e.country.empty() && m.country != e.country) return false;
  if (!m.has_place || !e.has_place) return true;
  return GreatCircleKm(m.lat, m.lon, e.lat, e.lon) <= options_.max_km_apart;
}

MentionFacts FactsOf(const Document& doc, size_t index) {
  const Event& e = doc.events[index];
  MentionFacts f;
  if (e.source >= 0) f.source = doc.actors[e.source].code;
  if (e.target >= 0) f.target = doc.actors[e.target].code;
  f.root = e.root.empty() ? e.cameo.substr(0, 2) : e.root;
  f.modality = e.modality;
  f.day = DayNumber(e.date);
  if (f.day == kUnknownDay) f.day = DayNumber(doc.date);
  if (e.has_location) {
    f.country = e.location.country;
    // A country-level location carries no point worth comparing.
    f.has_place = e.location.precision != "country" && (e.location.lat != 0 || e.location.lon != 0);
    f.lat = e.location.lat;
    f.lon = e.location.lon;
  }
  return f;
}

int64_t DayNumber(std::string_view iso) {
  if (iso.size() >= 10) {
    if (auto d = ParseIsoDate(iso.substr(0, 10))) return DaysFromCivil(*d);
  }
  if (iso.size() >= 7 && (iso.size() == 7 || iso[7] != '-')) {
    std::string month(iso.substr(0, 7));
    month += "-01";
    if (auto d = ParseIsoDate(month)) return DaysFromCivil(*d);
  }
  return kUnknownDay;
}

double GreatCircleKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = M_PI / 180, kEarthKm = 6371.0;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthKm * std::asin(std::min(1.0, std::sqrt(a)));
}

std::string SourceName(std::string_view url, std::string_view site) {
  size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) {
    std::string_view rest = url.substr(scheme + 3);
    std::string_view host = rest.substr(0, rest.find_first_of("/:?#"));
    if (host.substr(0, 4) == "www.") host.remove_prefix(4);
    if (!host.empty()) {
      std::string out(host);
      for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return out;
    }
  }
  if (!site.empty()) return std::string(site);
  return "unknown";
}

}  // namespace sitrep
