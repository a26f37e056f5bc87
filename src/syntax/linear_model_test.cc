#include "syntax/linear_model.h"

#include <gtest/gtest.h>

#include "syntax/feature_hash.h"
#include "syntax/perceptron.h"

namespace sitrep {
namespace {

TEST(LinearModel, ScoresSumRowsOfKnownKeys) {
  std::vector<LinearModel::Row> rows = {{7, {{0, 5}, {2, -3}}}, {9, {{1, 4}}}};
  LinearModel m = LinearModel::Build(3, 0.5f, std::move(rows));
  uint32_t keys[] = {7, 9, 12345};
  int32_t scores[3] = {0, 0, 0};
  m.Score(keys, 3, scores);
  EXPECT_EQ(scores[0], 5);
  EXPECT_EQ(scores[1], 4);
  EXPECT_EQ(scores[2], -3);
}

TEST(LinearModel, SerializeRoundTrip) {
  std::vector<LinearModel::Row> rows;
  for (uint32_t k = 0; k < 1000; ++k) rows.push_back({k * 7919u, {{static_cast<uint16_t>(k % 4), static_cast<int16_t>(k - 500)}}});
  LinearModel m = LinearModel::Build(4, 0.25f, std::move(rows));
  std::string bytes;
  m.Serialize(&bytes);
  auto back = LinearModel::Deserialize(bytes);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->num_rows(), m.num_rows());
  EXPECT_FLOAT_EQ(back->scale(), 0.25f);
  for (uint32_t k = 0; k < 1000; ++k) {
    uint32_t key = k * 7919u;
    int32_t a[4] = {}, b[4] = {};
    m.Score(&key, 1, a);
    back->Score(&key, 1, b);
    for (int c = 0; c < 4; ++c) EXPECT_EQ(a[c], b[c]);
  }
  EXPECT_FALSE(LinearModel::Deserialize(bytes.substr(0, bytes.size() / 2)).ok());
}

TEST(LinearModel, KeyZeroIsARowOfItsOwn) {
  // Key 0 marks empty slots internally; it must still be a key like any other.
  LinearModel m = LinearModel::Build(4, 1.0f, {{0, {{0, 5}}}, {1, {{1, 7}}}, {2, {{2, 0}}}});
  EXPECT_EQ(m.num_rows(), 2u);  // the all-zero row carries nothing
  std::string bytes;
  m.Serialize(&bytes);
  auto back = LinearModel::Deserialize(bytes);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->num_rows(), 2u);
  for (uint32_t key : {0u, 1u}) {
    int32_t a[4] = {}, b[4] = {};
    m.Score(&key, 1, a);
    back->Score(&key, 1, b);
    for (int c = 0; c < 4; ++c) EXPECT_EQ(a[c], b[c]);
  }
  uint32_t zero = 0;
  int32_t s[4] = {};
  back->Score(&zero, 1, s);
  EXPECT_EQ(s[0], 5);
  EXPECT_EQ(s[1], 0);
}

TEST(LinearModel, DirectModelRoundTripsAndPrunesInPlace) {
  const int bits = 4;
  std::vector<LinearModel::Row> rows = {{0, {{0, 3}, {2, 100}}}, {5, {{1, -50}}}, {15, {{0, 2}}}};
  LinearModel m = LinearModel::BuildDirect(3, 1.0f, bits, std::move(rows));
  EXPECT_EQ(m.num_rows(), 3u);
  std::string bytes;
  m.Serialize(&bytes);
  auto back = LinearModel::Deserialize(bytes);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->direct_bits(), bits);
  EXPECT_EQ(back->num_weights(), 4u);
  // Score takes full 32-bit keys and uses their top `bits` bits as the bucket.
  uint32_t key = 5u << (32 - bits);
  int32_t s[3] = {};
  back->Score(&key, 1, s);
  EXPECT_EQ(s[1], -50);
  LinearModel p = back->Pruned(10);
  EXPECT_EQ(p.direct_bits(), bits);
  EXPECT_EQ(p.num_rows(), 2u);
  uint32_t bucket0 = 1;  // top bits 0: bucket 0 stays bucket 0
  int32_t t[3] = {};
  p.Score(&bucket0, 1, t);
  EXPECT_EQ(t[0], 0);
  EXPECT_EQ(t[2], 100);
}

