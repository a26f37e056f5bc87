// The arc-hybrid transition system (Kuhlmann, Gomez-Rodriguez and Satta 2011) with the
// root token at the end of the buffer, and its dynamic oracle (Goldberg and Nivre 2013).
//
// A configuration has a stack of word indices, a buffer front b0 (words b0..n-1, then the
// artificial root n) and the arcs built so far. Moves:
//   SHIFT       push b0 onto the stack                    (b0 is a word, not the root)
//   LEFT(l)     pop s0 and attach it to b0 with label l   (stack not empty; when b0 is the
//                                                          root the stack must hold one word)
//   RIGHT(l)    pop s0 and attach it to s1 with label l   (stack holds two words or more)
// Every sentence is parsed in exactly 2n moves and always yields a single-rooted projective
// tree. Words are 0-based; the root is index n internally and head -1 in results.
//
// Thread safety: plain values.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace sitrep {

enum class Move : uint8_t { kShift = 0, kLeft = 1, kRight = 2 };

class ParserState {
 public:
  static constexpr int kNone = -1;

  // Starts a configuration for a sentence of n words.
  void Init(int n);

  bool CanApply(Move move) const;
  // Applies a move that CanApply allows; `label` is ignored for SHIFT.
  void Apply(Move move, int label);
  bool Terminal() const { return buffer_ == n_ && stack_.empty(); }

  int n() const { return n_; }
  int stack_size() const { return static_cast<int>(stack_.size()); }
  // The i-th stack element from the top (0 = s0), or kNone.
  int Stack(int i) const {
    return i < static_cast<int>(stack_.size()) ? stack_[stack_.size() - 1 - i] : kNone;
  }
  // The i-th buffer element (0 = b0), or kNone past the root. May return n (the root).
  int Buffer(int i) const { return buffer_ + i <= n_ ? buffer_ + i : kNone; }

  // Arcs so far: head (n for the root, kNone when unattached) and label of each word.
  int head(int w) const { return heads_[w]; }
  int label(int w) const { return labels_[w]; }
  // Leftmost/rightmost dependents (k = 0 outermost, 1 second outermost), or kNone.
  int LeftChild(int w, int k) const { return w < 0 ? kNone : left_[w][k]; }
  int RightChild(int w, int k) const { return w < 0 ? kNone : right_[w][k]; }
  int LeftCount(int w) const { return w < 0 ? 0 : left_count_[w]; }
  int RightCount(int w) const { return w < 0 ? 0 : right_count_[w]; }
  // Bit sets of the labels (mod 64) of the left and right dependents.
  uint64_t LeftLabels(int w) const { return w < 0 ? 0 : left_labels_[w]; }
  uint64_t RightLabels(int w) const { return w < 0 ? 0 : right_labels_[w]; }

 private:
  void AddArc(int head, int dep, int label);

  int n_ = 0;
  int buffer_ = 0;
  std::vector<int> stack_;
  std::vector<int> heads_, labels_;
  std::vector<std::array<int, 2>> left_, right_;
  std::vector<int> left_count_, right_count_;
  std::vector<uint64_t> left_labels_, right_labels_;
};

// The dynamic oracle: how many gold arcs become unreachable if `move` (with `label`) is
// applied in `state`. gold_heads use the internal convention (root = n); gold_labels give
// each word's label id. A labelled move that builds a gold arc with the wrong label costs 1.
// Exact for projective gold trees (see Projectivize).
int MoveCost(const ParserState& state, Move move, int label, const std::vector<int>& gold_heads,
             const std::vector<int>& gold_labels);

// The same without labels: gold arcs lost by the move, whatever label it would carry.
int UnlabelledMoveCost(const ParserState& state, Move move, const std::vector<int>& gold_heads);

// Makes a tree projective by lifting: while some arc is non-projective (a word between head
// and dependent does not descend from the head), the dependent of the shortest such arc is
// re-attached to its head's head. `heads` use the internal
// convention (root = n, every word attached, a tree). Returns the number of lifts (0 for a
// projective tree). Labels are left to the caller (a lifted word keeps its own).
int Projectivize(std::vector<int>* heads);

}  // namespace sitrep
