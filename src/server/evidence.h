// Evidence highlighting: a sentence (or a whole article) cut into consecutive segments, each
// marked with the role it plays in a coded event — source actor, target actor, trigger — or
// none. The page renders each segment as text in its own element, so highlighting never
// builds HTML from article text, and byte offsets never have to be mapped to JavaScript's
// UTF-16 indices.
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep::server {

// A highlighted byte range [start, end) of the text, with its role ("source", "target",
// "trigger"), and for article views the index of the event it belongs to (-1 when none).
struct Highlight {
  int64_t start = 0;
  int64_t end = 0;
  std::string role;
  int event = -1;
};

struct EvidenceSegment {
  std::string text;
  std::string role;  // "" for plain text
  int event = -1;
};

// Cuts `text` into segments. Ranges outside the text are clipped, empty ones dropped, and
// where ranges overlap the earlier one in `highlights` wins. Cuts never split a UTF-8
// character: a boundary inside one moves back to the character's start.
std::vector<EvidenceSegment> SegmentEvidence(std::string_view text,
                                             const std::vector<Highlight>& highlights);

}  // namespace sitrep::server
