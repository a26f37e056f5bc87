// AbbreviationSet: which words keep their final period, and whether that period can end a
// sentence.
//
// The list lives in data/text/abbreviations.txt (format described at the top of that file:
// [inner], [final] and [starters] sections, one entry per line). Builtin() is that file as it
// was compiled into the binary, so the segmenter needs no file at run time; Parse() and
// LoadFile() read a replacement list and report malformed lines with file and line number.
//
// Thread safety: an AbbreviationSet is immutable once built; any number of threads may call
// its const methods at once. Builtin() is initialised once, thread-safely.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>

#include "base/status.h"

namespace sitrep {

enum class AbbreviationClass {
  kNone,   // not a known abbreviation
  kInner,  // stands before a name or number ("Mr.", "Gen.", "Dec.", "No."): rarely ends a sentence
  kFinal,  // may close a sentence ("Inc.", "etc.", "a.m.", "U.S.")
};

class AbbreviationSet {
 public:
  // Parses the text of an abbreviations file. `origin` names it in error messages
  // ("abbreviations.txt:12: ..."). Fails with Corruption on a line outside any section,
  // an unknown section, an [inner]/[final] entry without a final period or with spaces,
  // or an entry listed twice.
  static Result<std::unique_ptr<AbbreviationSet>> Parse(std::string_view text,
                                                        std::string_view origin);

  // Reads and parses a file. NotFound / IOError when it cannot be read.
  static Result<std::unique_ptr<AbbreviationSet>> LoadFile(const std::string& path);

  // The list compiled in from data/text/abbreviations.txt. Never fails: the build embeds
  // the file and a unit test checks that it parses (were it malformed, the error would be
  // printed to stderr once and the list would be empty).
  static const AbbreviationSet& Builtin();

  // Class of `word`, given with its final period ("Gen."). Lower-case entries also match
  // with a capital first letter.
  AbbreviationClass Classify(std::string_view word) const;

  // True when `word` (no trailing period, e.g. "The") is listed under [starters].
  bool IsSentenceStarter(std::string_view word) const;

  size_t size() const { return inner_.size() + final_.size(); }

  AbbreviationSet(const AbbreviationSet&) = delete;
  AbbreviationSet& operator=(const AbbreviationSet&) = delete;

 private:
  AbbreviationSet() = default;
  // Views point into storage_, which is never modified after parsing.
  std::string storage_;
  std::unordered_set<std::string_view> inner_;
  std::unordered_set<std::string_view> final_;
  std::unordered_set<std::string_view> starters_;
  size_t longest_ = 0;  // longest [inner]/[final] entry: longer words need no lookup
};

// The bytes of data/text/abbreviations.txt as compiled into the binary (exposed for tests).
std::string_view BuiltinAbbreviationsText();

}  // namespace sitrep
