#include "store/event_merger.h"

#include <algorithm>
#include <cmath>

#include "base/file_reader.h"
#include "time/calendar.h"

namespace sitrep {

bool MergeRule::SameEvent(const MentionFacts& m, const EventFacts& e) const {
  if (m.source != e.source || m.target != e.target || m.root != e.root) return false;
  if (m.modality != e.modality) return false;
  if (!DatesCompatible(m.day, e) || !PlacesCompatible(m, e)) return false;
  return !IsVerbal(m.quad_class) || SameStatement(m, e);
}

bool MergeRule::SameStatement(const MentionFacts& m, const EventFacts& e) const {
  if (m.source_key != e.source_key || m.target_key != e.target_key) return false;
  return e.same_document ||
         SharedWordCount(m.words, e.words) >= static_cast<size_t>(options_.min_shared_words);
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

namespace {

bool IsLetter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }

// Lower-cased runs of letters, in order.
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  for (size_t i = 0; i < text.size();) {
    if (!IsLetter(text[i])) { ++i; continue; }
    size_t j = i;
    std::string w;
    for (; j < text.size() && IsLetter(text[j]); ++j) {
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(text[j])));
    }
    words.push_back(std::move(w));
    i = j;
  }
  return words;
}

bool IsPronoun(std::string_view w) {
  static const char* const kPronouns[] = {"he", "she", "it", "they", "we", "i", "you", "him",
                                          "her", "them", "us", "who", "which", "its", "their"};
  for (const char* p : kPronouns) if (w == p) return true;
  return false;
}

// Kinds whose canonical name denotes one actor, not a class of people.
bool NamesOneActor(std::string_view kind) {
  return kind == "person" || kind == "country" || kind == "capital" || kind == "igo" ||
         kind == "ngo" || kind == "party" || kind == "business" || kind == "media" ||
         kind == "organization" || kind == "armed_group";
}

// The person an actor mention names right after itself, by the last word of the proper
// names that follow it, lower-cased: "Tory spokesman Simon Burns" -> "burns", "Tory
// frontbencher John Redwood" -> "redwood" (one common noun may come between). "" when no
// proper name follows, or the document has no tagged tokens (pre-coded input).
std::string FollowingName(const Document& doc, const ActorMention& m) {
  if (m.sentence >= doc.sentences.size() || m.span.empty()) return "";
  const Sentence& s = doc.sentences[m.sentence];
  size_t end = std::min<size_t>(s.first_token + s.token_count, doc.tokens.size());
  size_t i = m.last_token + 1;
  if (i < end && doc.tokens[i].upos == "NOUN") ++i;
  size_t last = 0;
  for (; i < end && doc.tokens[i].upos == "PROPN"; ++i) last = i;
  if (last == 0) return "";
  std::vector<std::string> words = Words(doc.Slice(Span{doc.tokens[last].start, doc.tokens[last].end}));
  return words.empty() ? "" : words.back();
}

// The key of an actor mention before the person named beside it is added.
std::string BaseSpeakerKey(const Document& doc, const ActorMention& m, const std::string& name) {
  std::vector<std::string> surface = Words(doc.Slice(m.span));
  if (surface.empty() || NamesOneActor(m.kind)) return name;
  if (surface.size() == 1 && IsPronoun(surface[0])) return name;
  std::vector<std::string> name_words = Words(name);
  for (const std::string& w : surface) {
    if (w.size() > 1 && std::find(name_words.begin(), name_words.end(), w) != name_words.end()) {
      return name;
    }
  }
  return name + "|" + surface.back();
}

}  // namespace

std::string SpeakerKey(const Document& doc, int32_t actor) {
  if (actor < 0) return "";
  const ActorMention* m = &doc.actors[actor];
  for (int hops = 0; m->antecedent >= 0 && hops < 8; ++hops) m = &doc.actors[m->antecedent];
  std::string key = BaseSpeakerKey(doc, *m, doc.actors[actor].name);
  std::string person = FollowingName(doc, *m);
  return person.empty() ? key : key + "|" + person;
}

std::vector<std::string> ContentWords(std::string_view text, const WordSet& stop_words,
                                      const WordSet& exclude) {
  std::vector<std::string> out;
  for (std::string& w : Words(text)) {
    if (w.size() < 3 || stop_words.count(w) || exclude.count(w)) continue;
    out.push_back(std::move(w));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

size_t SharedWordCount(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  size_t shared = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    int c = a[i].compare(b[j]);
    if (c == 0) ++shared;
    if (c <= 0) ++i;
    if (c >= 0) ++j;
  }
  return shared;
}

Result<WordSet> LoadStopWords(const std::string& path) {
  SITREP_ASSIGN_OR_RETURN(auto reader, ByteReader::Open(path));
  std::string contents;
  SITREP_RETURN_IF_ERROR(reader->ReadAll(1u << 20, &contents));
  WordSet words;
  size_t line_no = 0;
  for (size_t pos = 0; pos < contents.size();) {
    size_t end = contents.find('\n', pos);
    if (end == std::string::npos) end = contents.size();
    std::string_view line(contents.data() + pos, end - pos);
    pos = end + 1;
    ++line_no;
    line = line.substr(0, line.find('#'));
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
      line.remove_suffix(1);
    }
    if (line.empty()) continue;
    for (char c : line) {
      if (c == ' ' || c == '\t' || (c >= 'A' && c <= 'Z')) {
        return Status::Corruption(path + ":" + std::to_string(line_no) +
                                  ": want one lower-case word a line, got '" + std::string(line) +
                                  "'");
      }
    }
    words.emplace(line);
  }
  return words;
}

MentionFacts MergeRule::FactsOf(const Document& doc, size_t index) const {
  const Event& e = doc.events[index];
  MentionFacts f;
  if (e.source >= 0) f.source = doc.actors[e.source].code;
  if (e.target >= 0) f.target = doc.actors[e.target].code;
  f.root = e.root.empty() ? e.cameo.substr(0, 2) : e.root;
  f.quad_class = e.quad_class;
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
  if (!IsVerbal(f.quad_class)) return f;
  f.source_key = SpeakerKey(doc, e.source);
  f.target_key = SpeakerKey(doc, e.target);
  // Names and the trigger say who spoke and that they spoke, not what about.
  WordSet exclude;
  for (int32_t a : {e.source, e.target}) {
    if (a < 0) continue;
    for (std::string& w : Words(doc.actors[a].name)) exclude.insert(std::move(w));
    for (std::string& w : Words(doc.Slice(doc.actors[a].span))) exclude.insert(std::move(w));
  }
  for (std::string& w : Words(doc.Slice(e.trigger))) exclude.insert(std::move(w));
  if (e.sentence < doc.sentences.size()) {
    f.words = ContentWords(doc.SentenceText(doc.sentences[e.sentence]), options_.stop_words, exclude);
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
