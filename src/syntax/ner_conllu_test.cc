#include "syntax/ner_conllu.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace sitrep {
namespace {

TEST(NerConllu, ParsesNestedOpenings) {
  std::vector<OpenMention> open;
  std::vector<NerSpan> closed;
  ASSERT_TRUE(ParseEntityMisc("(11-abstract-new-nnnnn-cf3-2-sgl(1-person-giv:act-sssss-cf1*-1-ana-"
                              "Daniel_Bernoulli)",
                              4, &open, &closed)
                  .ok());
  ASSERT_EQ(closed.size(), 1u);
  EXPECT_EQ(closed[0], (NerSpan{4, 4, "person"}));
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].id, "11");
  EXPECT_EQ(open[0].type, "abstract");
  ASSERT_TRUE(ParseEntityMisc("11)", 6, &open, &closed).ok());
  EXPECT_TRUE(open.empty());
  EXPECT_EQ(closed[1], (NerSpan{4, 6, "abstract"}));
}

TEST(NerConllu, ParsesSingleTokenAndMultipleClosings) {
  std::vector<OpenMention> open;
  std::vector<NerSpan> closed;
  ASSERT_TRUE(ParseEntityMisc("(3-place-1-new)", 0, &open, &closed).ok());
  EXPECT_EQ(closed.back(), (NerSpan{0, 0, "place"}));
  ASSERT_TRUE(ParseEntityMisc("(6-time-new-nnnnn-cf8-1-sgl", 1, &open, &closed).ok());
  ASSERT_TRUE(ParseEntityMisc("(7-time-new-nnnnn-cf9-2-sgl", 2, &open, &closed).ok());
  ASSERT_TRUE(ParseEntityMisc("(8-time-new-nnnnn-cf10-1-sgl)7)6)", 3, &open, &closed).ok());
  EXPECT_TRUE(open.empty());
  ASSERT_EQ(closed.size(), 4u);
  EXPECT_EQ(closed[1], (NerSpan{3, 3, "time"}));
  EXPECT_EQ(closed[2], (NerSpan{2, 3, "time"}));
  EXPECT_EQ(closed[3], (NerSpan{1, 3, "time"}));
}

TEST(NerConllu, ClosingPicksLatestOpeningWithThatId) {
  std::vector<OpenMention> open;
  std::vector<NerSpan> closed;
  ASSERT_TRUE(ParseEntityMisc("(1-person-a(2-place-b", 0, &open, &closed).ok());
  ASSERT_TRUE(ParseEntityMisc("1)", 2, &open, &closed).ok());
  ASSERT_EQ(closed.size(), 1u);
  EXPECT_EQ(closed[0], (NerSpan{0, 2, "person"}));
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].id, "2");
}

TEST(NerConllu, RejectsMalformedEntityValues) {
  std::vector<OpenMention> open;
  std::vector<NerSpan> closed;
  EXPECT_FALSE(ParseEntityMisc("(person", 0, &open, &closed).ok());
  EXPECT_FALSE(ParseEntityMisc("(1-", 0, &open, &closed).ok());
  EXPECT_FALSE(ParseEntityMisc("12", 0, &open, &closed).ok());
  EXPECT_FALSE(ParseEntityMisc(")", 0, &open, &closed).ok());
}

// "The mayor of Paris , who spoke , met Anna Berg ." with GUM-style annotation.
constexpr char kSample[] =
    "# newdoc id = GUM_news_sample\n"
    "# sent_id = GUM_news_sample-1\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\tEntity=(1-person-new-x-cf1-2-coref\n"
    "2\tmayor\tmayor\tNOUN\tNN\t_\t8\tnsubj\t_\t_\n"
    "3\tof\tof\tADP\tIN\t_\t4\tcase\t_\t_\n"
    "4\tParis\tParis\tPROPN\tNNP\t_\t2\tnmod\t_\tEntity=(2-place-new-x-cf2-1-sgl-Paris)\n"
    "5\t,\t,\tPUNCT\t,\t_\t7\tpunct\t_\t_\n"
    "6\twho\twho\tPRON\tWP\t_\t7\tnsubj\t_\t_\n"
    "7\tspoke\tspeak\tVERB\tVBD\t_\t2\tacl:relcl\t_\tEntity=1)\n"
    "8-9\tmet'\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "8\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "8.1\tghost\tghost\tNOUN\tNN\t_\t_\t_\t8:dep\t_\n"
    "9\tAnna\tAnna\tPROPN\tNNP\t_\t8\tobj\t_\tEntity=(3-person-new-x-cf3-1,2-coref\n"
    "10\tBerg\tBerg\tPROPN\tNNP\t_\t9\tflat\t_\tEntity=3)\n"
    "11\t,\t,\tPUNCT\t,\t_\t13\tpunct\t_\t_\n"
    "12\tthe\tthe\tDET\tDT\t_\t13\tdet\t_\t_\n"
    "13\tboss\tboss\tNOUN\tNN\t_\t9\tappos\t_\t_\n"
    "14\t.\t.\tPUNCT\t.\t_\t8\tpunct\t_\t_\n"
    "\n";

