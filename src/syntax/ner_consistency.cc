#include "syntax/ner_consistency.h"

#include <map>
#include <string>

namespace sitrep {
namespace {

// A full person name is strong evidence for its bare surname: it outweighs one contrary
// sentence-level guess.
constexpr int kFullNameVotes = 2;

using Votes = std::map<std::string, std::map<std::string, int>>;  // surface -> type -> votes

std::string Surface(const std::vector<std::string_view>& forms, const NerSpan& span) {
  std::string text;
  for (uint32_t t = span.first; t <= span.last && t < forms.size(); ++t) {
    if (!text.empty()) text += ' ';
    text += forms[t];
  }
  return text;
}

// The type with most votes; `own` wins ties.
const std::string& Winner(const std::map<std::string, int>& votes, const std::string& own) {
  const std::string* best = &own;
  auto it = votes.find(own);
  int best_votes = it == votes.end() ? 0 : it->second;
  for (const auto& [type, count] : votes) {
    if (count > best_votes) {
      best = &type;
      best_votes = count;
    }
  }
  return *best;
}

}  // namespace

void HarmonizeEntityTypes(const std::vector<std::vector<std::string_view>>& forms,
                          std::vector<std::vector<NerSpan>>* spans) {
  Votes votes;
  size_t n = std::min(forms.size(), spans->size());
  for (size_t s = 0; s < n; ++s) {
    for (const NerSpan& span : (*spans)[s]) {
      ++votes[Surface(forms[s], span)][span.type];
      if (span.type == "person" && span.last > span.first && span.last < forms[s].size()) {
        votes[std::string(forms[s][span.last])]["person"] += kFullNameVotes;
      }
    }
  }
  for (size_t s = 0; s < n; ++s) {
    for (NerSpan& span : (*spans)[s]) {
      span.type = Winner(votes[Surface(forms[s], span)], span.type);
    }
  }
}

}  // namespace sitrep
