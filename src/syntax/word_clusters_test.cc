#include "syntax/word_clusters.h"

#include <gtest/gtest.h>

#include "syntax/feature_hash.h"

namespace sitrep {
namespace {

// "the NOUN VERB ." with nouns and verbs drawn in a fixed pattern.
std::vector<std::vector<std::string>> ToyText() {
  const char* nouns[] = {"cat", "dog", "bird", "horse"};
  const char* verbs[] = {"runs", "sleeps", "eats", "sings"};
  std::vector<std::vector<std::string>> out;
  for (int i = 0; i < 200; ++i) {
    out.push_back({i % 3 ? "the" : "a", nouns[i % 4], verbs[(i / 4) % 4], "."});
  }
  return out;
}

// Length of the common prefix of two words' paths.
int Shared(const WordClusters& c, const char* a, const char* b) {
  uint32_t pa = 0, pb = 0;
  int la = 0, lb = 0;
  EXPECT_TRUE(c.Find(HashBytes(a), &pa, &la)) << a;
  EXPECT_TRUE(c.Find(HashBytes(b), &pb, &lb)) << b;
  int k = 0;
  while (k < la && k < lb && ((pa >> (la - 1 - k)) & 1) == ((pb >> (lb - 1 - k)) & 1)) ++k;
  return k;
}

TEST(WordClusters, GroupsWordsThatShareContexts) {
  BrownClusteringOptions options;
  options.num_clusters = 4;
  options.min_count = 1;
  WordClusters c = WordClusters::Train(ToyText(), options);
  EXPECT_EQ(c.size(), 11u);
  EXPECT_GT(Shared(c, "cat", "dog"), Shared(c, "cat", "runs"));
  EXPECT_GT(Shared(c, "runs", "eats"), Shared(c, "eats", "horse"));
}

TEST(WordClusters, AtomsNamePrefixesAndUnknownWordsHaveNone) {
  BrownClusteringOptions options;
  options.num_clusters = 4;
  options.min_count = 1;
  WordClusters c = WordClusters::Train(ToyText(), options);
  EXPECT_EQ(c.Atom(HashBytes("zebra"), 4), 0u);
  EXPECT_NE(c.Atom(HashBytes("cat"), 1), 0u);
  // One bit: every word lands on one side of the root, so some pair shares the atom.
  EXPECT_EQ(c.Atom(HashBytes("cat"), 32), c.Atom(HashBytes("cat"), 32));
  EXPECT_NE(c.Atom(HashBytes("cat"), 32), c.Atom(HashBytes("runs"), 32));
  // Case is folded before hashing by the caller: clusters are learnt lower-cased.
  EXPECT_NE(c.Atom(HashBytes("the"), 32), 0u);
  EXPECT_EQ(c.Atom(HashBytes("The"), 32), 0u);
}

TEST(WordClusters, SerializeRoundTripAndDeterminism) {
  BrownClusteringOptions options;
  options.num_clusters = 3;
  options.min_count = 1;
  std::string a, b, dump;
  WordClusters c = WordClusters::Train(ToyText(), options, &dump);
  c.Serialize(&a);
  WordClusters::Train(ToyText(), options).Serialize(&b);
  EXPECT_EQ(a, b);
  EXPECT_NE(dump.find("\tcat\t50\n"), std::string::npos);
  auto back = WordClusters::Deserialize(a);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->Atom(HashBytes("dog"), 32), c.Atom(HashBytes("dog"), 32));
  EXPECT_FALSE(WordClusters::Deserialize(a.substr(0, a.size() - 3)).ok());
}

TEST(WordClusters, TooLittleTextGivesNoClusters) {
  WordClusters c = WordClusters::Train({{"alone"}}, BrownClusteringOptions());
  EXPECT_TRUE(c.empty());
  EXPECT_EQ(c.Atom(HashBytes("alone"), 4), 0u);
}

}  // namespace
}  // namespace sitrep