TEST(NerConllu, ReadsSentencesSkippingMultiwordAndEmptyNodes) {
  auto sentences = ParseNerSentences(kSample, "sample");
  ASSERT_TRUE(sentences.ok()) << sentences.status().ToString();
  ASSERT_EQ(sentences->size(), 1u);
  const NerSentence& s = (*sentences)[0];
  EXPECT_EQ(s.doc_id, "GUM_news_sample");
  EXPECT_EQ(s.sent_id, "GUM_news_sample-1");
  ASSERT_EQ(s.forms.size(), 14u);
  EXPECT_EQ(s.forms[8], "Anna");
  EXPECT_EQ(s.heads[8], 7);
  EXPECT_EQ(s.heads[7], -1);
  EXPECT_TRUE(s.has_entity_annotation);
  EXPECT_EQ(s.mentions.size(), 3u);
}

TEST(NerConllu, ProjectsNamedCoresOutermostFirst) {
  auto sentences = ParseNerSentences(kSample, "sample");
  ASSERT_TRUE(sentences.ok());
  const NerSentence& s = (*sentences)[0];
  // "The mayor of Paris, who spoke" is headed by a common noun: only "Paris" is a name.
  ASSERT_EQ(s.gold.size(), 2u);
  EXPECT_EQ(s.gold[0], (NerSpan{3, 3, "place"}));
  EXPECT_EQ(s.gold[1], (NerSpan{8, 9, "person"}));
}

TEST(NerConllu, CutsAppositionsAndRelativeClausesFromNames) {
  // Mention "Anna Berg , the boss" (tokens 0-4) headed by Anna: the core is "Anna Berg".
  std::vector<std::string> upos = {"PROPN", "PROPN", "PUNCT", "DET", "NOUN", "VERB"};
  std::vector<int32_t> heads = {5, 0, 4, 4, 0, -1};
  std::vector<std::string> deprels = {"nsubj", "flat", "punct", "det", "appos", "root"};
  auto gold = ProjectNamedEntities({NerSpan{0, 4, "person"}}, upos, heads, deprels);
  ASSERT_EQ(gold.size(), 1u);
  EXPECT_EQ(gold[0], (NerSpan{0, 1, "person"}));
}

TEST(NerConllu, FileWithoutEntitiesIsFlagged) {
  auto sentences = ParseNerSentences("1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n\n", "plain");
  ASSERT_TRUE(sentences.ok());
  ASSERT_EQ(sentences->size(), 1u);
  EXPECT_FALSE((*sentences)[0].has_entity_annotation);
  EXPECT_TRUE((*sentences)[0].gold.empty());
}

TEST(NerConllu, ShortTokenLineIsCorruption) {
  auto sentences = ParseNerSentences("1\tHi\thi\n", "bad.conllu");
  ASSERT_FALSE(sentences.ok());
  EXPECT_EQ(sentences.status().code(), Status::Code::kCorruption);
  EXPECT_NE(sentences.status().message().find("bad.conllu:1"), std::string::npos);
}

TEST(NerConllu, BilouRoundTrip) {
  std::vector<NerSpan> spans = {{0, 1, "person"}, {3, 3, "place"}, {5, 7, "organization"}};
  std::vector<std::string> tags = EncodeBilou(spans, 8);
  std::vector<std::string> expected = {
      "B-person",       "L-person",      "O", "U-place", "O", "B-organization",
      "I-organization", "L-organization"};
  EXPECT_EQ(tags, expected);
  EXPECT_EQ(DecodeBilou(tags), spans);
}

TEST(NerConllu, DecodesBioAndRepairsIllFormedTags) {
  EXPECT_EQ(DecodeBilou({"B-place", "I-place", "O", "B-person"}),
            (std::vector<NerSpan>{{0, 1, "place"}, {3, 3, "person"}}));
  // An I without B starts a span; a type change closes the previous one.
  EXPECT_EQ(DecodeBilou({"I-place", "I-person", "L-person"}),
            (std::vector<NerSpan>{{0, 0, "place"}, {1, 2, "person"}}));
}

TEST(NerConllu, ReadsGumDevWhenPresent) {
  std::string path = std::string(SITREP_SOURCE_DIR) + "/../shared/data/ud/en_gum-ud-dev.conllu";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no shared data at " << path;
  auto sentences = ReadNerSentences(path);
  ASSERT_TRUE(sentences.ok()) << sentences.status().ToString();
  EXPECT_EQ(sentences->size(), 1575u);
  size_t named = 0;
  for (const NerSentence& s : *sentences) {
    EXPECT_TRUE(s.has_entity_annotation);
    for (size_t i = 1; i < s.gold.size(); ++i) EXPECT_GT(s.gold[i].first, s.gold[i - 1].last);
    named += s.gold.size();
  }
  EXPECT_GT(named, 500u);
}

TEST(NerConllu, MissingFileIsAnError) {
  EXPECT_FALSE(ReadNerSentences("/nonexistent/file.conllu").ok());
}

}  // namespace
}  // namespace sitrep
