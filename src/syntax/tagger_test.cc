#include "syntax/tagger.h"

#include <gtest/gtest.h>

#include "syntax/syntax_test_data.h"

namespace sitrep {
namespace {

std::vector<std::string_view> Forms(const ConllSentence& s) {
  std::vector<std::string_view> forms;
  for (const ConllWord& w : s.words) forms.push_back(w.form);
  return forms;
}

TEST(Tagger, LearnsToyTreebank) {
  auto data = TEST_ToyTreebank();
  TaggerOptions options;
  options.epochs = 5;
  Tagger tagger = Tagger::Train(data, options);
  EXPECT_EQ(tagger.num_tags(), 5u);  // DET/DT NOUN/NN NOUN/NNS VERB/VBD PUNCT/.
  TaggerScratch scratch;
  std::vector<uint16_t> tags;
  tagger.Tag(Forms(data[7]), &scratch, &tags);
  ASSERT_EQ(tags.size(), data[7].words.size());
  for (size_t i = 0; i < tags.size(); ++i) {
    EXPECT_EQ(tagger.upos(tags[i]), data[7].words[i].upos) << i;
    EXPECT_EQ(tagger.xpos(tags[i]), data[7].words[i].xpos) << i;
  }
  EXPECT_GE(tagger.FindTag("VERB", "VBD"), 0);
  EXPECT_EQ(tagger.FindTag("VERB", "VBZ"), -1);
}

TEST(Tagger, UsesSuffixesForUnseenWords) {
  auto data = TEST_ToyTreebank();
  Tagger tagger = Tagger::Train(data, TaggerOptions());
  TaggerScratch scratch;
  std::vector<uint16_t> tags;
  std::vector<std::string_view> forms = {"The", "soldiers", "bombed", "the", "convoy", "."};
  tagger.Tag(forms, &scratch, &tags);
  EXPECT_EQ(tagger.xpos(tags[2]), "VBD");  // unseen verb ending in -ed after a noun
  EXPECT_EQ(tagger.upos(tags[3]), "DET");
}

TEST(Tagger, SerializeRoundTripTagsTheSame) {
  auto data = TEST_ToyTreebank();
  Tagger tagger = Tagger::Train(data, TaggerOptions());
  std::string bytes;
  tagger.Serialize(&bytes);
  auto back = Tagger::Deserialize(bytes);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  TaggerScratch scratch;
  std::vector<uint16_t> a, b;
  std::vector<std::string_view> forms = {"A", "convoy", "shelled", "a", "army", "."};
  tagger.Tag(forms, &scratch, &a);
  back->Tag(forms, &scratch, &b);
  EXPECT_EQ(a, b);
  EXPECT_FALSE(Tagger::Deserialize(bytes.substr(0, 10)).ok());
}

TEST(Tagger, EmptySentence) {
  Tagger tagger = Tagger::Train(TEST_ToyTreebank(), TaggerOptions());
  TaggerScratch scratch;
  std::vector<uint16_t> tags = {1, 2};
  tagger.Tag({}, &scratch, &tags);
  EXPECT_TRUE(tags.empty());
}

}  // namespace
}  // namespace sitrep
