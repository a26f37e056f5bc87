// EventLexicon: the compiled trigger lexicon (data/events/patterns.txt) and the recoding
// table for intent, threat, demand and rejection verbs (data/events/recode.tsv).
//
// A patterns line reads
//     CODE  KIND  lemma ; lemma ...  [| key: value ; value]...
// KIND says how the lemma triggers: verb, noun, adj, speech (statement verbs), light
// (support verbs whose nominal object carries the event), cue lists (negation, modal, and the
// word classes the coder consults: representative, quantity, object_control, place_noun), and
// complement-recoding verbs (intent, threat, demand, appeal, reject, ... with `map:`).
// Keys constrain a match (obj, prep, topic, with, pos, passive, ...); the coder interprets
// them. Multi-word lemmas ("pull out", "carry out") are verb + particle or verb + preposition.
// See data/events/README.md for the full format.
//
// Lifecycle: Load (parse + validate + compile). Errors name the file and line. Immutable
// afterwards; safe for concurrent reads.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/status.h"
#include "events/cameo_table.h"

namespace sitrep {

// One trigger: a head lemma, the other words of a multi-word lemma, and its constraints.
struct TriggerPattern {
  std::string code;    // CAMEO code; "-" for cue entries
  std::string kind;    // verb, noun, adj, speech, light, block, intent, threat, ...
  std::string pos;     // part of speech of the head: "verb", "noun" or "adj"
  std::string lemma;   // the head word's lemma, lowercase ("pull" of "pull out",
                       // "strike" of "air strike", "state" of "state of emergency")
  std::vector<std::string> extra;  // the other words, to be found among the head's dependents
  // key -> allowed values (lowercase), e.g. "obj" -> {"sanction", "embargo"}
  std::map<std::string, std::vector<std::string>> keys;
  std::string file;
  int line = 0;

  bool Has(std::string_view key) const { return keys.count(std::string(key)) > 0; }
  const std::vector<std::string>* Values(std::string_view key) const;
  bool Allows(std::string_view key, std::string_view value) const;
  // Number of constraints; more specific patterns are tried first.
  int specificity() const;
  // True for kinds that govern a complement event (intent, appeal, demand, reject, threat,
  // accuse, investigate): they carry a `map:` key.
  bool governs_complement() const { return Has("map") && kind != "future" && kind != "obligation"; }
};

class EventLexicon {
 public:
  // Loads and validates patterns (and the recode table when `recode_path` is not empty)
  // against `cameo` (every code must exist). `cameo` must outlive the lexicon.
  static Result<std::unique_ptr<EventLexicon>> Load(const std::string& patterns_path,
                                                    const std::string& recode_path,
                                                    const CameoTable& cameo);
  // Loads every "*.txt" file of `directory` as pattern files, in name order (so a file of
  // word classes named "00-classes.txt" is read before the files that use them), then the
  // recode table. Errors: a missing or empty directory, or the first bad line.
  static Result<std::unique_ptr<EventLexicon>> LoadDirectory(const std::string& directory,
                                                             const std::string& recode_path,
                                                             const CameoTable& cameo);
  // Same, from memory; the origins name the texts in messages.
  static Result<std::unique_ptr<EventLexicon>> Parse(std::string_view patterns,
                                                     const std::string& patterns_origin,
                                                     std::string_view recode,
                                                     const std::string& recode_origin,
                                                     const CameoTable& cameo);

  // Patterns whose head lemma is `lemma` (lowercase), most specific first; empty when none.
  const std::vector<const TriggerPattern*>& Lookup(std::string_view lemma) const;
  // True when `lemma` heads an entry of cue kind `kind` ("negation", "modal", "light",
  // "future", "obligation"). Multi-word cues are found by their head word.
  bool IsCue(std::string_view kind, std::string_view lemma) const;
  // The cue entries of `kind` headed by `lemma` (for their keys and extra words).
  std::vector<const TriggerPattern*> Cues(std::string_view kind, std::string_view lemma) const;
  // The code that `map` ("intent", "threat", "demand", "reject", ...) turns a complement
  // event `code` into, or "" when the table has no row for it. Tries the full code, then
  // the 3-digit parent, then the root. A row whose result is "=" keeps `code`.
  std::string Recode(std::string_view map, std::string_view code) const;

  size_t pattern_count() const { return patterns_.size(); }
  const std::vector<TriggerPattern>& patterns() const { return patterns_; }

 private:
  Status AddPatternLine(std::string_view line, const std::string& where, const CameoTable& cameo);
  Status AddPatternText(std::string_view text, const std::string& origin, const CameoTable& cameo);
  Status AddRecodeText(std::string_view text, const std::string& origin, const CameoTable& cameo);
  Status AddClassLine(std::string_view line, const std::string& where);
  // Replaces each "@class" in *values by the class's values. Error: an undefined class.
  Status ExpandClasses(std::vector<std::string>* values, const std::string& where) const;
  Status AddRecodeLine(std::string_view line, const std::string& where, const CameoTable& cameo);
  void Compile();

  std::vector<TriggerPattern> patterns_;
  std::unordered_map<std::string, std::vector<const TriggerPattern*>> by_lemma_;
  std::unordered_map<std::string, std::unordered_set<std::string>> cues_;
  std::unordered_map<std::string, std::vector<std::string>> classes_;  // "@name" -> values
  std::map<std::pair<std::string, std::string>, std::string> recode_;
};

}  // namespace sitrep
