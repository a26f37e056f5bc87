#include "server/evidence.h"

#include <algorithm>

namespace sitrep::server {

namespace {

// Moves a byte position back to the start of the UTF-8 character it falls in.
size_t CharBoundary(std::string_view text, int64_t pos) {
  size_t p = static_cast<size_t>(std::clamp<int64_t>(pos, 0, static_cast<int64_t>(text.size())));
  while (p > 0 && p < text.size() && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
  return p;
}

}  // namespace

std::vector<EvidenceSegment> SegmentEvidence(std::string_view text,
                                             const std::vector<Highlight>& highlights) {
  // owner[i]: index+1 of the highlight covering byte i (0 = none); first one wins.
  std::vector<int> owner(text.size(), 0);
  for (size_t h = 0; h < highlights.size(); ++h) {
    size_t start = CharBoundary(text, highlights[h].start);
    size_t end = CharBoundary(text, highlights[h].end);
    for (size_t i = start; i < end; ++i) {
      if (owner[i] == 0) owner[i] = static_cast<int>(h) + 1;
    }
  }
  std::vector<EvidenceSegment> out;
  for (size_t i = 0; i < text.size();) {
    size_t j = i;
    while (j < text.size() && owner[j] == owner[i]) ++j;
    EvidenceSegment seg;
    seg.text = std::string(text.substr(i, j - i));
    if (owner[i] > 0) {
      seg.role = highlights[owner[i] - 1].role;
      seg.event = highlights[owner[i] - 1].event;
    }
    out.push_back(std::move(seg));
    i = j;
  }
  return out;
}

}  // namespace sitrep::server
