#include "events/event_lexicon.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

constexpr char kCameo[] =
    "# version: 1\n"
    "code\tname\tgoldstein\tgoldstein_gdelt\tquad\troot\tplover\n"
    "057\tSign formal agreement\t8\t8\t1\t05\tAGREE\n"
    "190\tUse conventional military force\t-10\t-10\t4\t19\tASSAULT\n";

class EventLexiconTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto cameo = CameoTable::Parse(kCameo, "cameo.tsv");
    ASSERT_TRUE(cameo.ok()) << cameo.status().ToString();
    cameo_ = std::move(cameo).value();
  }
  Result<std::unique_ptr<EventLexicon>> Parse(std::string_view patterns) {
    return EventLexicon::Parse(patterns, "patterns.txt", "", "recode.tsv", *cameo_);
  }
  std::unique_ptr<CameoTable> cameo_;
};

TEST_F(EventLexiconTest, WordClassExpandsInKeyValues) {
  auto lex = Parse(
      "@agreement = deal ; treaty ; pact\n"
      "057 verb sign ; agree | obj: @agreement ; accord\n");
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  const auto& sign = (*lex)->Lookup("sign");
  ASSERT_EQ(sign.size(), 1u);
  EXPECT_TRUE(sign[0]->Allows("obj", "pact"));
  EXPECT_TRUE(sign[0]->Allows("obj", "accord"));
  EXPECT_FALSE(sign[0]->Allows("obj", "@agreement"));
  EXPECT_EQ(sign[0]->Values("obj")->size(), 4u);
}

TEST_F(EventLexiconTest, WordClassExpandsInLemmaListsAndNestedClasses) {
  auto lex = Parse(
      "@strike = airstrike ; air strike\n"
      "@attack = @strike ; raid ; airstrike\n"
      "190 noun @attack\n");
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  EXPECT_EQ((*lex)->Lookup("raid").size(), 1u);
  EXPECT_EQ((*lex)->Lookup("airstrike").size(), 1u);  // listed twice, kept once
  ASSERT_EQ((*lex)->Lookup("strike").size(), 1u);
  EXPECT_EQ((*lex)->Lookup("strike")[0]->extra, std::vector<std::string>{"air"});
}

TEST_F(EventLexiconTest, UndefinedWordClassIsAnErrorNamingTheLine) {
  auto lex = Parse("057 verb sign\n057 verb sign | obj: @agreement\n");
  ASSERT_FALSE(lex.ok());
  EXPECT_NE(lex.status().ToString().find("patterns.txt:2"), std::string::npos);
  EXPECT_NE(lex.status().ToString().find("@agreement"), std::string::npos);
}

TEST_F(EventLexiconTest, ClassDefinedTwiceOrEmptyIsAnError) {
  EXPECT_FALSE(Parse("@a = x\n@a = y\n").ok());
  EXPECT_FALSE(Parse("@a =\n").ok());
  EXPECT_FALSE(Parse("@a b = x\n").ok());
}

TEST_F(EventLexiconTest, UnknownKindIsAnErrorNamingTheLine) {
  auto lex = Parse("-     opaqe     see\n");
  ASSERT_FALSE(lex.ok());
  EXPECT_NE(lex.status().ToString().find("patterns.txt:1"), std::string::npos);
  EXPECT_NE(lex.status().ToString().find("opaqe"), std::string::npos);
}

TEST_F(EventLexiconTest, CueKindsAreQueryable) {
  auto lex = Parse("-     opaque    see ; witness\n-     victim    die\n-     measure   ton\n");
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  EXPECT_TRUE((*lex)->IsCue("opaque", "witness"));
  EXPECT_TRUE((*lex)->IsCue("victim", "die"));
  EXPECT_TRUE((*lex)->IsCue("measure", "ton"));
  EXPECT_FALSE((*lex)->IsCue("opaque", "die"));
}

}  // namespace
}  // namespace sitrep
