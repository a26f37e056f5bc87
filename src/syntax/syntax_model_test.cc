#include "syntax/syntax_model.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <utility>

#include "syntax/entity_recognizer.h"
#include "syntax/syntax_test_data.h"

namespace sitrep {
namespace {

std::unique_ptr<SyntaxModel> ToyModel() {
  auto data = TEST_ToyTreebank();
  TaggerOptions tagger_options;
  tagger_options.epochs = 4;
  std::vector<ParserExample> examples;
  for (const ConllSentence& s : data) {
    ParserExample ex;
    for (const ConllWord& w : s.words) {
      ex.words.push_back(MakeParserWord(w.form, w.upos + "/" + w.xpos));
      ex.heads.push_back(w.head);
      ex.labels.push_back(w.deprel);
    }
    examples.push_back(std::move(ex));
  }
  ParserOptions parser_options;
  parser_options.epochs = 4;
  return std::make_unique<SyntaxModel>(Tagger::Train(data, tagger_options),
                                       Lemmatizer::Train(data),
                                       DependencyParser::Train(examples, parser_options), nullptr,
                                       "toy");
}

Document ToyDocument() {
  Document doc;
  doc.text = "The rebels attacked the city.";
  for (auto [start, end] : {std::pair{0, 3}, {4, 10}, {11, 19}, {20, 23}, {24, 28}, {28, 29}}) {
    Token t;
    t.start = start;
    t.end = end;
    doc.tokens.push_back(t);
  }
  doc.sentences = {{{0, 29}, 0, 6, 0}};
  return doc;
}

TEST(SyntaxModel, AnnotatesDocumentTokens) {
  auto model = ToyModel();
  Document doc = ToyDocument();
  SyntaxScratch scratch;
  model->Annotate(&doc, &scratch);
  EXPECT_EQ(doc.tokens[1].upos, "NOUN");
  EXPECT_EQ(doc.tokens[1].xpos, "NNS");
  EXPECT_EQ(doc.tokens[1].lemma, "rebel");
  EXPECT_EQ(doc.tokens[2].head, -1);
  EXPECT_EQ(doc.tokens[2].deprel, "root");
  EXPECT_EQ(doc.tokens[1].head, 2);
  EXPECT_EQ(doc.tokens[1].deprel, "nsubj");
  EXPECT_EQ(doc.tokens[4].deprel, "obj");
}

TEST(SyntaxModel, SaveLoadRoundTrip) {
  auto model = ToyModel();
  std::string path = ::testing::TempDir() + "/syntax_model_test.model";
  ASSERT_TRUE(model->Save(path).ok());
  auto loaded = SyntaxModel::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ((*loaded)->info(), "toy");
  EXPECT_EQ((*loaded)->Serialize(), model->Serialize());
  Document a = ToyDocument(), b = ToyDocument();
  SyntaxScratch scratch;
  model->Annotate(&a, &scratch);
  (*loaded)->Annotate(&b, &scratch);
  for (size_t i = 0; i < a.tokens.size(); ++i) {
    EXPECT_EQ(a.tokens[i].xpos, b.tokens[i].xpos);
    EXPECT_EQ(a.tokens[i].head, b.tokens[i].head);
    EXPECT_EQ(a.tokens[i].deprel, b.tokens[i].deprel);
  }
  std::remove(path.c_str());
}

TEST(SyntaxModel, MissingAndCorruptFilesAreErrors) {
  auto missing = SyntaxModel::Load("/nonexistent/en_news.model");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);

  std::string bytes = ToyModel()->Serialize();
  EXPECT_FALSE(SyntaxModel::FromBytes("garbage", "g").ok());
  EXPECT_FALSE(SyntaxModel::FromBytes(bytes.substr(0, bytes.size() / 2), "half").ok());
  for (size_t pos : {size_t{10}, bytes.size() / 2, bytes.size() - 9}) {
    std::string damaged = bytes;
    damaged[pos] = static_cast<char>(damaged[pos] ^ 0x5a);
    auto r = SyntaxModel::FromBytes(damaged, "damaged");
    EXPECT_FALSE(r.ok()) << "byte " << pos;
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
    }
  }
}

TEST(SyntaxModel, AnnotateConllKeepsFormsAndSetsColumns) {
  auto model = ToyModel();
  ConllSentence s;
  for (const char* f : {"A", "convoy", "entered", "the", "city", "."}) {
    ConllWord w;
    w.form = f;
    s.words.push_back(w);
  }
  SyntaxScratch scratch;
  model->AnnotateConll(&s, &scratch);
  EXPECT_EQ(s.words[1].form, "convoy");
  EXPECT_EQ(s.words[2].lemma, "enter");
  EXPECT_EQ(s.words[2].head, kConllRoot);
  EXPECT_EQ(s.words[0].deprel, "det");
}

}  // namespace
}  // namespace sitrep
