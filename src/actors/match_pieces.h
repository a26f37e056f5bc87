// Match pieces: the normalised units that actor-dictionary forms and sentence tokens are both
// cut into, so that matching does not depend on how a segmenter split the text.
//
// A text is cut into pieces as follows:
//   - whitespace separates;
//   - a word piece is a run of letters and digits; periods inside or after the run belong to
//     it and are dropped from its normalised forms ("U.S." -> "us", "Russia." -> "russia");
//   - hyphens and dashes (- – — ‐ −) separate word pieces and are dropped, so "al-Qaeda" and
//     "al Qaeda" cut alike;
//   - every other punctuation character is a piece of its own; curly quotes and primes are
//     read as ASCII "'" and '"' ("Côte d’Ivoire" == "Côte d'Ivoire").
// Each word piece has a normalised form (lowercase, Latin diacritics removed: "Côte" ->
// "cote") and a cased form (diacritics removed, case kept) for case-sensitive comparison.
//
// Thread safety: pure functions; a PieceBuffer belongs to one thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

struct TextPiece {
  uint32_t start = 0;       // byte range of the piece in the text given to AppendPieces
  uint32_t end = 0;         // (plus its base offset)
  uint32_t norm_begin = 0;  // normalised form: PieceBuffer::chars[norm_begin, +norm_size)
  uint32_t norm_size = 0;
  uint32_t cased_begin = 0;  // cased form, same buffer
  uint32_t cased_size = 0;
  bool word = false;      // a word piece (letters/digits), else one punctuation character
  bool all_caps = false;  // a word of two or more letters, all of them capitals ("UN", "U.S.")
  // A word of two or more capitals with a capital after a small letter ("LeT", "AfD",
  // "McDonald"): written that way on purpose, so it is matched as written, like all_caps.
  bool mixed_caps = false;
  bool has_period = false;  // the surface contained a period ("U.S.")

  bool case_sensitive() const { return all_caps || mixed_caps; }
};

// Pieces of one text and the characters of their forms. Reused across calls.
struct PieceBuffer {
  std::vector<TextPiece> pieces;
  std::string chars;

  void Clear() {
    pieces.clear();
    chars.clear();
  }
  std::string_view Norm(const TextPiece& p) const {
    return std::string_view(chars).substr(p.norm_begin, p.norm_size);
  }
  std::string_view Cased(const TextPiece& p) const {
    return std::string_view(chars).substr(p.cased_begin, p.cased_size);
  }
};

// Appends the pieces of `text` to *out. Piece offsets are byte offsets into `text` plus
// `base_offset` (pass a token's start to get document offsets). `text` must be valid UTF-8.
void AppendPieces(std::string_view text, uint32_t base_offset, PieceBuffer* out);

}  // namespace sitrep
