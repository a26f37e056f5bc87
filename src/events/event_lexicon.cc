#include "events/event_lexicon.h"

#include <algorithm>
#include <filesystem>

#include "base/file_reader.h"
#include "events/dependency_tree.h"

namespace sitrep {

namespace {

// Kinds whose lemmas are cue words rather than triggers of their own.
constexpr std::string_view kCueKinds[] = {
    "light",  "negation",       "modal",      "future", "obligation", "representative",
    "quantity", "measure", "object_control", "place_noun", "time_noun", "copular", "frame_noun", "denial", "seat_verb", "opaque", "victim", "relational", "agentive_passive", "weapon", "title", "common_name", "sport", "arts"};
constexpr std::string_view kTriggerKinds[] = {
    "verb",   "noun",   "adj",    "speech", "intent",     "appeal",     "demand",
    "reject", "threat", "accuse", "investigate", "block"};

bool IsCueKind(std::string_view kind) {
  return std::find(std::begin(kCueKinds), std::end(kCueKinds), kind) != std::end(kCueKinds);
}

bool IsKnownKind(std::string_view kind) {
  return IsCueKind(kind) ||
         std::find(std::begin(kTriggerKinds), std::end(kTriggerKinds), kind) != std::end(kTriggerKinds);
}

bool IsPreposition(std::string_view w) {
  return w == "of" || w == "against" || w == "for" || w == "in" || w == "on" || w == "to" ||
         w == "with" || w == "from" || w == "into" || w == "at" || w == "over";
}

// Splits a multi-word lemma into its head and the other words. Verbs (and adjectives) are
// headed by their first word ("pull out", "take part in"); nouns by their last word ("air
// strike"), or by the word before a preposition ("state of emergency").
void SplitLemma(const std::string& lemma, const std::string& pos, TriggerPattern* p) {
  std::vector<std::string> words;
  for (std::string_view w : SplitString(lemma, ' ')) {
    if (!w.empty()) words.emplace_back(w);
  }
  size_t head = 0;
  if (pos == "noun") {
    head = words.size() - 1;
    for (size_t i = 1; i + 1 < words.size(); ++i) {
      if (IsPreposition(words[i])) {
        head = i - 1;
        break;
      }
    }
  }
  p->lemma = words[head];
  p->extra.clear();
  for (size_t i = 0; i < words.size(); ++i) {
    if (i != head) p->extra.push_back(words[i]);
  }
}

std::string PosOfKind(const TriggerPattern& p) {
  if (const auto* pos = p.Values("pos")) return (*pos)[0];
  if (p.kind == "noun") return "noun";
  if (p.kind == "adj") return "adj";
  return "verb";
}

Result<std::string> ReadText(const std::string& path) {
  auto reader = ByteReader::Open(path);
  if (!reader.ok()) return reader.status();
  std::string contents;
  SITREP_RETURN_IF_ERROR((*reader)->ReadAll(64u << 20, &contents));
  return contents;
}

std::string_view StripComment(std::string_view line) {
  size_t hash = line.find(" #");
  if (hash != std::string_view::npos) line = line.substr(0, hash);
  if (!line.empty() && line[0] == '#') return {};
  return TrimWhitespace(line);
}

std::vector<std::string> SplitList(std::string_view values) {
  std::vector<std::string> out;
  for (std::string_view v : SplitString(values, ';')) {
    v = TrimWhitespace(v);
    if (!v.empty()) out.push_back(ToLowerAscii(v));
  }
  return out;
}

// Splits "CODE  KIND  rest" on the first two runs of whitespace.
bool SplitHead(std::string_view line, std::string_view* code, std::string_view* kind,
               std::string_view* rest) {
  size_t a = line.find_first_of(" \t");
  if (a == std::string_view::npos) return false;
  *code = line.substr(0, a);
  size_t b = line.find_first_not_of(" \t", a);
  if (b == std::string_view::npos) return false;
  size_t c = line.find_first_of(" \t", b);
  if (c == std::string_view::npos) return false;
  *kind = line.substr(b, c - b);
  *rest = TrimWhitespace(line.substr(c));
  return true;
}

}  // namespace

const std::vector<std::string>* TriggerPattern::Values(std::string_view key) const {
  auto it = keys.find(std::string(key));
  return it == keys.end() ? nullptr : &it->second;
}

bool TriggerPattern::Allows(std::string_view key, std::string_view value) const {
  const auto* values = Values(key);
  if (!values) return true;
  return std::find(values->begin(), values->end(), value) != values->end();
}

int TriggerPattern::specificity() const {
  int n = static_cast<int>(extra.size());
  for (const auto& [key, values] : keys) {
    if (key == "obj" || key == "subj" || key == "with" || key == "topic" || key == "noobj") n += 2;
  }
  return n * 10 + static_cast<int>(code.size());  // a 4-digit code beats its parent on a tie
}

Status EventLexicon::ExpandClasses(std::vector<std::string>* values, const std::string& where) const {
  std::vector<std::string> out;
  for (std::string& v : *values) {
    if (v[0] != '@') {
      out.push_back(std::move(v));
      continue;
    }
    auto it = classes_.find(v);
    if (it == classes_.end()) {
      return Status::InvalidArgument(where + ": word class '" + v + "' is not defined above");
    }
    out.insert(out.end(), it->second.begin(), it->second.end());
  }
  // A value listed twice (directly and through a class) is kept once, first place first.
  std::vector<std::string> unique;
  for (std::string& v : out) {
    if (std::find(unique.begin(), unique.end(), v) == unique.end()) unique.push_back(std::move(v));
  }
  *values = std::move(unique);
  return Status::OK();
}

Status EventLexicon::AddClassLine(std::string_view line, const std::string& where) {
  size_t eq = line.find('=');
  std::string name = ToLowerAscii(TrimWhitespace(line.substr(0, eq)));
  if (eq == std::string_view::npos || name.size() < 2 ||
      name.find_first_of(" \t;|") != std::string::npos) {
    return Status::InvalidArgument(where + ": expected '@name = value ; value ...'");
  }
  if (classes_.count(name)) {
    return Status::InvalidArgument(where + ": word class '" + name + "' is defined twice");
  }
  auto values = SplitList(line.substr(eq + 1));
  if (values.empty()) return Status::InvalidArgument(where + ": word class '" + name + "' is empty");
  SITREP_RETURN_IF_ERROR(ExpandClasses(&values, where));
  classes_[name] = std::move(values);
  return Status::OK();
}

Status EventLexicon::AddPatternLine(std::string_view line, const std::string& where,
                                    const CameoTable& cameo) {
  line = StripComment(line);
  if (line.empty()) return Status::OK();
  if (line[0] == '@') return AddClassLine(line, where);
  auto fields = SplitString(line, '|');
  std::string_view code, kind, lemmas;
  if (!SplitHead(fields[0], &code, &kind, &lemmas)) {
    return Status::InvalidArgument(where + ": expected 'CODE KIND lemma ; lemma ...'");
  }
  if (code != "-" && !cameo.Find(code)) {
    return Status::InvalidArgument(where + ": unknown CAMEO code '" + std::string(code) + "'");
  }
  TriggerPattern proto;
  proto.code = std::string(code);
  proto.kind = ToLowerAscii(kind);
  if (!IsKnownKind(proto.kind)) {
    return Status::InvalidArgument(where + ": unknown kind '" + proto.kind + "'");
  }
  proto.file = where.substr(0, where.rfind(':'));
  proto.line = std::atoi(where.substr(where.rfind(':') + 1).c_str());
  for (size_t i = 1; i < fields.size(); ++i) {
    std::string_view field = TrimWhitespace(fields[i]);
    size_t colon = field.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      return Status::InvalidArgument(where + ": expected 'key: value' after '|', got '" +
                                     std::string(field) + "'");
    }
    std::string key = ToLowerAscii(TrimWhitespace(field.substr(0, colon)));
    auto values = SplitList(field.substr(colon + 1));
    if (values.empty()) return Status::InvalidArgument(where + ": key '" + key + "' has no value");
    SITREP_RETURN_IF_ERROR(ExpandClasses(&values, where));
    auto& slot = proto.keys[key];
    slot.insert(slot.end(), values.begin(), values.end());
  }
  auto lemma_list = SplitList(lemmas);
  if (lemma_list.empty()) return Status::InvalidArgument(where + ": no lemma");
  SITREP_RETURN_IF_ERROR(ExpandClasses(&lemma_list, where));
  proto.pos = PosOfKind(proto);
  for (const std::string& lemma : lemma_list) {
    TriggerPattern p = proto;
    SplitLemma(lemma, p.pos, &p);
    if (IsCueKind(p.kind)) cues_[p.kind].insert(p.lemma);
    patterns_.push_back(std::move(p));
  }
  return Status::OK();
}

