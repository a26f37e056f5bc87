#include "places/toponym_recognizer.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_set>

#include "places/geoparser.h"
#include "places/place_name.h"

namespace sitrep {

namespace {

// Capitalised words that are never place names on their own: function words that start
// sentences, titles, months and days, and common nouns that happen to be town names.
const std::unordered_set<std::string_view>& StopWords() {
  static const std::unordered_set<std::string_view> kStop = {
      "a", "an", "the", "of", "in", "on", "at", "to", "by", "for", "from", "with", "and", "or",
      "but", "as", "if", "it", "its", "is", "was", "be", "he", "she", "we", "they", "i", "you",
      "this", "that", "these", "those", "there", "here", "when", "where", "while", "after",
      "before", "since", "during", "near", "about", "over", "under", "not", "no", "yes", "so",
      "all", "some", "many", "most", "more", "one", "two", "three", "his", "her", "their", "our",
      "my", "your", "what", "who", "why", "how", "which", "then", "now", "also", "just", "only",
      "do", "did", "has", "have", "had", "can", "will", "would", "could", "should", "may",
      "might", "must", "mr", "mrs", "ms", "dr", "sir", "mister", "president", "minister",
      "king", "queen", "prince", "general", "gen", "sen", "senator", "rep", "gov", "governor",
      "mayor", "judge", "chief", "officer", "police", "army", "navy", "government", "state",
      "city", "county", "province", "region", "district", "republic", "national", "federal",
      "international", "university", "college", "school", "hospital", "church", "street", "road",
      "avenue", "park", "bridge", "center", "centre", "airport", "station", "house", "court",
      "council", "party", "company", "group", "news", "press", "times", "post", "daily",
      "january", "february", "march", "april", "june", "july", "august", "september",
      "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
      "friday", "saturday", "sunday", "today", "tomorrow", "yesterday", "bar", "best", "man",
      "mobile", "reading", "nice", "split", "bath", "deal", "hope", "price", "rich", "young",
      "early", "love", "god", "christmas", "easter", "new", "old", "big", "little", "good",
      "great", "high", "long", "middle", "inc", "ltd", "co", "corp",
      "mass", "media", "union", "alliance", "coalition", "forces", "force", "islamic",
      "muslim", "christian", "jewish", "arab", "english", "latin", "internet", "online", "video", "photo", "story", "report", "home",
      "office", "white", "black", "green", "red", "blue", "gold", "silver", "ocean", "sea",
      "lake", "river", "mount", "island", "beach", "valley", "hill", "hills", "camp", "base",
      "fort", "port", "bay", "cape", "point", "union", "victory", "liberty", "independence",
      "freedom", "justice", "peace", "unity", "progress", "commerce", "industry", "energy",
      "security", "defense", "defence", "health", "education", "police", "fire", "water",
      "power", "mission", "sport", "sports", "music", "art", "film", "club", "team", "game",
      "games", "cup", "league", "championship", "world", "earth", "moon", "sun", "star",
      "ok", "okay", "please", "thanks", "thank", "hello", "sorry", "well", "still", "even",
      "again", "once", "every", "each", "both", "either", "neither", "such", "other", "another",
      "any", "very", "too", "much", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
      "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
      "sat", "day", "free", "reserve", "metro", "delta", "congress", "parliament", "senate", "capitol", "cabinet", "first", "last", "next", "second", "third", "said", "says"};
  return kStop;
}

// Titles before a name make it a person.
bool IsTitle(std::string_view key) {
  static const std::unordered_set<std::string_view> kTitles = {
      "mr", "mrs", "ms", "dr", "miss", "president", "gen", "general", "sen", "senator", "rep",
      "gov", "governor", "mayor", "minister", "king", "queen", "prince", "princess", "sheikh",
      "lord", "sir", "judge", "coach", "sgt", "lt", "col", "capt", "maj", "pope", "father",
      "rev", "reverend", "chancellor", "premier", "ambassador", "secretary", "officer",
      "spokesman", "spokeswoman", "professor", "prof", "detective", "deputy", "justice"};
  return kTitles.count(key) > 0;
}

// Lower-case particles that may sit inside a name ("Gulf of Aden", "Rio de Janeiro").
bool IsConnector(std::string_view word) {
  static const std::unordered_set<std::string_view> kConnectors = {
      "of", "de", "del", "della", "di", "da", "dos", "das", "la", "le", "les", "du", "des",
      "al", "el", "y", "van", "von", "der", "den"};
  return kConnectors.count(word) > 0;
}

// Particles that join a name only with hyphens ("Rostov-on-Don", "Deir ez-Zor", "as-Suwayda").
bool IsHyphenConnector(std::string_view word) {
  static const std::unordered_set<std::string_view> kConnectors = {
      "ad", "ar", "as", "ash", "at", "az", "an", "ibn", "bin", "upon", "on", "sur", "am", "en",
      "ez", "es", "ech", "sous", "lès", "les", "al", "el", "de", "la", "le"};
  return kConnectors.count(word) > 0;
}

bool IsAdminWord(std::string_view key) {
  static const std::unordered_set<std::string_view> kAdmin = {
      "province", "governorate", "region", "state", "oblast", "district", "prefecture",
      "department", "municipality", "city", "town", "village", "territory", "emirate"};
  return kAdmin.count(key) > 0;
}

bool IsDirection(std::string_view key) {
  static const std::unordered_set<std::string_view> kDirections = {
      "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
      "southeastern", "southwestern", "greater", "upper", "lower", "downtown", "rural", "coastal"};
  return kDirections.count(key) > 0;
}

// Words that make a capitalised run an organisation, building or event named after a place.
bool IsOrganisationWord(std::string_view key) {
  static const std::unordered_set<std::string_view> kOrg = {
      "post", "times", "herald", "tribune", "journal", "news", "daily", "chronicle", "gazette",
      "star", "sun", "mirror", "telegraph", "guardian", "observer", "examiner", "record",
      "university", "college", "academy", "institute", "school", "police", "council",
      "commission", "parliament", "assembly", "senate", "ministry", "government", "army",
      "navy", "airport", "station", "hospital", "church", "cathedral", "museum", "library",
      "zoo", "park", "stadium", "club", "fc", "united", "city", "county", "bank", "exchange",
      "company", "corporation", "group", "airlines", "airways", "railway", "railways",
      "department", "office", "board", "authority", "agency", "service", "services", "union",
      "association", "federation", "party", "league", "cup", "games", "marathon", "festival",
      "open", "grand", "prix", "symphony", "orchestra", "theatre", "theater", "hotel", "mall",
      "centre", "center", "court", "hall", "bridge", "road", "street", "avenue", "square",
      "township", "fire", "rescue", "sheriff", "guard", "forces", "republicans", "democrats",
      "raiders", "rangers", "kings", "giants", "jets", "lions", "bulls", "warriors", "state",
      "international", "global", "national", "regional", "metro", "public", "press", "radio",
      "tv", "television", "broadcasting", "media", "online", "today", "weekly", "review"};
  return kOrg.count(key) > 0;
}

bool IsCapitalised(std::string_view s) {
  if (s.empty()) return false;
  unsigned char c = static_cast<unsigned char>(s[0]);
  if (c >= 'A' && c <= 'Z') return true;
  return c == 0xC3 && s.size() > 1 && static_cast<unsigned char>(s[1]) >= 0x80 &&
         static_cast<unsigned char>(s[1]) <= 0x9E;
}

bool IsLowerWord(std::string_view s) {
  return !s.empty() && s[0] >= 'a' && s[0] <= 'z';
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

struct ToponymRecognizer::Run {
  uint32_t sentence = 0;
  uint32_t first = 0;  // absolute token indices, inclusive
  uint32_t last = 0;
  bool sentence_start = false;
};

ToponymRecognizer::ToponymRecognizer(const Gazetteer& gazetteer, ToponymRecognizerOptions options)
    : gazetteer_(gazetteer), options_(options) {}

void ToponymRecognizer::CollectRuns(const Document& doc, std::vector<Run>* runs) const {
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sent = doc.sentences[s];
    uint32_t end = sent.first_token + sent.token_count;
    uint32_t i = sent.first_token;
    while (i < end) {
      std::string_view w = doc.Slice(doc.tokens[i]);
      bool starts = IsCapitalised(w) ||
                    (IsHyphenConnector(w) && i + 2 < end && doc.Slice(doc.tokens[i + 1]) == "-" &&
                     IsCapitalised(doc.Slice(doc.tokens[i + 2])));
      if (!starts) { ++i; continue; }
      Run run{s, i, i, i == sent.first_token};
      uint32_t j = i + 1;
      while (j < end) {
        std::string_view x = doc.Slice(doc.tokens[j]);
        bool glued = doc.tokens[j].start == doc.tokens[j - 1].end;
        if (IsCapitalised(x)) { run.last = j++; continue; }
        if (x == "-" && glued && j + 1 < end && doc.tokens[j + 1].start == doc.tokens[j].end) { ++j; continue; }
        bool hyphened = j + 2 < end && doc.Slice(doc.tokens[j + 1]) == "-" &&
                        doc.tokens[j + 1].start == x.size() + doc.tokens[j].start;
        if ((IsConnector(x) || (IsHyphenConnector(x) && hyphened)) && j + 1 < end) {
          uint32_t k = hyphened ? j + 2 : j + 1;
          if (k < end && IsCapitalised(doc.Slice(doc.tokens[k]))) { j = k; continue; }
        }
        break;
      }
      // A run may not end on a connector or hyphen; run.last is always a capitalised token.
      runs->push_back(run);
      i = std::max(run.last + 1, j);
    }
  }
}

bool ToponymRecognizer::Lookup(const Document& doc, uint32_t first, uint32_t last, Toponym* t) const {
  if (first > last) return false;
  Span span{doc.tokens[first].start, doc.tokens[last].end};
  std::string key = NormalizePlaceName(doc.Slice(span));
  if (key.empty() || StopWords().count(key) > 0) return false;
  std::span<const KeyRecord> found = gazetteer_.Find(key);
  if (found.empty()) return false;
  t->span = span;
  t->first_token = first;
  t->last_token = last;
  t->key = std::move(key);
  t->candidates.clear();
  for (const KeyRecord& k : found) t->candidates.push_back(k.place);
  auto weight = [this](uint32_t p) {
    const PlaceRecord& r = *gazetteer_.place(p).record;
    return r.kind == PlaceKind::kCity ? r.population : UINT32_MAX - static_cast<uint32_t>(r.kind);
  };
  std::sort(t->candidates.begin(), t->candidates.end(),
            [&](uint32_t a, uint32_t b) { return weight(a) > weight(b); });
  if (t->candidates.size() > options_.max_candidates) t->candidates.resize(options_.max_candidates);
  return true;
}

void ToponymRecognizer::ExtendLowercase(const Document& doc, uint32_t sentence_end, Toponym* t) const {
  if (!gazetteer_.HasLongerKey(t->key)) return;
  for (uint32_t last = t->last_token + 1; last < sentence_end && last <= t->last_token + 3; ++last) {
    std::string_view w = doc.Slice(doc.tokens[last]);
    if (w.empty() || !std::isalnum(static_cast<unsigned char>(w[0]))) return;
    Toponym longer;
    if (Lookup(doc, t->first_token, last, &longer)) {
      longer.sentence = t->sentence;
      *t = std::move(longer);
      return;
    }
  }
}

bool ToponymRecognizer::MatchRun(const Document& doc, const Run& run, Toponym* t) const {
  uint32_t b = run.last;
  uint32_t stripped = run.first;
  while (stripped < b && StopWords().count(Lower(doc.Slice(doc.tokens[stripped]))) > 0 &&
         !IsDirection(Lower(doc.Slice(doc.tokens[stripped])))) {
    ++stripped;
  }
  for (uint32_t a : {run.first, stripped}) {
    if (b - a + 1 <= static_cast<uint32_t>(options_.max_tokens) && Lookup(doc, a, b, t)) return true;
    if (a < b && IsAdminWord(Lower(doc.Slice(doc.tokens[b]))) && Lookup(doc, a, b - 1, t)) return true;
    if (a < b && IsDirection(Lower(doc.Slice(doc.tokens[a])))) {
      uint32_t c = a + 1;
      if (c < b && doc.Slice(doc.tokens[c]) == "-") ++c;
      if (Lookup(doc, c, b, t)) return true;
    }
    if (MatchEmbedded(doc, a, b, t)) return true;
    if (stripped == run.first) break;
  }
  return false;
}

bool ToponymRecognizer::MatchEmbedded(const Document& doc, uint32_t a, uint32_t b, Toponym* t) const {
  // "University of Toronto", "Bank of England": the part after "of".
  for (uint32_t i = a + 1; i < b; ++i) {
    if (doc.Slice(doc.tokens[i]) == "of" && Lookup(doc, i + 1, b, t)) return true;
  }
  // "Washington Post", "Toronto Police Service": a place before an organisation word.
  for (uint32_t end = b; end > a; --end) {
    if (!IsOrganisationWord(Lower(doc.Slice(doc.tokens[end])))) continue;
    std::string word = Lower(doc.Slice(doc.tokens[end]));
    for (uint32_t last = end - 1; last + 1 > a && last < end; --last) {
      if (Lookup(doc, a, last, t)) {
        t->before_subdivision = last + 1 == end && (word == "county" || word == "parish" ||
                                                    word == "township" || word == "borough");
        return true;
      }
      if (last == a) break;
    }
  }
  return false;
}

bool ToponymRecognizer::Acceptable(const Document& doc, const Toponym& t, bool sentence_start) const {
  bool only_cities = true;
  uint32_t max_population = 0;
  for (uint32_t c : t.candidates) {
    const PlaceRecord& r = *gazetteer_.place(c).record;
    if (r.kind != PlaceKind::kCity) only_cities = false;
    max_population = std::max(max_population, r.population);
  }
  if (t.from_entity || !only_cities) return true;
  if (t.first_token == t.last_token && max_population < options_.min_population_alternate) {
    bool primary = false;
    for (uint32_t c : t.candidates) primary = primary || IsPrimaryName(gazetteer_.place(c), t.key);
    if (!primary) return false;  // only an alternate name of a small town ("Oak", "Bank")
  }
  if (t.first_token != t.last_token) return true;
  const Token& tok = doc.tokens[t.first_token];
  if (!tok.upos.empty() && tok.upos != "PROPN") return false;
  if (sentence_start && max_population < options_.min_population_sentence_start) return false;
  std::string_view w = doc.Slice(tok);
  bool all_caps = w.size() <= 5 && std::all_of(w.begin(), w.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || c == '.';
  });
  if (all_caps) return false;  // acronyms of organisations ("NATO", "BJP")
  if (t.last_token + 1 < doc.tokens.size()) {
    std::string_view next = doc.Slice(doc.tokens[t.last_token + 1]);
    if (next == "said" || next == "says" || next == "told" || next == "added" ||
        next == "wrote" || next == "explained" || next == "noted" || next == "argued") {
      return false;  // a person speaking
    }
  }
  return true;
}

bool ToponymRecognizer::IsOrdinaryOrPersonWord(const Toponym& t,
                                               const std::unordered_set<std::string>& lower_words,
                                               const std::unordered_set<std::string>& name_parts) const {
  if (t.first_token != t.last_token) return false;
  for (uint32_t c : t.candidates) {
    if (gazetteer_.place(c).record->kind != PlaceKind::kCity) return false;
  }
  if (lower_words.count(t.key) > 0 || name_parts.count(t.key) > 0) return true;
  uint32_t max_population = 0;
  bool primary = false;
  for (uint32_t c : t.candidates) {
    Place p = gazetteer_.place(c);
    max_population = std::max(max_population, p.record->population);
    primary = primary || IsPrimaryName(p, t.key);
  }
  // Only an alternate name of small towns ("Oak", "Bank").
  return !primary && max_population < options_.min_population_alternate;
}

void ToponymRecognizer::Recognize(const Document& doc, std::vector<Toponym>* out) const {
  std::vector<Run> runs;
  CollectRuns(doc, &runs);
  // Words the document also writes in lower case are ordinary words here.
  std::unordered_set<std::string> lower_words;
  for (const Token& tok : doc.tokens) {
    std::string_view w = doc.Slice(tok);
    if (IsLowerWord(w)) lower_words.insert(std::string(w));
  }
  // Person entities, and the last words of unmatched multi-word names ("Jordan Henderson").
  std::vector<std::pair<uint32_t, uint32_t>> persons;
  for (const EntityMention& e : doc.entities) {
    if (e.type == "person") persons.emplace_back(e.first_token, e.last_token);
  }
  std::unordered_set<std::string> name_parts;
  std::vector<Toponym> found;
  for (const Run& run : runs) {
    Toponym t;
    t.sentence = run.sentence;
    if (MatchRun(doc, run, &t)) {
      const Sentence& s = doc.sentences[run.sentence];
      ExtendLowercase(doc, s.first_token + s.token_count, &t);
      found.push_back(std::move(t));
    } else if (run.last > run.first) {
      name_parts.insert(NormalizePlaceName(doc.Slice(doc.tokens[run.last])));
    }
  }
  // Toponyms the recogniser marked as places come first; runs fill the rest.
  std::vector<Toponym> from_entities;
  for (const EntityMention& e : doc.entities) {
    if (e.type != "place") continue;
    Toponym t;
    t.sentence = e.sentence;
    t.from_entity = true;
    Run run{e.sentence, e.first_token, e.last_token, e.first_token == doc.sentences[e.sentence].first_token};
    if (MatchRun(doc, run, &t)) {
      t.sentence = e.sentence;
      t.from_entity = true;
      const Sentence& s = doc.sentences[e.sentence];
      ExtendLowercase(doc, s.first_token + s.token_count, &t);
      t.from_entity = true;
      if (IsOrdinaryOrPersonWord(t, lower_words, name_parts)) continue;
      from_entities.push_back(std::move(t));
    }
  }
  auto overlaps = [](const Toponym& x, uint32_t first, uint32_t last) {
    return x.first_token <= last && first <= x.last_token;
  };
  for (Toponym& t : found) {
    bool covered = std::any_of(from_entities.begin(), from_entities.end(), [&](const Toponym& e) {
      return overlaps(e, t.first_token, t.last_token);
    });
    if (covered) continue;
    const Sentence& s = doc.sentences[t.sentence];
    bool sentence_start = t.first_token == s.first_token;
    if (!Acceptable(doc, t, sentence_start)) continue;
    bool single_city_only = t.first_token == t.last_token;
    for (uint32_t c : t.candidates) {
      if (gazetteer_.place(c).record->kind != PlaceKind::kCity) single_city_only = false;
    }
    if (IsOrdinaryOrPersonWord(t, lower_words, name_parts)) continue;
    if (single_city_only) {
      if (t.first_token > s.first_token &&
          IsTitle(NormalizePlaceName(doc.Slice(doc.tokens[t.first_token - 1])))) {
        continue;
      }
      bool person = std::any_of(persons.begin(), persons.end(), [&](const auto& p) {
        return t.first_token <= p.second && p.first <= t.last_token;
      });
      if (person) continue;
    }
    from_entities.push_back(std::move(t));
  }
  std::sort(from_entities.begin(), from_entities.end(),
            [](const Toponym& x, const Toponym& y) { return x.span.start < y.span.start; });
  for (Toponym& t : from_entities) out->push_back(std::move(t));
}

}  // namespace sitrep
