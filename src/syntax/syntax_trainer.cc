#include "syntax/syntax_trainer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "base/json_writer.h"
#include "syntax/conllu.h"
#include "syntax/feature_hash.h"
#include "syntax/lemmatizer.h"
#include "syntax/model_file.h"
#include "syntax/text_corpus.h"

namespace sitrep {

namespace {

double Since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Parser examples from gold trees with the tags given per word (UPOS/XPOS strings); the
// tagger supplies the other word atoms (clusters).
ParserExample MakeExample(const ConllSentence& s, const std::vector<std::string>& tags,
                          const Tagger& tagger) {
  ParserExample ex;
  std::vector<std::string_view> forms;
  for (const ConllWord& w : s.words) forms.push_back(w.form);
  std::string lower;
  std::vector<WordAtoms> atoms;
  tagger.ComputeAtoms(forms, &lower, &atoms);
  for (size_t i = 0; i < s.words.size(); ++i) {
    ex.words.push_back(MakeParserWord(atoms[i], HashBytes(tags[i])));
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
                                                    const TaggerOptions& tagger_options,
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
    TaggerOptions fold_options = tagger_options;
    fold_options.verbose = false;
    Tagger tagger = Tagger::Train(rest, fold_options);
    for (size_t i = fold; i < all.size(); i += k) tags[i] = PredictedTags(tagger, all[i], &scratch);
    if (options.verbose) std::fprintf(stderr, "jackknife fold %d/%d tagged\n", fold + 1, k);
  }
  return tags;
}

// Predicted training tags read from a CoNLL-U file with the same sentences as `all`.
Result<std::vector<std::vector<std::string>>> ReadParserInput(const std::string& path,
                                                              const std::vector<ConllSentence>& all) {
  SITREP_ASSIGN_OR_RETURN(auto tagged, ReadConllU(path));
  if (tagged.size() != all.size()) {
    return Status::InvalidArgument(path + ": not the training sentences (sentence count differs)");
  }
  std::vector<std::vector<std::string>> tags(all.size());
  for (size_t i = 0; i < all.size(); ++i) {
    if (tagged[i].words.size() != all[i].words.size()) {
      return Status::InvalidArgument(path + ": sentence " + std::to_string(i + 1) +
                                     " differs from the training data");
    }
    for (const ConllWord& w : tagged[i].words) tags[i].push_back(w.upos + "/" + w.xpos);
  }
  return tags;
}

Status WriteParserInput(const std::string& path, std::vector<ConllSentence> all,
                        const std::vector<std::vector<std::string>>& tags) {
  std::string text;
  for (size_t i = 0; i < all.size(); ++i) {
    for (size_t w = 0; w < all[i].words.size(); ++w) {
      const std::string& tag = tags[i][w];
      size_t slash = tag.find('/');
      all[i].words[w].upos = tag.substr(0, slash);
      all[i].words[w].xpos = tag.substr(slash + 1);
    }
    WriteConllSentence(all[i], &text);
  }
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return Status::IOError(path + ": cannot write");
  bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  ok &= std::fclose(f) == 0;
  return ok ? Status::OK() : Status::IOError(path + ": write failed");
}

// Sentences of tokens for clustering: the raw text files, segmented, then the treebank's.
Result<std::vector<std::vector<std::string>>> ClusterSentences(
    const std::vector<std::string>& text_paths, const std::vector<ConllSentence>& treebank) {
  std::vector<std::vector<std::string>> out;
  SITREP_ASSIGN_OR_RETURN(std::vector<Document> docs, ReadTextDocuments(text_paths));
  for (const Document& doc : docs) {
    for (const Sentence& s : doc.sentences) {
      std::vector<std::string> tokens;
      for (uint32_t t = 0; t < s.token_count; ++t) {
        tokens.emplace_back(doc.Slice(doc.tokens[s.first_token + t]));
      }
      out.push_back(std::move(tokens));
    }
  }
  for (const ConllSentence& s : treebank) {
    std::vector<std::string> tokens;
    for (const ConllWord& w : s.words) tokens.push_back(w.form);
    out.push_back(std::move(tokens));
  }
  return out;
}

Result<Tagger> LoadTagger(const std::string& model_path) {
  SITREP_ASSIGN_OR_RETURN(ModelFile file, ModelFile::Read(model_path));
  SITREP_ASSIGN_OR_RETURN(std::string_view bytes, file.Section("tagger"));
  return Tagger::Deserialize(bytes);
}

// The clusters the options ask for: reused from a model, learnt, or none.
Result<WordClusters> MakeClusters(const SyntaxTrainOptions& options,
                                  const std::vector<ConllSentence>& treebank) {
  WordClusters clusters;
  if (!options.clusters_from.empty()) {
    SITREP_ASSIGN_OR_RETURN(Tagger tagger, LoadTagger(options.clusters_from));
    clusters = tagger.clusters();
  } else if (!options.cluster_text.empty() || options.cluster_treebank) {
    SITREP_ASSIGN_OR_RETURN(auto sentences, ClusterSentences(options.cluster_text, treebank));
    BrownClusteringOptions cluster_options = options.clusters;
    cluster_options.verbose = options.verbose;
    std::string dump;
    clusters = WordClusters::Train(sentences, cluster_options,
                                   options.clusters_dump.empty() ? nullptr : &dump);
    if (!options.clusters_dump.empty()) {
      FILE* f = std::fopen(options.clusters_dump.c_str(), "wb");
      if (!f) return Status::IOError(options.clusters_dump + ": cannot write");
      std::fwrite(dump.data(), 1, dump.size(), f);
      std::fclose(f);
    }
  }
  return clusters;
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
      .Field("cluster_seconds", cluster_seconds)
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
  SITREP_ASSIGN_OR_RETURN(WordClusters clusters, MakeClusters(options, all));
  report->cluster_seconds = Since(t);
  TaggerOptions tagger_options = options.tagger;
  tagger_options.clusters = &clusters;
  std::vector<ConllSentence> dev_sentences;
  if (!options.dev_file.empty()) {
    SITREP_ASSIGN_OR_RETURN(dev_sentences, ReadConllU(options.dev_file));
  }

  t = std::chrono::steady_clock::now();
  Tagger tagger;
  if (options.tagger_from.empty()) {
    TaggerOptions final_options = tagger_options;
    if (!dev_sentences.empty()) final_options.dev = &dev_sentences;
    tagger = Tagger::Train(all, final_options);
  } else {
    SITREP_ASSIGN_OR_RETURN(tagger, LoadTagger(options.tagger_from));
  }
  report->tagger_seconds = Since(t);

  t = std::chrono::steady_clock::now();
  std::vector<std::vector<std::string>> tags;
  if (options.parser_input.empty()) {
    tags = JackknifeTags(all, options, tagger_options, tagger);
  } else {
    SITREP_ASSIGN_OR_RETURN(tags, ReadParserInput(options.parser_input, all));
  }
  if (!options.write_parser_input.empty()) {
    SITREP_RETURN_IF_ERROR(WriteParserInput(options.write_parser_input, all, tags));
  }
  report->jackknife_seconds = Since(t);

  t = std::chrono::steady_clock::now();
  std::vector<ParserExample> examples;
  examples.reserve(all.size());
  for (size_t i = 0; i < all.size(); ++i) examples.push_back(MakeExample(all[i], tags[i], tagger));
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
  info += "\nword clusters: " + std::to_string(tagger.clusters().size()) + " words" +
          (tagger.clusters().empty() ? "" : ", " + std::to_string(options.clusters.num_clusters) + " classes" +
                                                  (options.cluster_text.empty() ? " (treebank words)" : ""));
  info += "\njackknife folds: " + std::to_string(options.jackknife_folds) +
          "\ntagger epochs: " + std::to_string(options.tagger.epochs) +
          (options.dev_file.empty() ? "" : " (best on " + options.dev_file.substr(options.dev_file.find_last_of('/') + 1) + " kept)") +
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
