#include "syntax/conllu.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

constexpr char kSample[] =
    "# sent_id = s1\n"
    "# text = I don't know.\n"
    "1\tI\tI\tPRON\tPRP\tCase=Nom\t4\tnsubj\t4:nsubj\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t4:aux\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n"
    "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No\n"
    "4.1\tknew\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n"
    "\n"
    "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t0:root\t_\n";

TEST(ConllU, ReadsWordsHeadsAndComments) {
  auto sentences = ParseConllU(kSample, "sample");
  ASSERT_TRUE(sentences.ok()) << sentences.status().ToString();
  ASSERT_EQ(sentences->size(), 2u);
  const ConllSentence& s = (*sentences)[0];
  ASSERT_EQ(s.words.size(), 5u);  // the empty node is dropped
  EXPECT_EQ(s.Comment("sent_id"), "s1");
  EXPECT_EQ(s.Comment("text"), "I don't know.");
  EXPECT_EQ(s.words[0].head, 3);
  EXPECT_EQ(s.words[3].head, kConllRoot);
  EXPECT_EQ(s.words[2].lemma, "not");
  EXPECT_EQ(s.words[3].misc, "SpaceAfter=No");
  ASSERT_EQ(s.multiwords.size(), 1u);
  EXPECT_EQ(s.multiwords[0].first, 1u);
  EXPECT_EQ((*sentences)[1].words[0].form, "Hi");
}

TEST(ConllU, WritesBackTheSameLines) {
  auto sentences = ParseConllU(kSample, "sample");
  ASSERT_TRUE(sentences.ok());
  std::string out;
  WriteConllSentence((*sentences)[0], &out);
  std::string expected(kSample);
  expected = expected.substr(0, expected.find("4.1")) + expected.substr(expected.find("5\t."));
  expected = expected.substr(0, expected.find("\n\n") + 2);
  EXPECT_EQ(out, expected);
}

TEST(ConllU, MalformedLineNamesOriginAndLine) {
  auto bad = ParseConllU("1\tword\tword\n", "bad.conllu");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kCorruption);
  EXPECT_NE(bad.status().message().find("bad.conllu:1"), std::string::npos);
  auto bad_head = ParseConllU("1\ta\ta\tX\tX\t_\t7\tdep\t_\t_\n", "h");
  EXPECT_FALSE(bad_head.ok());
}

TEST(ConllU, MiscAttributes) {
  EXPECT_EQ(MiscValue("SpaceAfter=No|NE=B-person", "NE"), "B-person");
  EXPECT_EQ(MiscValue("_", "NE"), "");
  EXPECT_EQ(SetMiscValue("_", "NE", "B-place"), "NE=B-place");
  EXPECT_EQ(SetMiscValue("SpaceAfter=No", "NE", "I-place"), "SpaceAfter=No|NE=I-place");
  EXPECT_EQ(SetMiscValue("NE=B-x|SpaceAfter=No", "NE", ""), "SpaceAfter=No");
  EXPECT_EQ(SetMiscValue("NE=B-x", "NE", ""), "_");
}

}  // namespace
}  // namespace sitrep
