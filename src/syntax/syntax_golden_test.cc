// Golden test: the committed model parses the constructions event coding depends on.
// Skips when models/en_news.model is absent (e.g. a checkout without the model).
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "document/document.h"
#include "syntax/syntax_model.h"
#include "text/segmenter.h"

namespace sitrep {
namespace {

class SyntaxGolden : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::ifstream probe(SyntaxModel::DefaultModelPath());
    if (!probe) return;
    auto loaded = SyntaxModel::Load(SyntaxModel::DefaultModelPath());
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    model_ = std::move(loaded).value().release();
  }
  static void TearDownTestSuite() {
    delete model_;
    model_ = nullptr;
  }
  void SetUp() override {
    if (!model_) GTEST_SKIP() << "no model at " << SyntaxModel::DefaultModelPath();
  }

  // Segments and annotates one sentence.
  Document Parse(const std::string& text) {
    Document doc;
    doc.text = text;
    segmenter_.Segment(&doc);
    SyntaxScratch scratch;
    model_->Annotate(&doc, &scratch);
    return doc;
  }
  // Index of the first token with this surface, or -1.
  static int Find(const Document& doc, std::string_view form) {
    for (size_t i = 0; i < doc.tokens.size(); ++i) {
      if (doc.Slice(doc.tokens[i]) == form) return static_cast<int>(i);
    }
    return -1;
  }
  // "dep --deprel--> head" as a readable string for comparisons.
  static std::string Arc(const Document& doc, std::string_view dep) {
    int d = Find(doc, dep);
    if (d < 0) return "missing " + std::string(dep);
    const Token& t = doc.tokens[d];
    std::string head = t.head < 0 ? "ROOT" : std::string(doc.Slice(doc.tokens[t.head]));
    return std::string(dep) + " " + t.deprel + " " + head;
  }

  static SyntaxModel* model_;
  Segmenter segmenter_;
};

SyntaxModel* SyntaxGolden::model_ = nullptr;

TEST_F(SyntaxGolden, PassiveAgent) {
  Document doc = Parse("The rebels were driven out of Aleppo by the army.");
  EXPECT_EQ(Arc(doc, "rebels"), "rebels nsubj:pass driven");
  EXPECT_EQ(Arc(doc, "army"), "army obl:agent driven");
  EXPECT_EQ(Arc(doc, "driven"), "driven root ROOT");
}

TEST_F(SyntaxGolden, ConjoinedSubjects) {
  Document doc = Parse("Russia and Iran attacked the rebel positions.");
  EXPECT_EQ(Arc(doc, "Russia"), "Russia nsubj attacked");
  EXPECT_EQ(Arc(doc, "Iran"), "Iran conj Russia");
  EXPECT_EQ(Arc(doc, "positions"), "positions obj attacked");
}

TEST_F(SyntaxGolden, PrepositionalObjects) {
  Document doc = Parse("Moscow announced the withdrawal of troops from Syria.");
  EXPECT_EQ(Arc(doc, "withdrawal"), "withdrawal obj announced");
  EXPECT_EQ(Arc(doc, "troops"), "troops nmod withdrawal");
  std::string syria = Arc(doc, "Syria");
  EXPECT_TRUE(syria == "Syria nmod withdrawal" || syria == "Syria nmod troops") << syria;
}

TEST_F(SyntaxGolden, ControlVerb) {
  Document doc = Parse("Russia agreed to withdraw troops.");
  EXPECT_EQ(Arc(doc, "Russia"), "Russia nsubj agreed");
  EXPECT_EQ(Arc(doc, "withdraw"), "withdraw xcomp agreed");
  EXPECT_EQ(Arc(doc, "troops"), "troops obj withdraw");
}

TEST_F(SyntaxGolden, EveryTokenIsAnnotated) {
  Document doc = Parse("Police said on Tuesday that 12 people had been killed in Kabul.");
  int roots = 0;
  for (const Token& t : doc.tokens) {
    EXPECT_FALSE(t.upos.empty());
    EXPECT_FALSE(t.xpos.empty());
    EXPECT_FALSE(t.lemma.empty());
    EXPECT_FALSE(t.deprel.empty());
    roots += t.head == -1;
  }
  EXPECT_EQ(roots, 1);
  EXPECT_EQ(Arc(doc, "Police"), "Police nsubj said");
}

}  // namespace
}  // namespace sitrep