TEST(LinearModel, PruningDropsSmallWeights) {
  LinearModel m = LinearModel::Build(2, 1.0f, {{1, {{0, 3}, {1, 100}}}, {2, {{0, 2}}}});
  LinearModel p = m.Pruned(10);
  EXPECT_EQ(p.num_rows(), 1u);
  EXPECT_EQ(p.num_weights(), 1u);
}

TEST(LinearModel, ManyClassesScoreDenseAndSparseRowsLikeTheirSums) {
  // 40 classes: rows with more than 10 entries are stored densely, others in buckets.
  const uint32_t classes = 40;
  std::vector<LinearModel::Row> rows;
  for (uint32_t k = 0; k < 3000; ++k) {
    LinearModel::Row row{k * 2654435761u, {}};
    const uint32_t n = k % 7 == 0 ? 30 : 1 + k % 5;
    for (uint32_t e = 0; e < n; ++e) {
      row.entries.push_back({static_cast<uint16_t>((k + 3 * e) % classes),
                             static_cast<int16_t>(static_cast<int>(k % 201) - 100 + e)});
    }
    rows.push_back(std::move(row));
  }
  auto expected = [&](const std::vector<uint32_t>& keys) {
    std::vector<int32_t> s(classes, 0);
    for (uint32_t key : keys) {
      for (const auto& row : rows) {
        if (row.key != key) continue;
        for (const auto& e : row.entries) s[e.label] += e.weight;
      }
    }
    return s;
  };
  LinearModel m = LinearModel::Build(classes, 1.0f, rows);
  std::string bytes;
  m.Serialize(&bytes);
  auto back = LinearModel::Deserialize(bytes);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->num_rows(), m.num_rows());
  EXPECT_EQ(back->num_weights(), m.num_weights());
  // 150 keys per call (more than one internal chunk), known ones and unknown ones, key 0.
  std::vector<uint32_t> keys = {0};
  for (uint32_t k = 0; k < 150; ++k) keys.push_back((k * 37 % 3000) * 2654435761u + (k % 3 == 0));
  std::vector<int32_t> a(classes, 0), b(classes, 0);
  m.Score(keys.data(), keys.size(), a.data());
  back->Score(keys.data(), keys.size(), b.data());
  EXPECT_EQ(a, expected(keys));
  EXPECT_EQ(b, a);
  LinearModel p = m.Pruned(50);
  EXPECT_LT(p.num_weights(), m.num_weights());
}

TEST(Perceptron, LearnsASeparableProblem) {
  // Class = which of two indicator features is on; a bias feature is always on.
  PerceptronTrainer trainer(2);
  const uint32_t bias = FeatureKey(0, 1);
  for (int epoch = 0; epoch < 5; ++epoch) {
    for (int c = 0; c < 2; ++c) {
      uint32_t keys[2] = {bias, FeatureKey(1, c)};
      float scores[2];
      trainer.Score(keys, 2, scores);
      int guess = scores[1] > scores[0] ? 1 : 0;
      trainer.Update(keys, 2, c, guess);
      trainer.Tick();
    }
  }
  LinearModel m = trainer.Finish();
  for (int c = 0; c < 2; ++c) {
    uint32_t keys[2] = {bias, FeatureKey(1, c)};
    int32_t scores[2] = {0, 0};
    m.Score(keys, 2, scores);
    EXPECT_GT(scores[c], scores[1 - c]);
  }
}

}  // namespace
}  // namespace sitrep
