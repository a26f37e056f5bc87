#include "syntax/entity_recognizer.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace sitrep {
namespace {

// A tiny synthetic corpus: persons before "visited"/"met", places after "in"/"to",
// organizations ending in "Corp" or "Bank".
void AddToken(NerSentence* s, const std::string& form, const std::string& upos,
              const std::string& xpos) {
  s->forms.push_back(form);
  s->upos.push_back(upos);
  s->xpos.push_back(xpos);
  s->heads.push_back(-1);
  s->deprels.push_back("dep");
}

// Appends a name of `words` tagged PROPN and records it as a gold span of `type`.
void AddName(NerSentence* s, const std::vector<std::string>& words, const std::string& type) {
  uint32_t first = static_cast<uint32_t>(s->forms.size());
  for (const std::string& w : words) AddToken(s, w, "PROPN", "NNP");
  s->gold.push_back(NerSpan{first, static_cast<uint32_t>(s->forms.size() - 1), type});
}

NerSentence MakeSentence(const std::vector<std::string>& person, const std::string& verb,
                         const std::vector<std::string>& place,
                         const std::vector<std::string>& org) {
  NerSentence s;
  s.has_entity_annotation = true;
  AddName(&s, person, "person");
  AddToken(&s, verb, "VERB", "VBD");
  AddName(&s, org, "organization");
  AddToken(&s, "in", "ADP", "IN");
  AddName(&s, place, "place");
  AddToken(&s, ".", "PUNCT", ".");
  return s;
}

std::vector<NerSentence> SyntheticCorpus() {
  const std::vector<std::vector<std::string>> persons = {
      {"Alice", "Smith"}, {"Bob"}, {"Carol", "Jones"}, {"Dmitri", "Ivanov"}, {"Eve"}};
  const std::vector<std::vector<std::string>> places = {
      {"Paris"}, {"New", "York"}, {"Lagos"}, {"Kyiv"}, {"Buenos", "Aires"}};
  const std::vector<std::vector<std::string>> orgs = {
      {"Acme", "Corp"}, {"World", "Bank"}, {"Zenith", "Corp"}, {"Delta", "Bank"}};
  const std::vector<std::string> verbs = {"visited", "met", "joined", "left"};
  std::vector<NerSentence> out;
  for (size_t i = 0; i < 60; ++i) {
    out.push_back(MakeSentence(persons[i % persons.size()], verbs[i % verbs.size()],
                               places[(i / 2) % places.size()], orgs[(i / 3) % orgs.size()]));
  }
  return out;
}

EntityRecognizer TrainSynthetic() {
  NerTrainOptions options;
  options.epochs = 5;
  auto recognizer = EntityRecognizer::Train(SyntheticCorpus(), options);
  EXPECT_TRUE(recognizer.ok()) << recognizer.status().ToString();
  return std::move(recognizer).value();
}

std::vector<NerSpan> Tag(const EntityRecognizer& r, const NerSentence& s) {
  NerScratch scratch;
  std::vector<std::string_view> forms(s.forms.begin(), s.forms.end());
  std::vector<std::string_view> upos(s.upos.begin(), s.upos.end());
  std::vector<std::string_view> xpos(s.xpos.begin(), s.xpos.end());
  return r.RecognizeTokens(forms, upos, xpos, &scratch);
}

TEST(EntityRecognizer, LearnsSyntheticCorpus) {
  EntityRecognizer r = TrainSynthetic();
  EXPECT_EQ(r.types().size(), 3u);
  // A combination not in the training data.
  NerSentence s = MakeSentence({"Carol", "Jones"}, "met", {"Kyiv"}, {"Delta", "Bank"});
  EXPECT_EQ(Tag(r, s), s.gold);
}

TEST(EntityRecognizer, TrainingIsDeterministic) {
  std::string a, b;
  TrainSynthetic().Serialize(&a);
  TrainSynthetic().Serialize(&b);
  EXPECT_EQ(a, b);
}

TEST(EntityRecognizer, SerializeRoundTripKeepsPredictions) {
  EntityRecognizer r = TrainSynthetic();
  std::string blob;
  r.Serialize(&blob);
  auto restored = EntityRecognizer::Deserialize(blob);
  ASSERT_TRUE(restored.ok()) << restored.status().ToString();
  EXPECT_EQ(restored->types(), r.types());
  for (const NerSentence& s : SyntheticCorpus()) EXPECT_EQ(Tag(*restored, s), Tag(r, s));
  std::string again;
  restored->Serialize(&again);
  EXPECT_EQ(again, blob);
}

TEST(EntityRecognizer, CorruptBlobsAreRejected) {
  std::string blob;
  TrainSynthetic().Serialize(&blob);
  EXPECT_EQ(EntityRecognizer::Deserialize("").status().code(), Status::Code::kCorruption);
  EXPECT_FALSE(EntityRecognizer::Deserialize("SRNER").ok());
  EXPECT_FALSE(EntityRecognizer::Deserialize("XXXXX" + blob.substr(5)).ok());
  EXPECT_FALSE(EntityRecognizer::Deserialize(blob.substr(0, blob.size() - 1)).ok());
  EXPECT_FALSE(EntityRecognizer::Deserialize(blob + "x").ok());
  for (size_t pos : {size_t{5}, size_t{7}, size_t{12}, blob.size() / 2, blob.size() - 1}) {
    std::string bad = blob;
    bad[pos] = static_cast<char>(bad[pos] ^ 0x5a);
    EXPECT_FALSE(EntityRecognizer::Deserialize(bad).ok()) << "flipped byte " << pos;
  }
}

TEST(EntityRecognizer, RejectsUnannotatedTrainingData) {
  NerSentence s;
  AddToken(&s, "Hello", "INTJ", "UH");
  auto r = EntityRecognizer::Train({s}, NerTrainOptions());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
}

Token MakeToken(uint32_t start, uint32_t end, const std::string& upos, const std::string& xpos) {
  Token t;
  t.start = start;
  t.end = end;
  t.upos = upos;
  t.xpos = xpos;
  return t;
}

TEST(EntityRecognizer, RecognizeAppendsAbsoluteTokenIndices) {
  EntityRecognizer r = TrainSynthetic();
  NerSentence s = MakeSentence({"Bob"}, "visited", {"Paris"}, {"Acme", "Corp"});
  Document doc;
  // Sentence 0 is a one-token filler, so sentence 1 starts at token 1.
  doc.text = "Hi.";
  doc.tokens.push_back(MakeToken(0, 3, "INTJ", "UH"));
  doc.sentences.push_back(Sentence{{0, 3}, 0, 1, 0});
  uint32_t first = static_cast<uint32_t>(doc.tokens.size());
  for (size_t i = 0; i < s.forms.size(); ++i) {
    uint32_t start = static_cast<uint32_t>(doc.text.size() + 1);
    doc.text += " " + s.forms[i];
    doc.tokens.push_back(
        MakeToken(start, static_cast<uint32_t>(doc.text.size()), s.upos[i], s.xpos[i]));
  }
  doc.sentences.push_back(Sentence{{doc.tokens[first].start, doc.tokens.back().end},
                                   first,
                                   static_cast<uint32_t>(s.forms.size()),
                                   0});
  NerScratch scratch;
  r.Recognize(&doc, 1, &scratch);
  r.Recognize(&doc, 7, &scratch);  // out of range: nothing
  ASSERT_EQ(doc.entities.size(), s.gold.size());
  for (size_t i = 0; i < s.gold.size(); ++i) {
    EXPECT_EQ(doc.entities[i].sentence, 1u);
    EXPECT_EQ(doc.entities[i].first_token, first + s.gold[i].first);
    EXPECT_EQ(doc.entities[i].last_token, first + s.gold[i].last);
    EXPECT_EQ(doc.entities[i].type, s.gold[i].type);
  }
  Document again = doc.Clone();
  again.entities.clear();
  r.RecognizeDocument(&again, &scratch);  // also tags sentence 0
  std::vector<EntityMention> second;
  for (const EntityMention& m : again.entities) {
    if (m.sentence == 1) second.push_back(m);
  }
  ASSERT_EQ(second.size(), doc.entities.size());
  EXPECT_EQ(second[0].first_token, doc.entities[0].first_token);
}

TEST(EntityRecognizer, EmptySentenceYieldsNothing) {
  EntityRecognizer r = TrainSynthetic();
  NerScratch scratch;
  EXPECT_TRUE(r.RecognizeTokens({}, {}, {}, &scratch).empty());
  // Missing tags are tolerated.
  std::vector<std::string_view> forms = {"Bob", "visited", "Paris", "."};
  auto spans = r.RecognizeTokens(forms, {}, {}, &scratch);
  for (const NerSpan& s : spans) EXPECT_LE(s.last, 3u);
}

TEST(EntityRecognizer, EvaluatesGumDevWhenPresent) {
  std::string dir = std::string(SITREP_SOURCE_DIR) + "/../shared/data/ud/";
  if (!std::filesystem::exists(dir + "en_gum-ud-dev.conllu")) GTEST_SKIP() << "no shared data";
  auto report = EvaluateNerOnFile(TrainSynthetic(), dir + "en_gum-ud-dev.conllu", NerEvalOptions());
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_NE(report->find("\"named\""), std::string::npos);
  EXPECT_NE(report->find("\"all_mentions\""), std::string::npos);
  EXPECT_FALSE(
      EvaluateNerOnFile(TrainSynthetic(), dir + "en_ewt-ud-dev.conllu", NerEvalOptions()).ok());
}

}  // namespace
}  // namespace sitrep
