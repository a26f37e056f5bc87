#include "syntax/lemmatizer.h"

#include <gtest/gtest.h>

#include <array>

namespace sitrep {
namespace {

ConllSentence Sentence(std::vector<std::array<const char*, 3>> words) {
  ConllSentence s;
  for (auto& [form, lemma, xpos] : words) {
    ConllWord w;
    w.form = form;
    w.lemma = lemma;
    w.xpos = xpos;
    w.upos = std::string(xpos) == "NNP" ? "PROPN" : "X";
    s.words.push_back(w);
  }
  return s;
}

TEST(Lemmatizer, RulesExceptionsAndCase) {
  std::vector<ConllSentence> data = {
      Sentence({{"dogs", "dog", "NNS"}, {"cats", "cat", "NNS"}, {"towns", "town", "NNS"}}),
      Sentence({{"walked", "walk", "VBD"}, {"talked", "talk", "VBD"}, {"went", "go", "VBD"}}),
      Sentence({{"cities", "city", "NNS"}, {"armies", "army", "NNS"}}),
      Sentence({{"Paris", "Paris", "NNP"}, {"London", "London", "NNP"}, {"The", "the", "DT"}}),
  };
  Lemmatizer lem = Lemmatizer::Train(data);
  EXPECT_EQ(lem.Lemmatize("birds", "NOUN", "NNS"), "bird");
  EXPECT_EQ(lem.Lemmatize("parties", "NOUN", "NNS"), "party");
  EXPECT_EQ(lem.Lemmatize("jumped", "VERB", "VBD"), "jump");
  EXPECT_EQ(lem.Lemmatize("went", "VERB", "VBD"), "go");
  EXPECT_EQ(lem.Lemmatize("Moscow", "PROPN", "NNP"), "Moscow");
  EXPECT_EQ(lem.Lemmatize("The", "DET", "DT"), "the");
  EXPECT_EQ(lem.Lemmatize("Xyz", "X", "FW"), "xyz");  // no rule: lower-cased
}

TEST(Lemmatizer, UnseenFormsTakeTheStemTrainingKnows) {
  // The "-bed" rule (described -> describe, bribed -> bribe) would make "bombed" "bombe";
  // the noun "bomb" is a known lemma, so the verb gets it. "shelled" likewise from "shell".
  std::vector<ConllSentence> data = {
      Sentence({{"described", "describe", "VBD"}, {"bribed", "bribe", "VBD"}, {"probed", "probe", "VBD"}}),
      Sentence({{"bomb", "bomb", "NN"}, {"shells", "shell", "NNS"}, {"felled", "fell", "VBD"}}),
      Sentence({{"compelled", "compel", "VBD"}, {"propelled", "propel", "VBD"}}),
      Sentence({{"Bombe", "Bombe", "NNP"}, {"Levi", "Levi", "NNP"}}),
  };
  Lemmatizer lem = Lemmatizer::Train(data);
  EXPECT_EQ(lem.Lemmatize("bombed", "VERB", "VBD"), "bomb");
  EXPECT_EQ(lem.Lemmatize("shelled", "VERB", "VBD"), "shell");
  EXPECT_EQ(lem.Lemmatize("ascribed", "VERB", "VBD"), "ascribe");  // no known stem: the rule
  EXPECT_EQ(lem.Lemmatize("expelled", "VERB", "VBD"), "expel");
  EXPECT_GT(lem.vocabulary_size(), 0u);
  std::string bytes;
  lem.Serialize(&bytes);
  auto back = Lemmatizer::Deserialize(bytes);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->Lemmatize("bombed", "VERB", "VBD"), "bomb");
}

TEST(Lemmatizer, SerializeRoundTrip) {
  std::vector<ConllSentence> data = {
      Sentence({{"dogs", "dog", "NNS"}, {"cats", "cat", "NNS"}, {"went", "go", "VBD"}})};
  Lemmatizer lem = Lemmatizer::Train(data);
  std::string bytes;
  lem.Serialize(&bytes);
  auto back = Lemmatizer::Deserialize(bytes);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->Lemmatize("went", "VERB", "VBD"), "go");
  EXPECT_EQ(back->Lemmatize("hats", "NOUN", "NNS"), "hat");
  EXPECT_FALSE(Lemmatizer::Deserialize(bytes.substr(0, bytes.size() - 2)).ok());
}

}  // namespace
}  // namespace sitrep
