// CoNLL-U reading and writing (Universal Dependencies, format v2).
//
// A ConllSentence holds the ordinary word lines of one sentence. Multiword-token lines
// ("3-4  don't") are kept verbatim so that a sentence can be written back unchanged;
// empty nodes ("5.1") are dropped. Word indices are 0-based everywhere in this API and the
// head of a word is the 0-based index of its head word, -1 for the root; the writer turns
// them back into CoNLL-U's 1-based IDs and 0-for-root HEADs.
//
// Errors: a malformed word line is a Corruption status naming "origin:line".
// Thread safety: plain values and free functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace sitrep {

inline constexpr int32_t kConllRoot = -1;     // head of the root word
inline constexpr int32_t kConllNoHead = -2;   // HEAD was "_" (not annotated)

struct ConllWord {
  std::string form;
  std::string lemma = "_";
  std::string upos = "_";
  std::string xpos = "_";
  std::string feats = "_";
  int32_t head = kConllNoHead;
  std::string deprel = "_";
  std::string deps = "_";
  std::string misc = "_";
};

// A multiword-token line, written just before word `first` (0-based).
struct ConllMultiword {
  uint32_t first = 0;
  uint32_t last = 0;       // inclusive
  std::string line;        // the whole original line, tabs included
};

struct ConllSentence {
  std::vector<std::string> comments;  // "# ..." lines, in order, without the newline
  std::vector<ConllWord> words;
  std::vector<ConllMultiword> multiwords;

  // The value of comment "# key = value", or "" when absent.
  std::string_view Comment(std::string_view key) const;
  // Replaces (or appends) comment "# key = value".
  void SetComment(std::string_view key, std::string_view value);
};

// Parses CoNLL-U text. Sentences end at a blank line (or the end of the text).
Result<std::vector<ConllSentence>> ParseConllU(std::string_view text, std::string_view origin);

// Reads a CoNLL-U file (plain or gzip). NotFound/IOError for the file, Corruption for content.
Result<std::vector<ConllSentence>> ReadConllU(const std::string& path);

// Appends one sentence in CoNLL-U (comments, multiword lines, words, blank line) to *out.
void WriteConllSentence(const ConllSentence& sentence, std::string* out);

// MISC helpers: the value of attribute `key` in a "A=1|B=2" MISC field ("" if absent), and
// a copy of `misc` with attribute `key` set to `value` (removed when value is empty).
// "_" stands for an empty MISC both ways.
std::string_view MiscValue(std::string_view misc, std::string_view key);
std::string SetMiscValue(std::string_view misc, std::string_view key, std::string_view value);

}  // namespace sitrep
