#include "syntax/ner_scoring.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(NerScoring, CountsExactAndOverlapMatches) {
  std::vector<std::vector<NerSpan>> gold = {
      {{0, 1, "person"}, {4, 4, "place"}},
      {{2, 4, "organization"}},
  };
  std::vector<std::vector<NerSpan>> predicted = {
      {{0, 1, "person"}, {4, 5, "place"}, {7, 7, "place"}},
      {{3, 3, "person"}},
  };
  NerScores scores = ScoreEntities(gold, predicted);
  const NerCounts& all = scores.overall;
  EXPECT_EQ(all.gold, 3);
  EXPECT_EQ(all.predicted, 4);
  EXPECT_EQ(all.exact_match, 1);   // only the person span
  EXPECT_EQ(all.overlap_pred, 2);  // person + overlapping place; the wrong type never counts
  EXPECT_EQ(all.overlap_gold, 2);
  EXPECT_DOUBLE_EQ(all.ExactPrecision(), 0.25);
  EXPECT_DOUBLE_EQ(all.ExactRecall(), 1.0 / 3);
  EXPECT_DOUBLE_EQ(all.ExactF1(), 2 * 0.25 * (1.0 / 3) / (0.25 + 1.0 / 3));
  EXPECT_DOUBLE_EQ(all.OverlapPrecision(), 0.5);
  EXPECT_DOUBLE_EQ(all.OverlapRecall(), 2.0 / 3);

  const NerCounts& place = scores.per_type.at("place");
  EXPECT_EQ(place.gold, 1);
  EXPECT_EQ(place.predicted, 2);
  EXPECT_EQ(place.exact_match, 0);
  EXPECT_EQ(place.overlap_pred, 1);
  EXPECT_EQ(scores.per_type.at("organization").overlap_gold, 0);
}

TEST(NerScoring, PoolsChosenTypes) {
  NerScores scores = ScoreEntities({{{0, 0, "person"}, {2, 2, "time"}}},
                                   {{{0, 0, "person"}, {2, 2, "time"}, {4, 4, "event"}}});
  NerCounts pooled = scores.Pooled({"person", "place", "time"});
  EXPECT_EQ(pooled.gold, 2);
  EXPECT_EQ(pooled.predicted, 2);
  EXPECT_DOUBLE_EQ(pooled.ExactF1(), 1.0);
  EXPECT_EQ(scores.overall.predicted, 3);
}

TEST(NerScoring, EmptyInputsScoreZeroWithoutDividingByZero) {
  NerScores scores = ScoreEntities({}, {});
  EXPECT_EQ(scores.overall.ExactF1(), 0.0);
  EXPECT_EQ(scores.overall.OverlapPrecision(), 0.0);
  EXPECT_EQ(ToJson(scores),
            "{\"overall\":{\"gold\":0,\"predicted\":0,\"exact_p\":0,\"exact_r\":0,\"exact_f1\":0,"
            "\"overlap_p\":0,\"overlap_r\":0,\"overlap_f1\":0},\"per_type\":{}}");
}

TEST(NerScoring, UnequalSentenceCountsScoreAgainstNothing) {
  NerScores scores = ScoreEntities({{{0, 0, "place"}}, {{1, 1, "place"}}}, {{{0, 0, "place"}}});
  EXPECT_EQ(scores.overall.gold, 2);
  EXPECT_EQ(scores.overall.exact_match, 1);
}

}  // namespace
}  // namespace sitrep
