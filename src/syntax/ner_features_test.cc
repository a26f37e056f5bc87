#include "syntax/ner_features.h"

#include <gtest/gtest.h>

#include <set>

namespace sitrep {
namespace {

TEST(NerFeatures, WordShapes) {
  EXPECT_EQ(NerWordShape("McDonald's", false), "XxXxxxxx'x");
  EXPECT_EQ(NerWordShape("McDonald's", true), "XxXx'x");
  EXPECT_EQ(NerWordShape("1,200", true), "d,d");
  EXPECT_EQ(NerWordShape("Zürich", false), "Xuxxxx");
  EXPECT_EQ(NerWordShape("", true), "");
  EXPECT_EQ(NerWordShape("abcdefghijklmnopqrstuvwxyz", false).size(), 16u);
}

std::vector<uint32_t> StaticKeys(const std::vector<std::string_view>& forms, int i) {
  std::vector<uint64_t> hashes;
  ComputeNerTokenHashes(forms, {}, {}, &hashes);
  std::vector<uint32_t> keys(kNerStaticFeatures);
  NerStaticFeatures(hashes.data(), static_cast<int>(forms.size()), i, keys.data());
  return keys;
}

TEST(NerFeatures, KeysAreDeterministicNonZeroAndContextSensitive) {
  std::vector<std::string_view> a = {"She", "visited", "Paris", "."};
  std::vector<std::string_view> b = {"He", "left", "Paris", "."};
  std::vector<uint32_t> ka = StaticKeys(a, 2);
  EXPECT_EQ(ka, StaticKeys(a, 2));
  for (uint32_t k : ka) EXPECT_NE(k, 0u);
  std::vector<uint32_t> kb = StaticKeys(b, 2);
  EXPECT_EQ(ka[1], kb[1]);  // the word form itself
  EXPECT_NE(ka, kb);        // the context differs
  EXPECT_GT(std::set<uint32_t>(ka.begin(), ka.end()).size(), ka.size() - 3);
}

TEST(NerFeatures, DynamicKeysDependOnPreviousTags) {
  std::vector<std::string_view> forms = {"New", "York"};
  std::vector<uint64_t> hashes;
  ComputeNerTokenHashes(forms, {"PROPN", "PROPN"}, {"NNP", "NNP"}, &hashes);
  uint32_t x[kNerDynamicFeatures], y[kNerDynamicFeatures];
  NerDynamicFeatures(hashes.data(), 2, 1, 1, kNerNoTag, x);
  NerDynamicFeatures(hashes.data(), 2, 1, 0, kNerNoTag, y);
  for (int f = 0; f < kNerDynamicFeatures; ++f) EXPECT_NE(x[f], y[f]);
}

}  // namespace
}  // namespace sitrep
