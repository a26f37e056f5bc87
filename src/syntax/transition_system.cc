#include "syntax/transition_system.h"

#include <algorithm>
#include <cstdlib>

namespace sitrep {

void ParserState::Init(int n) {
  n_ = n;
  buffer_ = 0;
  stack_.clear();
  stack_.reserve(n + 1);
  heads_.assign(n, kNone);
  labels_.assign(n, kNone);
  left_.assign(n + 1, {kNone, kNone});
  right_.assign(n + 1, {kNone, kNone});
  left_count_.assign(n + 1, 0);
  right_count_.assign(n + 1, 0);
  left_labels_.assign(n + 1, 0);
  right_labels_.assign(n + 1, 0);
}

bool ParserState::CanApply(Move move) const {
  switch (move) {
    case Move::kShift:
      return buffer_ < n_;
    case Move::kLeft:
      return !stack_.empty() && (buffer_ < n_ || stack_.size() == 1);
    case Move::kRight:
      return stack_.size() >= 2;
  }
  return false;
}

void ParserState::AddArc(int head, int dep, int label) {
  heads_[dep] = head;
  labels_[dep] = label;
  uint64_t bit = uint64_t{1} << (static_cast<unsigned>(label) & 63);
  if (dep < head) {
    auto& l = left_[head];
    if (l[0] == kNone || dep < l[0]) {
      l[1] = l[0];
      l[0] = dep;
    } else if (l[1] == kNone || dep < l[1]) {
      l[1] = dep;
    }
    ++left_count_[head];
    left_labels_[head] |= bit;
  } else {
    auto& r = right_[head];
    if (r[0] == kNone || dep > r[0]) {
      r[1] = r[0];
      r[0] = dep;
    } else if (r[1] == kNone || dep > r[1]) {
      r[1] = dep;
    }
    ++right_count_[head];
    right_labels_[head] |= bit;
  }
}

void ParserState::Apply(Move move, int label) {
  switch (move) {
    case Move::kShift:
      stack_.push_back(buffer_++);
      break;
    case Move::kLeft: {
      int s0 = stack_.back();
      stack_.pop_back();
      AddArc(buffer_, s0, label);
      break;
    }
    case Move::kRight: {
      int s0 = stack_.back();
      stack_.pop_back();
      AddArc(stack_.back(), s0, label);
      break;
    }
  }
}

namespace {

// Gold dependents of `w` among buffer words (b0..n-1).
int ChildrenInBuffer(const ParserState& st, int w, const std::vector<int>& gold) {
  int count = 0;
  for (int d = st.Buffer(0); d >= 0 && d < st.n(); ++d) count += gold[d] == w;
  return count;
}

}  // namespace

int UnlabelledMoveCost(const ParserState& st, Move move, const std::vector<int>& gold) {
  const int s0 = st.Stack(0), s1 = st.Stack(1), b0 = st.Buffer(0);
  switch (move) {
    case Move::kShift: {
      // b0 can no longer take a head deeper than s0, nor dependents from the stack.
      int cost = 0;
      for (int i = 0; i < st.stack_size(); ++i) {
        int s = st.Stack(i);
        if (i > 0 && gold[b0] == s) ++cost;
        if (gold[s] == b0) ++cost;
      }
      return cost;
    }
    case Move::kLeft: {
      int h = gold[s0];
      return ChildrenInBuffer(st, s0, gold) + (h != b0 && (h == s1 || h > b0));
    }
    case Move::kRight:
      return ChildrenInBuffer(st, s0, gold) + (gold[s0] >= b0);
  }
  return 0;
}

int MoveCost(const ParserState& st, Move move, int label, const std::vector<int>& gold,
             const std::vector<int>& gold_labels) {
  int cost = UnlabelledMoveCost(st, move, gold);
  const int s0 = st.Stack(0);
  if (move == Move::kLeft && gold[s0] == st.Buffer(0) && label != gold_labels[s0]) ++cost;
  if (move == Move::kRight && gold[s0] == st.Stack(1) && label != gold_labels[s0]) ++cost;
  return cost;
}

namespace {

// True when w descends from `ancestor` (following heads; the root n ends every path).
bool Dominates(const std::vector<int>& heads, int ancestor, int w) {
  const int n = static_cast<int>(heads.size());
  for (int steps = 0; w != n && steps <= n; ++steps) {
    if (w == ancestor) return true;
    w = heads[w];
  }
  return w == ancestor;
}

// True when the arc heads[dep] -> dep is non-projective: some word strictly between the two
// does not descend from the head.
bool NonProjective(const std::vector<int>& heads, int dep) {
  const int head = heads[dep];
  const int lo = std::min(head, dep), hi = std::max(head, dep);
  for (int w = lo + 1; w < hi; ++w) {
    if (!Dominates(heads, head, w)) return true;
  }
  return false;
}

}  // namespace

int Projectivize(std::vector<int>* heads) {
  std::vector<int>& h = *heads;
  const int n = static_cast<int>(h.size());
  int lifts = 0;
  while (lifts <= n * n) {
    int best = -1, best_length = 0;
    for (int d = 0; d < n; ++d) {
      if (h[d] == n || !NonProjective(h, d)) continue;
      int length = std::abs(h[d] - d);
      if (best < 0 || length < best_length) best = d, best_length = length;
    }
    if (best < 0) break;
    h[best] = h[h[best]];
    ++lifts;
  }
  return lifts;
}

}  // namespace sitrep
