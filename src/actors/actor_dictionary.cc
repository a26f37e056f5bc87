#include "actors/actor_dictionary.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <unordered_map>
#include <utility>

#include "actors/actor_line.h"
#include "actors/match_pieces.h"
#include "base/file_reader.h"
#include "base/utf8.h"

namespace sitrep {

namespace {

constexpr uint32_t kNoId = 0xFFFFFFFFu;
constexpr size_t kMaxFileBytes = 64u << 20;

// CAMEO roots that are not countries: organisations, militant groups, companies,
// unidentified actors and world regions.
constexpr std::array<std::string_view, 33> kInternationalRoots = {
    "IGO", "NGO", "NGM", "IMG", "MNC", "UIS", "INT",  // organisations, movements, unknown
    "AFR", "ASA", "BLK", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR", "LAM", "MEA",
    "MDT", "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF", "WST", "CRB",
    "KUR"};  // the last: ethnic groups without a state

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using Vocabulary = std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>>;

// A form that ends at a trie node, with what it demands of the text's case.
struct FormRecord {
  std::vector<std::pair<uint32_t, std::string>> cased_pieces;  // piece offset, capitals
  bool short_caps = false;  // a lone one- or two-letter capitalised word ("US", "IS")
  std::vector<uint32_t> entries;
};

struct TrieNode {
  uint32_t record_begin = 0;
  uint32_t record_count = 0;
};

uint64_t EdgeKey(uint32_t node, uint32_t piece) { return (uint64_t{node} << 32) | piece; }

bool IsThe(std::string_view token) {
  return token.size() == 3 && (token[0] | 0x20) == 't' && (token[1] | 0x20) == 'h' &&
         (token[2] | 0x20) == 'e';
}

bool IsPossessiveToken(std::string_view token) {
  return token == "'s" || token == "'" || token == "\xE2\x80\x99s" || token == "\xE2\x80\x99";
}

std::string BaseName(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

// The regular plural of an agent noun's last word: soldier -> soldiers, militia -> militias,
// party -> parties, press -> presses.
std::string PluralOf(std::string_view word) {
  auto ends = [&](std::string_view s) { return word.ends_with(s); };
  if (ends("s") || ends("x") || ends("ch") || ends("sh") || ends("z")) {
    return std::string(word) + "es";
  }
  if (word.size() > 1 && word.back() == 'y' &&
      std::string_view("aeiou").find(word[word.size() - 2]) == std::string_view::npos) {
    return std::string(word.substr(0, word.size() - 1)) + "ies";
  }
  return std::string(word) + "s";
}

}  // namespace

struct ActorDictionary::Rep {
  bool compiled = false;
  std::vector<ActorEntry> entries;
  std::vector<std::vector<std::string>> forms;  // forms of each file entry
  size_t file_entry_count = 0;

  Vocabulary vocabulary;
  std::unordered_map<uint64_t, uint32_t> edges;
  std::vector<TrieNode> nodes;
  std::vector<FormRecord> records;
  std::unordered_map<std::string, uint32_t> country_agents;  // "RUSMIL" -> entry id
  std::unordered_map<std::string, uint32_t> countries;       // "RUS" -> its first country entry
  std::vector<std::string> warnings;
  size_t form_count = 0;
  PieceBuffer form_pieces;  // compile-time scratch

  uint32_t PieceId(std::string_view norm) const {
    auto it = vocabulary.find(norm);
    return it == vocabulary.end() ? kNoId : it->second;
  }
  uint32_t Child(uint32_t node, uint32_t piece) const {
    auto it = edges.find(EdgeKey(node, piece));
    return it == edges.end() ? kNoId : it->second;
  }

