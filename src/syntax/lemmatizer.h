// Lemmatizer: the dictionary form of a word given its XPOS tag, learnt from treebank data.
//
// Two parts, both learnt by Train():
//   suffix rules   for each (XPOS, final letters of the lower-cased form), the most frequent
//                  edit "drop k bytes, append s", and whether the lemma keeps the form's
//                  case (proper nouns) or is lower-cased;
//   exceptions     (form, XPOS) pairs whose usual lemma the rules get wrong ("went" -> "go",
//                  "better" -> "good"), looked up first.
//   vocabulary     the lemmas of verbs, common nouns, adjectives and adverbs (the XPOS's
//                  first letter) seen in training (once is enough for four letters or
//                  more, or when also seen as a word form), per class, as 32-bit hashes.
// Unseen words try every matching suffix rule seen at least twice, longest suffix first,
// and then the regular English inflections of their tag ("bombed": bomb, bombe; "shelling":
// shell, shelle); the first candidate the vocabulary knows in the word's class wins, then
// the first it knows as a noun for a verb or as a verb for a noun ("rioted" -> "riot", a
// noun lemma in training), and otherwise the longest rule's. With no rule the lemma is the
// lower-cased form (proper nouns keep their case; their rules ignore the vocabulary).
//
// Thread safety: immutable after Train/Deserialize; Lemmatize may run on any thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "syntax/conllu.h"

namespace sitrep {

class Lemmatizer {
 public:
  // Learns from the FORM, XPOS and LEMMA columns (words with "_" lemma are skipped).
  static Lemmatizer Train(const std::vector<ConllSentence>& sentences);

  // The lemma of `form` tagged `xpos` (UPOS is used only to keep proper nouns' case).
  std::string Lemmatize(std::string_view form, std::string_view upos, std::string_view xpos) const;

  size_t num_rules() const { return rules_.size(); }
  size_t num_exceptions() const { return exceptions_.size(); }
  size_t vocabulary_size() const { return vocabulary_.size(); }

  void Serialize(std::string* out) const;
  static Result<Lemmatizer> Deserialize(std::string_view data);

 private:
  struct Rule {
    uint8_t cut = 0;          // bytes removed from the end of the form
    bool lower = true;        // lower-case the form first
    std::string append;       // appended after cutting
  };
  static std::string Key(std::string_view xpos, std::string_view text);
  // Lookups use a 64-bit hash of Key(xpos, text), computed without building the string.
  static uint64_t KeyHash(std::string_view xpos, std::string_view text);
  bool ApplyRules(std::string_view form, std::string_view xpos, std::string* lemma) const;
  // Whether `lower_lemma` was seen in training as a lemma of word class `cls`.
  bool Known(char cls, std::string_view lower_lemma) const;
  static uint32_t VocabularyHash(char cls, std::string_view lower_lemma);

  static constexpr size_t kMaxSuffix = 5;
  std::unordered_map<uint64_t, Rule> rules_;             // KeyHash(XPOS, suffix) -> rule
  std::unordered_map<uint64_t, std::string> exceptions_;  // KeyHash(XPOS, form) -> lemma
  std::vector<uint32_t> vocabulary_;  // sorted VocabularyHash values; empty in old models
};

}  // namespace sitrep
