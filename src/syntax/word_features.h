// Per-word atomic values shared by the tagger and the parser: hashes of the exact form,
// the lower-cased form, affixes and the word shape. Computed once per word per sentence.
//
// Lower-casing and shapes are ASCII-only (bytes >= 0x80 are kept as they are), which is
// exact for English news and stable across platforms.
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sitrep {

struct WordAtoms {
  uint64_t exact = 0;
  uint64_t lower = 0;
  uint64_t shape = 0;       // e.g. "Xx", "dd,dd", "xx-xx", "X.X."
  uint64_t prefix[3] = {};  // first 1..3 bytes of the lower-cased form
  uint64_t suffix[4] = {};  // last 1..4 bytes of the lower-cased form
  // Word-cluster atoms for the path prefixes WordClusters::kPrefixBits (coarse to full);
  // 0 when the word has no cluster. Filled by the tagger, not by ComputeWordAtoms.
  uint64_t cluster[3] = {};
  bool capitalized = false;
  bool has_digit = false;
  bool has_hyphen = false;
};

// ASCII lower-casing of `form` into *out.
void LowerAscii(std::string_view form, std::string* out);

// The word shape: letters map to X/x, digits to d, other bytes stay; runs of the same
// class longer than two are cut to two ("Washington" -> "Xxx"... "Xxx" is X then "xx").
std::string WordShape(std::string_view form);

// Fills *atoms for `form` (all but `cluster`, which is zeroed); `scratch` is reused to
// avoid allocations.
void ComputeWordAtoms(std::string_view form, std::string* scratch, WordAtoms* atoms);

}  // namespace sitrep
