#include "syntax/dependency_parser.h"

#include <gtest/gtest.h>

#include "syntax/syntax_test_data.h"

namespace sitrep {
namespace {

std::vector<ParserExample> Examples(const std::vector<ConllSentence>& data) {
  std::vector<ParserExample> out;
  for (const ConllSentence& s : data) {
    ParserExample ex;
    for (const ConllWord& w : s.words) {
      ex.words.push_back(MakeParserWord(w.form, w.upos + "/" + w.xpos));
      ex.heads.push_back(w.head);
      ex.labels.push_back(w.deprel);
    }
    out.push_back(std::move(ex));
  }
  return out;
}

ParserOptions FastOptions() {
  ParserOptions options;
  options.epochs = 4;
  return options;
}

TEST(DependencyParser, LearnsToyTreebank) {
  auto data = TEST_ToyTreebank();
  auto examples = Examples(data);
  DependencyParser parser = DependencyParser::Train(examples, FastOptions());
  ParserScratch scratch;
  std::vector<int32_t> heads;
  std::vector<uint16_t> labels;
  for (size_t s : {0u, 13u, 42u}) {
    parser.Parse(examples[s].words, &scratch, &heads, &labels);
    for (size_t i = 0; i < heads.size(); ++i) {
      EXPECT_EQ(heads[i], data[s].words[i].head) << "sentence " << s << " word " << i;
      EXPECT_EQ(parser.label(labels[i]), data[s].words[i].deprel);
    }
  }
}

TEST(DependencyParser, AlwaysOneRoot) {
  DependencyParser parser = DependencyParser::Train(Examples(TEST_ToyTreebank()), FastOptions());
  ParserScratch scratch;
  std::vector<int32_t> heads;
  std::vector<uint16_t> labels;
  std::vector<ParserWord> words;
  for (const char* w : {"the", "the", ".", "rebels", "rebels", "left", "left", ".", "a"}) {
    words.push_back(MakeParserWord(w, "X/X"));
  }
  parser.Parse(words, &scratch, &heads, &labels);
  int roots = 0;
  for (size_t i = 0; i < heads.size(); ++i) {
    if (heads[i] == -1) {
      ++roots;
      EXPECT_EQ(parser.label(labels[i]), "root");
    } else {
      EXPECT_NE(parser.label(labels[i]), "root");
    }
  }
  EXPECT_EQ(roots, 1);
  parser.Parse({}, &scratch, &heads, &labels);
  EXPECT_TRUE(heads.empty());
}

TEST(DependencyParser, SerializeRoundTripParsesTheSame) {
  auto examples = Examples(TEST_ToyTreebank());
  DependencyParser parser = DependencyParser::Train(examples, FastOptions());
  std::string bytes;
  parser.Serialize(&bytes);
  auto back = DependencyParser::Deserialize(bytes);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ParserScratch scratch;
  std::vector<int32_t> h1, h2;
  std::vector<uint16_t> l1, l2;
  parser.Parse(examples[5].words, &scratch, &h1, &l1);
  back->Parse(examples[5].words, &scratch, &h2, &l2);
  EXPECT_EQ(h1, h2);
  EXPECT_EQ(l1, l2);
  EXPECT_FALSE(DependencyParser::Deserialize(bytes.substr(0, bytes.size() / 3)).ok());
}

TEST(DependencyParser, TrainingIsDeterministic) {
  auto examples = Examples(TEST_ToyTreebank());
  std::string a, b;
  DependencyParser::Train(examples, FastOptions()).Serialize(&a);
  DependencyParser::Train(examples, FastOptions()).Serialize(&b);
  EXPECT_EQ(a, b);
}

}  // namespace
}  // namespace sitrep
