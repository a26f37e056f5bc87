#include "syntax/ner_consistency.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(NerConsistency, MajorityTypeWinsWithinDocument) {
  std::vector<std::vector<std::string_view>> forms = {
      {"Norton", "left", "."}, {"Norton", "sang", "."}, {"Norton", "slept", "."}};
  std::vector<std::vector<NerSpan>> spans = {
      {{0, 0, "person"}}, {{0, 0, "place"}}, {{0, 0, "person"}}};
  HarmonizeEntityTypes(forms, &spans);
  for (const auto& s : spans) EXPECT_EQ(s[0].type, "person");
}

TEST(NerConsistency, FullPersonNameVotesForItsLastToken) {
  std::vector<std::vector<std::string_view>> forms = {{"Joshua", "Norton", "came"},
                                                      {"Norton", "left"}};
  std::vector<std::vector<NerSpan>> spans = {{{0, 1, "person"}}, {{0, 0, "place"}}};
  HarmonizeEntityTypes(forms, &spans);
  EXPECT_EQ(spans[1][0].type, "person");
  EXPECT_EQ(spans[0][0], (NerSpan{0, 1, "person"}));  // boundaries untouched
}

TEST(NerConsistency, TiesKeepOwnType) {
  std::vector<std::vector<std::string_view>> forms = {{"Harrow"}, {"Harrow"}};
  std::vector<std::vector<NerSpan>> spans = {{{0, 0, "place"}}, {{0, 0, "organization"}}};
  HarmonizeEntityTypes(forms, &spans);
  EXPECT_EQ(spans[0][0].type, "place");
  EXPECT_EQ(spans[1][0].type, "organization");
}

}  // namespace
}  // namespace sitrep