Status EventLexicon::AddRecodeLine(std::string_view line, const std::string& where,
                                   const CameoTable& cameo) {
  line = StripComment(line);
  if (line.empty()) return Status::OK();
  auto cols = SplitString(line, '\t');
  if (cols.size() < 3) return Status::InvalidArgument(where + ": expected MAP<TAB>FROM<TAB>TO");
  std::string map = ToLowerAscii(TrimWhitespace(cols[0]));
  std::string from(TrimWhitespace(cols[1]));
  std::string to(TrimWhitespace(cols[2]));
  if (map == "map") return Status::OK();  // header line
  if (from.empty() || from.find_first_not_of("0123456789") != std::string::npos) {
    return Status::InvalidArgument(where + ": malformed complement code '" + from + "'");
  }
  if (to != "=" && !cameo.Find(to)) {
    return Status::InvalidArgument(where + ": unknown CAMEO code '" + to + "'");
  }
  recode_[{map, from}] = to;
  return Status::OK();
}

void EventLexicon::Compile() {
  for (const TriggerPattern& p : patterns_) by_lemma_[p.lemma].push_back(&p);
  for (auto& [lemma, list] : by_lemma_) {
    std::stable_sort(list.begin(), list.end(), [](const TriggerPattern* a, const TriggerPattern* b) {
      return a->specificity() > b->specificity();
    });
  }
}

