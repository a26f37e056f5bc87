#include "syntax/lemmatizer.h"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "syntax/binary_io.h"
#include "syntax/feature_hash.h"
#include "syntax/word_features.h"

namespace sitrep {

namespace {

// The edit turning `form` into `lemma`, or false when no cut/append/case edit does.
bool FindEdit(std::string_view form, std::string_view lemma, const std::string& lower,
              uint8_t* cut, bool* lowered, std::string* append) {
  for (int pass = 0; pass < 2; ++pass) {
    std::string_view base = pass == 0 ? form : std::string_view(lower);
    size_t common = 0;
    while (common < base.size() && common < lemma.size() && base[common] == lemma[common]) {
      ++common;
    }
    // Require the lemma to share all but a short tail of the form.
    if (common == 0 && !base.empty()) continue;
    if (base.size() - common > 8) continue;
    *cut = static_cast<uint8_t>(base.size() - common);
    // A lower-case form says nothing about case: record "lower-case", so that the rule
    // also lower-cases the same word capitalised at the start of a sentence.
    *lowered = pass == 1 || form == lower;
    append->assign(lemma.substr(common));
    return true;
  }
  return false;
}

// The word class whose lemmas a tag's candidates are checked against: the first letter of
// the Penn tag for verbs, common nouns, adjectives and adverbs; 0 for the rest (proper
// nouns included), which take their longest rule as before.
char WordClass(std::string_view xpos) {
  if (xpos.empty()) return 0;
  if (xpos == "NNP" || xpos == "NNPS") return 0;
  char c = xpos[0];
  return c == 'V' || c == 'N' || c == 'J' || c == 'R' ? c : 0;
}

// Regular English inflections undone for a lower-cased form with this tag: "-ed" (bomb,
// bombe, undoubled "shipped" -> ship, "-ied" -> y), "-ing" likewise, "-s"/"-es"/"-ies".
// Each candidate goes to `take` (no list is built: this runs for every word).
template <typename Take>
void RegularStems(std::string_view lower, std::string_view xpos, std::string* scratch, Take take) {
  auto ends = [&](std::string_view suf) {
    return lower.size() > suf.size() + 1 && lower.substr(lower.size() - suf.size()) == suf;
  };
  auto with = [&](std::string_view stem, std::string_view tail) {
    scratch->assign(stem);
    scratch->append(tail);
    take(*scratch);
  };
  auto stem_forms = [&](std::string_view stem) {
    with(stem, "");
    with(stem, "e");
    size_t n = stem.size();
    if (n >= 3 && stem[n - 1] == stem[n - 2]) with(stem.substr(0, n - 1), "");
  };
  bool verb = !xpos.empty() && xpos[0] == 'V';
  if (verb && ends("ied")) with(lower.substr(0, lower.size() - 3), "y");
  if (verb && ends("ed")) stem_forms(lower.substr(0, lower.size() - 2));
  if (verb && ends("ing")) stem_forms(lower.substr(0, lower.size() - 3));
  if (xpos == "VBZ" || xpos == "NNS") {
    if (ends("ies")) with(lower.substr(0, lower.size() - 3), "y");
    if (ends("es")) with(lower.substr(0, lower.size() - 2), "");
    if (ends("s") && !ends("ss")) with(lower.substr(0, lower.size() - 1), "");
  }
}

std::string EncodeRule(uint8_t cut, bool lowered, std::string_view append) {
  return std::string(1, static_cast<char>(cut)) + (lowered ? "L" : "K") + std::string(append);
}

}  // namespace

std::string Lemmatizer::Key(std::string_view xpos, std::string_view text) {
  std::string key(xpos);
  key.push_back('\t');
  key.append(text);
  return key;
}

uint64_t Lemmatizer::KeyHash(std::string_view xpos, std::string_view text) {
  uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a, as HashBytes(Key(xpos, text))
  auto add = [&h](unsigned char c) {
    h ^= c;
    h *= 0x100000001b3ULL;
  };
  for (unsigned char c : xpos) add(c);
  add('\t');
  for (unsigned char c : text) add(c);
  return h;
}

Lemmatizer Lemmatizer::Train(const std::vector<ConllSentence>& sentences) {
  // (xpos, suffix) -> encoded rule -> count; (xpos, form) -> lemma -> count.
  std::map<std::string, std::map<std::string, int>> rule_counts;
  std::map<std::string, std::map<std::string, int>> lemma_counts;
  std::string lower, append;
  for (const ConllSentence& s : sentences) {
    for (const ConllWord& w : s.words) {
      if (w.lemma == "_" || w.xpos == "_" || w.form.empty()) continue;
      ++lemma_counts[Key(w.xpos, w.form)][w.lemma];
      LowerAscii(w.form, &lower);
      uint8_t cut = 0;
      bool lowered = false;
      if (!FindEdit(w.form, w.lemma, lower, &cut, &lowered, &append)) continue;
      std::string rule = EncodeRule(cut, lowered, append);
      for (size_t k = 0; k <= std::min(kMaxSuffix, lower.size()); ++k) {
        ++rule_counts[Key(w.xpos, std::string_view(lower).substr(lower.size() - k))][rule];
      }
    }
  }
  Lemmatizer lem;
  // The vocabulary: lemmas of verbs, common nouns, adjectives and adverbs (proper nouns
  // never count: "Levi" is no lemma for "levied"). A lemma seen once must be seen as a word
  // form too or have four letters or more: "riot" is seen once ("riots"), while the
  // treebanks' odd slip "freed" -> "fre" must not outrank "free".
  std::map<uint32_t, int> counts;
  std::unordered_map<uint32_t, std::string> lemma_of;
  std::unordered_set<std::string> forms;
  for (const ConllSentence& s : sentences) {
    for (const ConllWord& w : s.words) {
      LowerAscii(w.form, &lower);
      forms.insert(lower);
      char cls = WordClass(w.xpos);
      if (cls == 0 || w.lemma == "_" || w.lemma.empty()) continue;
      LowerAscii(w.lemma, &lower);
      uint32_t h = VocabularyHash(cls, lower);
      ++counts[h];
      lemma_of.emplace(h, lower);
    }
  }
  for (const auto& [h, count] : counts) {
    const std::string& l = lemma_of[h];
    if (count >= 2 || l.size() >= 4 || forms.count(l)) lem.vocabulary_.push_back(h);
  }
  for (const auto& [key, rules] : rule_counts) {
    int total = 0, best = 0;
    std::string best_rule;
    for (const auto& [rule, c] : rules) {
      total += c;
      if (c > best) best = c, best_rule = rule;
    }
    if (total < 2) continue;
    Rule r;
    r.cut = static_cast<uint8_t>(best_rule[0]);
    r.lower = best_rule[1] == 'L';
    r.append = best_rule.substr(2);
    lem.rules_[HashBytes(key)] = r;
  }
  for (const auto& [key, lemmas] : lemma_counts) {
    int best = 0;
    std::string best_lemma;
    for (const auto& [l, c] : lemmas) {
      if (c > best) best = c, best_lemma = l;
    }
    size_t tab = key.find('\t');
    std::string predicted;
    if (!lem.ApplyRules(std::string_view(key).substr(tab + 1), std::string_view(key).substr(0, tab),
                        &predicted) ||
        predicted != best_lemma) {
      lem.exceptions_[HashBytes(key)] = best_lemma;
    }
  }
  return lem;
}

uint32_t Lemmatizer::VocabularyHash(char cls, std::string_view lower_lemma) {
  uint32_t h = 2166136261u;  // FNV-1a over the class letter, a tab and the lemma
  auto add = [&h](unsigned char c) {
    h ^= c;
    h *= 16777619u;
  };
  add(static_cast<unsigned char>(cls));
  add('\t');
  for (unsigned char c : lower_lemma) add(c);
  return h;
}

bool Lemmatizer::Known(char cls, std::string_view lower_lemma) const {
  return std::binary_search(vocabulary_.begin(), vocabulary_.end(), VocabularyHash(cls, lower_lemma));
}

bool Lemmatizer::ApplyRules(std::string_view form, std::string_view xpos, std::string* lemma) const {
  std::string lower;
  LowerAscii(form, &lower);
  char cls = vocabulary_.empty() ? 0 : WordClass(xpos);
  // Nouns and verbs turn into each other ("bombed": the noun "bomb"); other classes don't.
  char sibling = cls == 'V' ? 'N' : cls == 'N' ? 'V' : 0;
  // rank 2: a lemma of the word's class in training; 1: of its sibling class; 0: unseen.
  int best_rank = -1;
  std::string candidate, lower_candidate;
  auto consider = [&](const std::string& c) {
    if (c.empty()) return;
    int rank = 0;
    if (cls != 0) {
      LowerAscii(c, &lower_candidate);
      rank = Known(cls, lower_candidate) ? 2 : sibling && Known(sibling, lower_candidate) ? 1 : 0;
    }
    if (rank > best_rank) best_rank = rank, *lemma = c;
  };
  for (size_t k = std::min(kMaxSuffix, lower.size()) + 1; k-- > 0;) {
    auto it = rules_.find(KeyHash(xpos, std::string_view(lower).substr(lower.size() - k)));
    if (it == rules_.end()) continue;
    const Rule& r = it->second;
    if (r.cut > form.size()) continue;
    std::string_view base = r.lower ? std::string_view(lower) : form;
    candidate.assign(base.substr(0, base.size() - r.cut));
    candidate.append(r.append);
    consider(candidate);
    if (cls == 0 || best_rank == 2) break;
  }
  if (cls != 0 && best_rank < 2) {
    int rule_rank = best_rank;
    std::string rule_lemma = *lemma;
    RegularStems(lower, xpos, &candidate, consider);
    // A regular stem is only taken when training saw it as a lemma; else the rule stands.
    if (best_rank <= 0) best_rank = rule_rank, *lemma = rule_lemma;
  }
  return best_rank >= 0 && !lemma->empty();
}

std::string Lemmatizer::Lemmatize(std::string_view form, std::string_view upos,
                                  std::string_view xpos) const {
  auto it = exceptions_.find(KeyHash(xpos, form));
  if (it != exceptions_.end()) return it->second;
  std::string lemma;
  if (ApplyRules(form, xpos, &lemma)) return lemma;
  if (upos == "PROPN") return std::string(form);
  LowerAscii(form, &lemma);
  return lemma;
}

void Lemmatizer::Serialize(std::string* out) const {
  BinaryWriter w(out);
  std::map<uint64_t, Rule> rules(rules_.begin(), rules_.end());
  w.Varint(rules.size());
  for (const auto& [key, r] : rules) {
    w.U64(key);
    w.U8(r.cut);
    w.U8(r.lower ? 1 : 0);
    w.String(r.append);
  }
  std::map<uint64_t, std::string> exceptions(exceptions_.begin(), exceptions_.end());
  w.Varint(exceptions.size());
  for (const auto& [key, lemma] : exceptions) {
    w.U64(key);
    w.String(lemma);
  }
  // Appended section (older models end above): sorted hashes, delta-coded.
  w.Varint(vocabulary_.size());
  uint32_t previous = 0;
  for (uint32_t h : vocabulary_) {
    w.Varint(h - previous);
    previous = h;
  }
}

Result<Lemmatizer> Lemmatizer::Deserialize(std::string_view data) {
  BinaryReader r(data);
  Lemmatizer lem;
  uint64_t n = 0;
  if (!r.Size(data.size(), &n)) return Status::Corruption("lemmatizer: truncated");
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t key = 0;
    Rule rule;
    uint8_t lower = 0;
    if (!r.U64(&key) || !r.U8(&rule.cut) || !r.U8(&lower) || !r.String(&rule.append)) break;
    rule.lower = lower != 0;
    lem.rules_[key] = std::move(rule);
  }
  if (!r.Size(data.size(), &n)) return Status::Corruption("lemmatizer: truncated");
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t key = 0;
    std::string lemma;
    if (!r.U64(&key) || !r.String(&lemma)) break;
    lem.exceptions_[key] = std::move(lemma);
  }
  if (r.ok() && !r.AtEnd()) {
    if (!r.Size(data.size(), &n)) return Status::Corruption("lemmatizer: truncated");
    uint64_t h = 0;
    lem.vocabulary_.reserve(n);
    for (uint64_t i = 0; i < n; ++i) {
      uint64_t delta = 0;
      if (!r.Varint(&delta)) break;
      h += delta;
      if (h > 0xffffffffULL) return Status::Corruption("lemmatizer: bad vocabulary");
      lem.vocabulary_.push_back(static_cast<uint32_t>(h));
    }
  }
  if (!r.ok() || !r.AtEnd()) return Status::Corruption("lemmatizer: truncated");
  return lem;
}

}  // namespace sitrep