  void BuildCanonicalNames();
  void BuildCountryAgents();
  void BuildTrie();
  void AddForm(std::string_view form, uint32_t entry, bool agent,
               std::map<uint32_t, std::vector<FormRecord>>* pending);
  void AddPath(const PieceBuffer& buf, size_t first, std::string_view last_norm, uint32_t entry,
               std::map<uint32_t, std::vector<FormRecord>>* pending);
  uint32_t InsertPath(const std::vector<std::string>& norms);
  void CollectWarnings();
};

struct ActorDictionary::MatchScratch::Rep {
  PieceBuffer buf;
  std::vector<uint32_t> piece_token;  // absolute token index of each piece
  std::vector<uint32_t> ids;          // vocabulary id of each piece (kNoId when unknown)
  std::vector<uint8_t> start_ok;      // only punctuation before the piece in its token
  std::vector<uint8_t> end_ok;        // the piece may end a match
  std::vector<ActorMatch> base;
  bool shouting = false;
};

ActorDictionary::MatchScratch::MatchScratch() : rep_(std::make_unique<Rep>()) {}
ActorDictionary::MatchScratch::~MatchScratch() = default;

ActorDictionary::ActorDictionary() : rep_(std::make_unique<Rep>()) {}
ActorDictionary::~ActorDictionary() = default;

bool ActorDictionary::IsInternationalRoot(std::string_view root) {
  return std::find(kInternationalRoots.begin(), kInternationalRoots.end(), root) !=
         kInternationalRoots.end();
}

// ---------------------------------------------------------------------------------------
// Loading

Result<std::unique_ptr<ActorDictionary>> ActorDictionary::LoadDirectory(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return Status::NotFound("actor dictionary directory not found: " + dir);
  }
  std::vector<std::string> files;
  for (const auto& item : std::filesystem::directory_iterator(dir, ec)) {
    if (item.is_regular_file() && item.path().extension() == ".txt") {
      files.push_back(item.path().string());
    }
  }
  if (ec) return Status::IOError("cannot list " + dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  auto dict = std::make_unique<ActorDictionary>();
  for (const std::string& f : files) SITREP_RETURN_IF_ERROR(dict->AddFile(f));
  SITREP_RETURN_IF_ERROR(dict->Compile());
  return dict;
}

Status ActorDictionary::AddFile(const std::string& path) {
  SITREP_ASSIGN_OR_RETURN(std::unique_ptr<ByteReader> reader, ByteReader::Open(path));
  std::string text;
  SITREP_RETURN_IF_ERROR(reader->ReadAll(kMaxFileBytes, &text));
  std::string name = BaseName(path);
  std::string_view rest = StripBom(text);
  int line_no = 0;
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    SITREP_RETURN_IF_ERROR(AddLine(line, name, ++line_no));
  }
  return Status::OK();
}

Status ActorDictionary::AddLine(std::string_view line, std::string_view file, int line_no) {
  auto where = [&] { return std::string(file) + ":" + std::to_string(line_no); };
  if (rep_->compiled) return Status::InvalidArgument(where() + ": dictionary already compiled");
  if (!IsValidUtf8(line)) return Status::InvalidArgument(where() + ": invalid UTF-8");
  Result<ActorLine> parsed = ParseActorLine(line);
  if (!parsed.ok()) return Status::InvalidArgument(where() + ": " + parsed.status().message());
  if (!parsed->is_entry) return Status::OK();
  ActorEntry entry;
  entry.code = parsed->code;
  entry.canonical = parsed->forms.front();
  entry.kind = parsed->kind;
  entry.from = parsed->from;
  entry.to = parsed->to;
  entry.file = std::string(file);
  entry.line = line_no;
  rep_->entries.push_back(std::move(entry));
  rep_->forms.push_back(std::move(parsed->forms));
  return Status::OK();
}

// ---------------------------------------------------------------------------------------
// Compiling

Status ActorDictionary::Compile() {
  if (rep_->compiled) return Status::InvalidArgument("actor dictionary compiled twice");
  rep_->compiled = true;
  rep_->file_entry_count = rep_->entries.size();
  rep_->BuildCanonicalNames();
  rep_->BuildCountryAgents();
  for (size_t i = 0; i < rep_->file_entry_count; ++i) {
    const ActorEntry& e = rep_->entries[i];
    if (e.kind == ActorKind::kCountry && e.code.size() == 3) {
      rep_->countries.emplace(e.code, static_cast<uint32_t>(i));
    }
  }
  rep_->BuildTrie();
  rep_->CollectWarnings();
  return Status::OK();
}

// Country-level kinds take the country's name; role codes append the agent labels, so that
// "the Kremlin", "Russian officials" and "Moscow" all read "Russia government".
void ActorDictionary::Rep::BuildCanonicalNames() {
  std::unordered_map<std::string, std::string> country_names, role_labels;
  for (size_t i = 0; i < entries.size(); ++i) {
    const ActorEntry& e = entries[i];
    if (e.kind == ActorKind::kCountry && e.code.size() == 3)
      country_names.emplace(e.code, e.canonical);
    if (e.kind == ActorKind::kAgent) role_labels.emplace(e.code, e.canonical);
  }
  for (ActorEntry& e : entries) {
    // A state body coded with a bare role ("IDF" ISRMIL, "Pentagon" USAMIL) is that
    // country's role actor too; a body with a tag of its own (IRNMILIRG) keeps its name.
    bool role_body = e.kind == ActorKind::kOrganization && e.code.size() == 6 &&
                     role_labels.count(e.code.substr(3)) > 0;
    bool country_level = e.kind == ActorKind::kAdjective || e.kind == ActorKind::kDemonym ||
                         e.kind == ActorKind::kCapital || role_body ||
                         (e.kind == ActorKind::kCountry && e.code.size() > 3);
    auto name = country_names.find(std::string(e.root()));
    if (!country_level || name == country_names.end()) continue;
    e.canonical = name->second;
    for (size_t b = 3; b < e.code.size(); b += 3) {
      std::string block = e.code.substr(b, 3);
      auto label = role_labels.find(block);
      e.canonical += " " + (label == role_labels.end() ? block : label->second);
    }
  }
}

void ActorDictionary::Rep::BuildCountryAgents() {
  std::vector<std::pair<std::string, std::string>> countries, roles;  // code, name
  std::unordered_map<std::string, bool> seen;
  for (const ActorEntry& e : entries) {
    if (e.kind == ActorKind::kCountry && e.code.size() == 3 && !seen[e.code]) {
      seen[e.code] = true;
      countries.emplace_back(e.code, e.canonical);
    }
    if (e.kind == ActorKind::kAgent && !seen["agent:" + e.code]) {
      seen["agent:" + e.code] = true;
      roles.emplace_back(e.code, e.canonical);
    }
  }
  entries.reserve(entries.size() + countries.size() * roles.size());
  for (const auto& [country, name] : countries) {
    for (const auto& [role, label] : roles) {
      ActorEntry e;
      e.code = country + role;
      e.canonical = name + " " + label;
      e.kind = ActorKind::kCountryAgent;
      e.file = "(built)";
      country_agents.emplace(e.code, static_cast<uint32_t>(entries.size()));
      entries.push_back(std::move(e));
    }
  }
}

uint32_t ActorDictionary::Rep::InsertPath(const std::vector<std::string>& norms) {
  if (nodes.empty()) nodes.emplace_back();
  uint32_t node = 0;
  for (const std::string& n : norms) {
    // Look up before inserting: emplace would allocate a node even for a known key.
    auto vit = vocabulary.find(n);
    if (vit == vocabulary.end()) {
      vit = vocabulary.emplace(n, static_cast<uint32_t>(vocabulary.size())).first;
    }
    uint64_t key = EdgeKey(node, vit->second);
    auto eit = edges.find(key);
    if (eit == edges.end()) {
      eit = edges.emplace(key, static_cast<uint32_t>(nodes.size())).first;
      nodes.emplace_back();
    }
    node = eit->second;
  }
  return node;
}

// Adds the path of pieces buf[first..] (the last one's normalised form replaced by
// `last_norm` unless it is empty) ending in a record for `entry`.
void ActorDictionary::Rep::AddPath(const PieceBuffer& buf, size_t first, std::string_view last_norm,
                                   uint32_t entry,
                                   std::map<uint32_t, std::vector<FormRecord>>* pending) {
  std::vector<std::string> norms;
  FormRecord record;
  size_t n = buf.pieces.size() - first;
  for (size_t i = first; i < buf.pieces.size(); ++i) {
    const TextPiece& p = buf.pieces[i];
    norms.emplace_back(buf.Norm(p));
    if (p.case_sensitive()) {
      record.cased_pieces.emplace_back(i - first, std::string(buf.Cased(p)));
    }
  }
  if (!last_norm.empty()) {
    norms.back() = std::string(last_norm);
    // A plural of a capitalised word keeps its capitals and adds "s": "MP" -> "MPs".
    if (!record.cased_pieces.empty() && record.cased_pieces.back().first == n - 1) {
      record.cased_pieces.back().second += 's';
      if (norms.back() != std::string(buf.Norm(buf.pieces.back())) + "s") return;
    }
  }
  record.short_caps =
      n == 1 && record.cased_pieces.size() == 1 && buf.Cased(buf.pieces[first]).size() <= 2;
  std::vector<FormRecord>& at = (*pending)[InsertPath(norms)];
  const ActorEntry& e = entries[entry];
  auto same = [&](uint32_t other) {
    const ActorEntry& o = entries[other];
    return o.code == e.code && o.kind == e.kind && o.from == e.from && o.to == e.to;
  };
  for (FormRecord& r : at) {
    if (r.cased_pieces == record.cased_pieces) {
      // An identical duplicate (same code, kind and dates) adds nothing: the first stays.
      if (std::none_of(r.entries.begin(), r.entries.end(), same)) r.entries.push_back(entry);
      return;
    }
  }
  record.entries.push_back(entry);
  at.push_back(std::move(record));
}

void ActorDictionary::Rep::AddForm(std::string_view form, uint32_t entry, bool agent,
                                   std::map<uint32_t, std::vector<FormRecord>>* pending) {
  PieceBuffer& buf = form_pieces;
  buf.Clear();
  AppendPieces(form, 0, &buf);
  size_t first = 0;
  if (buf.pieces.size() > 1 && buf.Norm(buf.pieces[0]) == "the") first = 1;
  if (first >= buf.pieces.size()) return;
  AddPath(buf, first, "", entry, pending);
  if (!agent || !buf.pieces.back().word) return;
  AddPath(buf, first, PluralOf(buf.Norm(buf.pieces.back())), entry, pending);
}

void ActorDictionary::Rep::BuildTrie() {
  std::map<uint32_t, std::vector<FormRecord>> pending;
  std::map<std::pair<std::string, std::string>, uint32_t> person_fallback;
  nodes.emplace_back();
  vocabulary.reserve(16384);
  edges.reserve(65536);
  for (uint32_t id = 0; id < file_entry_count; ++id) {
    // Entry `id` may be copied into entries below, so take the fields needed first.
    ActorKind kind = entries[id].kind;
    uint32_t fallback = kNoId;
    if (kind == ActorKind::kPerson) {
      auto key = std::make_pair(std::string(entries[id].root()), entries[id].canonical);
      auto [it, added] = person_fallback.emplace(key, static_cast<uint32_t>(entries.size()));
      if (added) {
        ActorEntry e = entries[id];
        e.code = key.first;
        e.from = kOpenFrom;
        e.to = kOpenTo;
        e.file = "(built)";
        e.line = 0;
        entries.push_back(std::move(e));
      }
      fallback = it->second;
    }
    for (const std::string& form : forms[id]) {
      AddForm(form, id, kind == ActorKind::kAgent, &pending);
      if (fallback != kNoId) AddForm(form, fallback, false, &pending);
    }
  }
  form_count = 0;
  for (const auto& f : forms) form_count += f.size();
  for (auto& [node, recs] : pending) {
    // Case-sensitive records first: when one passes, the case-free ones pass too.
    std::stable_sort(recs.begin(), recs.end(), [](const FormRecord& a, const FormRecord& b) {
      return a.cased_pieces.size() > b.cased_pieces.size();
    });
    nodes[node].record_begin = static_cast<uint32_t>(records.size());
    nodes[node].record_count = static_cast<uint32_t>(recs.size());
    for (FormRecord& r : recs) {
      std::sort(r.entries.begin(), r.entries.end());
      records.push_back(std::move(r));
    }
  }
}

// Reports forms that name different codes with no dates to tell them apart.
void ActorDictionary::Rep::CollectWarnings() {
  for (const FormRecord& r : records) {
    const ActorEntry* first = nullptr;
    for (uint32_t id : r.entries) {
      const ActorEntry& e = entries[id];
      if (e.dated() || e.kind == ActorKind::kPerson) continue;
      if (first == nullptr) {
        first = &e;
      } else if (e.code != first->code) {
        warnings.push_back("'" + e.canonical + "' (" + e.code + ", " + e.file + ":" +
                           std::to_string(e.line) + ") shares a form with " + first->code + " (" +
                           first->file + ":" + std::to_string(first->line) + "), which " +
                           "wins when no date decides");
      }
    }
  }
}

// ---------------------------------------------------------------------------------------
// Matching

namespace {

// Adds `e` unless a candidate with the same code and dates is there already (a form that is
// both a country's name and its adjective, such as "U.S.", keeps the first line's entry).
void AddCandidate(const ActorEntry* e, ActorMatch* m) {
  for (const ActorEntry* c : m->candidates) {
    if (c->code == e->code && c->from == e->from && c->to == e->to) return;
  }
  m->candidates.push_back(e);
}

// Punctuation that may close a mention inside its token ("Russia," "(Syria)."), as opposed
// to symbols that make the token something else ("US$", "UN/EU", "AT&T").
bool IsClosingPunct(std::string_view p) {
  return p.size() == 1 && std::string_view(".,;:!?)]}\"'").find(p[0]) != std::string_view::npos;
}

// Punctuation that may open a mention inside its token ("(Syria", "\"Hamas").
bool IsOpeningPunct(std::string_view p) {
  return p.size() == 1 && std::string_view("([{\"'").find(p[0]) != std::string_view::npos;
}

// Whether the pieces after `k` up to `end` (exclusive) may trail a match inside one token:
// an optional possessive ("'s" or "'") and then closing punctuation only.
bool TailIsIgnorable(const PieceBuffer& buf, size_t k, size_t end) {
  size_t i = k + 1;
  if (i < end && !buf.pieces[i].word && buf.Norm(buf.pieces[i]) == "'") {
    ++i;
    if (i < end && buf.pieces[i].word && buf.Norm(buf.pieces[i]) == "s") ++i;
  }
  for (; i < end; ++i) {
    if (buf.pieces[i].word || !IsClosingPunct(buf.Norm(buf.pieces[i]))) return false;
  }
  return true;
}

}  // namespace

void ActorDictionary::Match(const Document& doc, const Sentence& sentence,
                            std::vector<ActorMatch>* out, MatchScratch* scratch) const {
  MatchScratch::Rep& s = *scratch->rep_;
  s.buf.Clear();
  s.piece_token.clear();
  s.ids.clear();
  s.start_ok.clear();
  s.end_ok.clear();
  int caps = 0, words = 0;
  uint32_t end_token = sentence.first_token + sentence.token_count;
  for (uint32_t t = sentence.first_token; t < end_token && t < doc.tokens.size(); ++t) {
    size_t first = s.buf.pieces.size();
    AppendPieces(doc.Slice(doc.tokens[t]), doc.tokens[t].start, &s.buf);
    bool only_punct_before = true;
    for (size_t k = first; k < s.buf.pieces.size(); ++k) {
      const TextPiece& p = s.buf.pieces[k];
      s.piece_token.push_back(t);
      s.ids.push_back(rep_->PieceId(s.buf.Norm(p)));
      s.start_ok.push_back(only_punct_before);
      s.end_ok.push_back(TailIsIgnorable(s.buf, k, s.buf.pieces.size()));
      if (p.word || !IsOpeningPunct(s.buf.Norm(p))) only_punct_before = false;
      if (p.word && p.norm_size >= 2) ++words;
      if (p.all_caps) ++caps;
    }
  }
  s.shouting = caps >= 3 && caps * 10 >= words * 6;
  s.base.clear();
  FindForms(doc, sentence, scratch);
  CombineCountryAgents(doc, sentence, scratch, out);
}

// Whether a record's case demands hold for the text pieces starting at `first`.
bool ActorDictionary::RecordAccepts(uint32_t record, const MatchScratch& scratch,
                                    size_t first) const {
  const FormRecord& r = rep_->records[record];
  const MatchScratch::Rep& s = *scratch.rep_;
  if (r.short_caps && s.shouting && !s.buf.pieces[first].has_period) return false;
  for (const auto& [offset, cased] : r.cased_pieces) {
    if (s.buf.Cased(s.buf.pieces[first + offset]) != cased) return false;
  }
  return true;
}

// The longest form starting at piece `first`: sets *last_piece and *node, or returns false.
bool ActorDictionary::LongestAt(const MatchScratch& scratch, size_t first, size_t* last_piece,
                                uint32_t* node_out) const {
  const MatchScratch::Rep& s = *scratch.rep_;
  bool found = false;
  uint32_t node = 0;
  for (size_t q = first; q < s.ids.size(); ++q) {
    if (s.ids[q] == kNoId) break;
    node = rep_->Child(node, s.ids[q]);
    if (node == kNoId) break;
    const TrieNode& n = rep_->nodes[node];
    if (n.record_count == 0 || !s.end_ok[q]) continue;
    for (uint32_t r = n.record_begin; r < n.record_begin + n.record_count; ++r) {
      if (!RecordAccepts(r, scratch, first)) continue;
      found = true;
      *last_piece = q;
      *node_out = node;
      break;
    }
  }
  return found;
}

void ActorDictionary::FindForms(const Document& doc, const Sentence& sentence,
                                MatchScratch* scratch) const {
  MatchScratch::Rep& s = *scratch->rep_;
  size_t p = 0;
  while (p < s.ids.size()) {
    size_t last = 0;
    uint32_t node = 0;
    if (!s.start_ok[p] || s.ids[p] == kNoId || !LongestAt(*scratch, p, &last, &node)) {
      ++p;
      continue;
    }
    ActorMatch m;
    m.first_token = s.piece_token[p];
    m.last_token = s.piece_token[last];
    m.leading_the =
        m.first_token > sentence.first_token && IsThe(doc.Slice(doc.tokens[m.first_token - 1]));
    const TrieNode& n = rep_->nodes[node];
    for (uint32_t r = n.record_begin; r < n.record_begin + n.record_count; ++r) {
      if (!RecordAccepts(r, *scratch, p)) continue;
      for (uint32_t id : rep_->records[r].entries) AddCandidate(&rep_->entries[id], &m);
    }
    s.base.push_back(std::move(m));
    while (p < s.ids.size() && s.piece_token[p] <= s.base.back().last_token) ++p;
  }
}

// Joins "Russian" + "troops" (or "Russia" + "'s" + "military") into one RUSMIL match.
bool ActorDictionary::JoinCountryAgent(const Document& doc, const ActorMatch& country,
                                       const ActorMatch& agent, ActorMatch* joined) const {
  uint32_t gap = agent.first_token - country.last_token;
  if (gap == 2) {
    if (!IsPossessiveToken(doc.Slice(doc.tokens[country.last_token + 1]))) return false;
  } else if (gap != 1) {
    return false;
  }
  joined->candidates.clear();
  for (const ActorEntry* c : country.candidates) {
    if (!IsCountryForm(c->kind)) continue;
    for (const ActorEntry* a : agent.candidates) {
      if (a->kind != ActorKind::kAgent) continue;
      const ActorEntry* e = FindCountryAgent(c->code, a->code);
      if (e != nullptr && std::find(joined->candidates.begin(), joined->candidates.end(), e) ==
                              joined->candidates.end()) {
        joined->candidates.push_back(e);
      }
    }
  }
  if (joined->candidates.empty()) return false;
  joined->first_token = country.first_token;
  joined->last_token = agent.last_token;
  joined->leading_the = country.leading_the;
  return true;
}

void ActorDictionary::CombineCountryAgents(const Document& doc, const Sentence& sentence,
                                           MatchScratch* scratch,
                                           std::vector<ActorMatch>* out) const {
  std::vector<ActorMatch>& base = scratch->rep_->base;
  for (size_t i = 0; i < base.size(); ++i) {
    ActorMatch joined;
    if (i + 1 < base.size() && JoinCountryAgent(doc, base[i], base[i + 1], &joined)) {
      out->push_back(std::move(joined));
      ++i;
      continue;
    }
    out->push_back(std::move(base[i]));
  }
}

const ActorEntry* ActorDictionary::ResolveAt(const ActorMatch& match, int32_t day) const {
  const ActorEntry* undated = nullptr;
  const ActorEntry* dated = nullptr;
  for (const ActorEntry* e : match.candidates) {
    if (!e->dated()) {
      if (undated == nullptr) undated = e;
      continue;
    }
    if (day != kNoDay) {
      if (dated == nullptr && e->ValidOn(day)) dated = e;
    } else if (dated == nullptr || e->to > dated->to ||
               (e->to == dated->to && e->from > dated->from)) {
      dated = e;
    }
  }
  return dated != nullptr ? dated : undated;
}

const std::vector<ActorEntry>& ActorDictionary::entries() const { return rep_->entries; }

const ActorEntry* ActorDictionary::FindCountry(std::string_view code) const {
  auto it = rep_->countries.find(std::string(code));
  return it == rep_->countries.end() ? nullptr : &rep_->entries[it->second];
}

const ActorEntry* ActorDictionary::FindCountryAgent(std::string_view country,
                                                    std::string_view role) const {
  std::string code;
  code.reserve(country.size() + role.size());
  code.append(country).append(role);
  auto it = rep_->country_agents.find(code);
  return it == rep_->country_agents.end() ? nullptr : &rep_->entries[it->second];
}

const std::vector<std::string>& ActorDictionary::compile_warnings() const { return rep_->warnings; }

size_t ActorDictionary::form_count() const { return rep_->form_count; }

}  // namespace sitrep
