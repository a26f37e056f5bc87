#include "syntax/syntax_trainer.h"

#include <chrono>
#include <cstdio>

#include "base/json_writer.h"
#include "syntax/conllu.h"
#include "syntax/lemmatizer.h"

namespace sitrep {

namespace {

double Since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Parser examples from gold trees with the tags given per word (UPOS/XPOS strings).
ParserExample MakeExample(const ConllSentence& s, const std::vector<std::string>& tags) {
  ParserExample ex;
  for (size_t i = 0; i < s.words.size(); ++i) {
    ex.words.push_back(MakeParserWord(s.words[i].form, tags[i]));
    ex.heads.push_back(s.words[i].head == kConllNoHead ? -2 : s.words[i].head);
    ex.labels.push_back(s.words[i].deprel);
  }
  return ex;
}

std::vector<std::string> PredictedTags(const Tagger& tagger, const ConllSentence& s,
                                       TaggerScratch* scratch) {
  std::vector<std::string_view> forms;
  for (const ConllWord& w : s.words) forms.push_back(w.form);
  std::vector<uint16_t> ids;
  tagger.Tag(forms, scratch, &ids);
  std::vector<std::string> tags;
  for (uint16_t t : ids) tags.push_back(tagger.upos(t) + "/" + tagger.xpos(t));
  return tags;
}

// Tags each fold with a tagger trained on the other folds.
std::vector<std::vector<std::string>> JackknifeTags(const std::vector<ConllSentence>& all,
                                                    const SyntaxTrainOptions& options,
                                                    const Tagger& final_tagger) {
  std::vector<std::vector<std::string>> tags(all.size());
  TaggerScratch scratch;
  const int k = options.jackknife_folds;
  if (k < 2) {
    for (size_t i = 0; i < all.size(); ++i) tags[i] = PredictedTags(final_tagger, all[i], &scratch);
    return tags;
  }
  for (int fold = 0; fold < k; ++fold) {
    std::vector<ConllSentence> rest;
    for (size_t i = 0; i < all.size(); ++i) {
      if (static_cast<int>(i % k) != fold) rest.push_back(all[i]);
    }
    TaggerOptions fold_options = options.tagger;
    fold_options.verbose = false;
    Tagger tagger = Tagger::Train(rest, fold_options);
    for (size_t i = fold; i < all.size(); i += k) tags[i] = PredictedTags(tagger, all[i], &scratch);
    if (options.verbose) std::fprintf(stderr, "jackknife fold %d/%d tagged\n", fold + 1, k);
  }
  return tags;
}

Result<std::unique_ptr<EntityRecognizer>> TrainEntities(const SyntaxTrainOptions& options) {
  std::vector<NerSentence> sentences;
  for (const std::string& path : options.train_files) {
    SITREP_ASSIGN_OR_RETURN(auto file, ReadNerSentences(path));
    for (NerSentence& s : file) {
      if (s.has_entity_annotation) sentences.push_back(std::move(s));
    }
  }
  if (sentences.empty()) return std::unique_ptr<EntityRecognizer>();
  std::string log;
  NerTrainOptions ner_options = options.entities;
  if (options.verbose) ner_options.log = &log;
  SITREP_ASSIGN_OR_RETURN(EntityRecognizer recognizer, EntityRecognizer::Train(sentences, ner_options));
  if (options.verbose) std::fputs(log.c_str(), stderr);
  return std::make_unique<EntityRecognizer>(std::move(recognizer));
}

}  // namespace

std::string SyntaxTrainReport::ToJson() const {
  std::string out;
  JsonWriter json(&out);
  json.BeginObject()
      .Field("sentences", static_cast<int64_t>(sentences))
      .Field("words", static_cast<int64_t>(words))
      .Field("read_seconds", read_seconds)
      .Field("tagger_seconds", tagger_seconds)
      .Field("jackknife_seconds", jackknife_seconds)
      .Field("parser_seconds", parser_seconds)
      .Field("entity_seconds", entity_seconds)
      .Field("total_seconds", total_seconds)
      .EndObject();
  return out;
}

Result<std::unique_ptr<SyntaxModel>> TrainSyntaxModel(const SyntaxTrainOptions& options,
                                                      SyntaxTrainReport* report) {
  auto start = std::chrono::steady_clock::now();
  std::vector<ConllSentence> all;
  for (const std::string& path : options.train_files) {
    SITREP_ASSIGN_OR_RETURN(auto sentences, ReadConllU(path));
    for (ConllSentence& s : sentences) all.push_back(std::move(s));
  }
  if (all.empty()) return Status::InvalidArgument("no training sentences in the given files");
  report->sentences = all.size();
  for (const ConllSentence& s : all) report->words += s.words.size();
  report->read_seconds = Since(start);

  Lemmatizer lemmatizer = Lemmatizer::Train(all);

  auto t = std::chrono::steady_clock::now();
  Tagger tagger = Tagger::Train(all, options.tagger);
  report->tagger_seconds = Since(t);

  t = std::chrono::steady_clock::now();
  std::vector<std::vector<std::string>> tags = JackknifeTags(all, options, tagger);
  report->jackknife_seconds = Since(t);

  t = std::chrono::steady_clock::now();
  std::vector<ParserExample> examples;
  examples.reserve(all.size());
  for (size_t i = 0; i < all.size(); ++i) examples.push_back(MakeExample(all[i], tags[i]));
  DependencyParser parser = DependencyParser::Train(examples, options.parser);
  report->parser_seconds = Since(t);

  std::unique_ptr<EntityRecognizer> ner;
  if (options.train_entities) {
    t = std::chrono::steady_clock::now();
    SITREP_ASSIGN_OR_RETURN(ner, TrainEntities(options));
    report->entity_seconds = Since(t);
  }
  report->total_seconds = Since(start);

  std::string info = "sitrep syntax model\ntraining files:";
  for (const std::string& path : options.train_files) {
    info += " " + path.substr(path.find_last_of('/') + 1);
  }
  info += "\njackknife folds: " + std::to_string(options.jackknife_folds) +
          "\ntagger epochs: " + std::to_string(options.tagger.epochs) +
          "\nparser epochs: " + std::to_string(options.parser.epochs) + "\n";
  return std::make_unique<SyntaxModel>(std::move(tagger), std::move(lemmatizer), std::move(parser),
                                       std::move(ner), std::move(info));
}

Result<std::unique_ptr<SyntaxModel>> RetrainEntities(std::unique_ptr<SyntaxModel> base,
                                                     const SyntaxTrainOptions& options,
                                                     SyntaxTrainReport* report) {
  auto start = std::chrono::steady_clock::now();
  std::vector<ConllSentence> all;
  for (const std::string& path : options.train_files) {
    SITREP_ASSIGN_OR_RETURN(auto sentences, ReadConllU(path));
    for (ConllSentence& s : sentences) all.push_back(std::move(s));
  }
  if (all.empty()) return Status::InvalidArgument("no training sentences in the given files");
  report->sentences = all.size();
  Lemmatizer lemmatizer = Lemmatizer::Train(all);
  std::unique_ptr<EntityRecognizer> ner;
  if (options.train_entities) {
    auto t = std::chrono::steady_clock::now();
    SITREP_ASSIGN_OR_RETURN(ner, TrainEntities(options));
    if (!ner) return Status::InvalidArgument("no training file has Entity= annotation");
    report->entity_seconds = Since(t);
  }
  report->total_seconds = Since(start);
  auto model = base->WithParts(std::move(lemmatizer), std::move(ner));
  std::string note = "lemmatiser and entities retrained from:";
  for (const std::string& path : options.train_files) {
    note += " " + path.substr(path.find_last_of('/') + 1);
  }
  model->AppendInfo(note + "\n");
  return model;
}

}  // namespace sitrep