Status EventLexicon::AddPatternText(std::string_view text, const std::string& origin,
                                    const CameoTable& cameo) {
  int line_no = 0;
  for (std::string_view line : SplitString(text, '\n')) {
    ++line_no;
    SITREP_RETURN_IF_ERROR(AddPatternLine(line, origin + ":" + std::to_string(line_no), cameo));
  }
  return Status::OK();
}

Status EventLexicon::AddRecodeText(std::string_view text, const std::string& origin,
                                   const CameoTable& cameo) {
  int line_no = 0;
  for (std::string_view line : SplitString(text, '\n')) {
    ++line_no;
    SITREP_RETURN_IF_ERROR(AddRecodeLine(line, origin + ":" + std::to_string(line_no), cameo));
  }
  return Status::OK();
}

Result<std::unique_ptr<EventLexicon>> EventLexicon::Parse(std::string_view patterns,
                                                          const std::string& patterns_origin,
                                                          std::string_view recode,
                                                          const std::string& recode_origin,
                                                          const CameoTable& cameo) {
  auto lexicon = std::unique_ptr<EventLexicon>(new EventLexicon());
  SITREP_RETURN_IF_ERROR(lexicon->AddPatternText(patterns, patterns_origin, cameo));
  SITREP_RETURN_IF_ERROR(lexicon->AddRecodeText(recode, recode_origin, cameo));
  lexicon->Compile();
  return lexicon;
}

Result<std::unique_ptr<EventLexicon>> EventLexicon::Load(const std::string& patterns_path,
                                                         const std::string& recode_path,
                                                         const CameoTable& cameo) {
  SITREP_ASSIGN_OR_RETURN(std::string patterns, ReadText(patterns_path));
  std::string recode;
  if (!recode_path.empty()) {
    SITREP_ASSIGN_OR_RETURN(recode, ReadText(recode_path));
  }
  return Parse(patterns, patterns_path, recode, recode_path, cameo);
}

Result<std::unique_ptr<EventLexicon>> EventLexicon::LoadDirectory(const std::string& directory,
                                                                  const std::string& recode_path,
                                                                  const CameoTable& cameo) {
  std::error_code ec;
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") {
      files.push_back(entry.path().string());
    }
  }
  if (ec) return Status::NotFound(directory + ": cannot read the lexicon directory (" + ec.message() + ")");
  if (files.empty()) return Status::NotFound(directory + ": no lexicon files (*.txt)");
  std::sort(files.begin(), files.end());
  auto lexicon = std::unique_ptr<EventLexicon>(new EventLexicon());
  for (const std::string& file : files) {
    SITREP_ASSIGN_OR_RETURN(std::string text, ReadText(file));
    SITREP_RETURN_IF_ERROR(lexicon->AddPatternText(text, file, cameo));
  }
  if (!recode_path.empty()) {
    SITREP_ASSIGN_OR_RETURN(std::string recode, ReadText(recode_path));
    SITREP_RETURN_IF_ERROR(lexicon->AddRecodeText(recode, recode_path, cameo));
  }
  lexicon->Compile();
  return lexicon;
}

const std::vector<const TriggerPattern*>& EventLexicon::Lookup(std::string_view lemma) const {
  static const std::vector<const TriggerPattern*> kEmpty;
  auto it = by_lemma_.find(std::string(lemma));
  return it == by_lemma_.end() ? kEmpty : it->second;
}

bool EventLexicon::IsCue(std::string_view kind, std::string_view lemma) const {
  auto it = cues_.find(std::string(kind));
  return it != cues_.end() && it->second.count(std::string(lemma)) > 0;
}

std::vector<const TriggerPattern*> EventLexicon::Cues(std::string_view kind,
                                                     std::string_view lemma) const {
  std::vector<const TriggerPattern*> out;
  for (const TriggerPattern* p : Lookup(lemma)) {
    if (p->kind == kind) out.push_back(p);
  }
  return out;
}

std::string EventLexicon::Recode(std::string_view map, std::string_view code) const {
  std::string m(map);
  for (size_t len : {code.size(), size_t{3}, size_t{2}}) {
    if (len > code.size()) continue;
    auto it = recode_.find({m, std::string(code.substr(0, len))});
    if (it != recode_.end()) return it->second == "=" ? std::string(code) : it->second;
  }
  return "";
}

}  // namespace sitrep
