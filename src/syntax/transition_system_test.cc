#include "syntax/transition_system.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(TransitionSystem, Preconditions) {
  ParserState st;
  st.Init(2);
  EXPECT_TRUE(st.CanApply(Move::kShift));
  EXPECT_FALSE(st.CanApply(Move::kLeft));   // empty stack
  EXPECT_FALSE(st.CanApply(Move::kRight));  // fewer than two on the stack
  st.Apply(Move::kShift, 0);
  EXPECT_TRUE(st.CanApply(Move::kLeft));
  EXPECT_FALSE(st.CanApply(Move::kRight));
  st.Apply(Move::kShift, 0);
  // b0 is now the root: no SHIFT; LEFT only once a single word is left on the stack.
  EXPECT_FALSE(st.CanApply(Move::kShift));
  EXPECT_FALSE(st.CanApply(Move::kLeft));
  EXPECT_TRUE(st.CanApply(Move::kRight));
  st.Apply(Move::kRight, 3);
  EXPECT_EQ(st.head(1), 0);
  EXPECT_EQ(st.label(1), 3);
  EXPECT_TRUE(st.CanApply(Move::kLeft));
  st.Apply(Move::kLeft, 0);
  EXPECT_EQ(st.head(0), 2);  // the root is index n
  EXPECT_TRUE(st.Terminal());
}

TEST(TransitionSystem, TracksDependentsAndValency) {
  ParserState st;
  st.Init(3);
  st.Apply(Move::kShift, 0);
  st.Apply(Move::kShift, 0);
  st.Apply(Move::kLeft, 5);  // 1 <- 2
  st.Apply(Move::kLeft, 6);  // 0 <- 2
  EXPECT_EQ(st.LeftChild(2, 0), 0);
  EXPECT_EQ(st.LeftChild(2, 1), 1);
  EXPECT_EQ(st.LeftCount(2), 2);
  EXPECT_EQ(st.LeftLabels(2), (uint64_t{1} << 5) | (uint64_t{1} << 6));
}

// Following zero-cost moves reproduces a projective gold tree exactly.
TEST(TransitionSystem, OracleRebuildsProjectiveTree) {
  // "The rebels fled to Aleppo ." : The<-rebels<-fled(root); to<-Aleppo; Aleppo<-fled; .<-fled
  const int n = 6;
  std::vector<int> gold = {1, 2, n, 4, 2, 2};
  std::vector<int> labels = {1, 2, 0, 3, 4, 5};
  ParserState st;
  st.Init(n);
  int steps = 0;
  while (!st.Terminal()) {
    bool moved = false;
    for (Move m : {Move::kLeft, Move::kRight, Move::kShift}) {
      if (!st.CanApply(m)) continue;
      int label = 0;
      if (m == Move::kLeft) label = labels[st.Stack(0)];
      if (m == Move::kRight) label = labels[st.Stack(0)];
      if (MoveCost(st, m, label, gold, labels) == 0) {
        st.Apply(m, label);
        moved = true;
        break;
      }
    }
    ASSERT_TRUE(moved) << "no zero-cost move at step " << steps;
    ++steps;
  }
  EXPECT_EQ(steps, 2 * n);
  for (int i = 0; i < n; ++i) {
    EXPECT_EQ(st.head(i), gold[i]) << "word " << i;
    EXPECT_EQ(st.label(i), labels[i]) << "word " << i;
  }
}

TEST(TransitionSystem, CostsCountLostArcs) {
  const int n = 3;  // 0 <- 1 (root), 2 <- 1
  std::vector<int> gold = {1, n, 1};
  std::vector<int> labels = {1, 0, 2};
  ParserState st;
  st.Init(n);
  st.Apply(Move::kShift, 0);
  // s0 = 0, b0 = 1: LEFT builds the gold arc; SHIFT loses it.
  EXPECT_EQ(MoveCost(st, Move::kLeft, 1, gold, labels), 0);
  EXPECT_EQ(MoveCost(st, Move::kLeft, 2, gold, labels), 1);  // wrong label
  EXPECT_EQ(MoveCost(st, Move::kShift, 0, gold, labels), 1);
}

TEST(TransitionSystem, UnlabelledCostIgnoresLabels) {
  const int n = 3;
  std::vector<int> gold = {1, n, 1};
  std::vector<int> labels = {1, 0, 2};
  ParserState st;
  st.Init(n);
  st.Apply(Move::kShift, 0);
  EXPECT_EQ(UnlabelledMoveCost(st, Move::kLeft, gold), 0);
  EXPECT_EQ(UnlabelledMoveCost(st, Move::kShift, gold), 1);
  EXPECT_EQ(MoveCost(st, Move::kLeft, 2, gold, labels), 1);
}

TEST(TransitionSystem, ProjectivizeLiftsTheShortestCrossingArc) {
  // Words 0..3, 1 on the root, 1 -> 0, 0 -> 2, 1 -> 3: the arc 0 -> 2 spans word 1, which
  // does not descend from 0 (it crosses 1 -> 3), so 2 is lifted to 0's head, 1.
  const int n = 4;
  std::vector<int> heads = {1, n, 0, 1};
  EXPECT_EQ(Projectivize(&heads), 1);
  EXPECT_EQ(heads, (std::vector<int>{1, n, 1, 1}));
  EXPECT_EQ(Projectivize(&heads), 0);
  // The projectivised tree is rebuilt exactly by zero-cost moves.
  ParserState st;
  st.Init(n);
  while (!st.Terminal()) {
    bool moved = false;
    for (Move m : {Move::kLeft, Move::kRight, Move::kShift}) {
      if (st.CanApply(m) && UnlabelledMoveCost(st, m, heads) == 0) {
        st.Apply(m, 1);
        moved = true;
        break;
      }
    }
    ASSERT_TRUE(moved);
  }
  for (int i = 0; i < n; ++i) EXPECT_EQ(st.head(i), heads[i]) << i;
}

}  // namespace
}  // namespace sitrep
