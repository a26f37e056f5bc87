// Training a SyntaxModel from CoNLL-U treebanks: the whole recipe behind
// `sitrep train-parser`.
//
//   1. Read every training file (sentences concatenated in the order given).
//      Word clusters (optional): Brown clustering (word_clusters.h) of the raw text files
//      given as cluster_text, segmented by the foundation segmenter, plus the training
//      sentences' words; used by the tagger and the parser as features.
//   2. Lemmatiser: learnt from all sentences (lemmatizer.h).
//   3. Tagger: trained on all sentences (tagger.h).
//   4. Parser input tags are *predicted*, as at run time: the sentences are split into
//      `jackknife_folds` folds (sentence i goes to fold i mod k); each fold is tagged by a
//      tagger trained on the other folds. With jackknife_folds < 2 the final tagger tags the
//      training data itself (faster, slightly worse parser).
//   5. Parser: trained on the predicted tags and the gold trees (dependency_parser.h).
//   6. Entity recogniser (optional): EntityRecognizer::Train on the sentences of the files
//      that carry GUM Entity= annotation.
// Everything is deterministic: fixed seeds, fixed orders.
//
// Thread safety: a free function; it uses one thread.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "syntax/dependency_parser.h"
#include "syntax/entity_recognizer.h"
#include "syntax/syntax_model.h"
#include "syntax/tagger.h"
#include "syntax/word_clusters.h"

namespace sitrep {

struct SyntaxTrainOptions {
  std::vector<std::string> train_files;  // CoNLL-U, plain or gzip
  int jackknife_folds = 4;
  // Development CoNLL-U for the tagger's epoch selection (the epoch that tags it best,
  // UPOS+XPOS, is kept). Empty: keep the last epoch.
  std::string dev_file;
  // Experiments: take the tagger from this model file instead of training one.
  std::string tagger_from;
  // Experiments: read the parser's input tags from this CoNLL-U file (the training
  // sentences in the same order, e.g. written by write_parser_input) instead of
  // jackknifing; and write the jackknifed training tags there.
  std::string parser_input;
  std::string write_parser_input;
  // Raw UTF-8 text for word clusters: files, or directories searched recursively for
  // *.txt (in sorted order). Empty: no clusters (unless clusters_from is set).
  std::vector<std::string> cluster_text;
  // Cluster the training sentences' words too when no cluster_text is given (the committed
  // model's clusters come from the treebanks alone, so no other text is needed).
  bool cluster_treebank = false;
  BrownClusteringOptions clusters;
  // Reuse the clusters of this model's tagger instead of clustering again.
  std::string clusters_from;
  // Write the clusters as "path<TAB>word<TAB>count" lines here, for inspection.
  std::string clusters_dump;
  TaggerOptions tagger;
  ParserOptions parser;
  bool train_entities = true;
  NerTrainOptions entities;
  bool verbose = false;  // progress on stderr
};

// Timings and sizes of a training run, for the report.
struct SyntaxTrainReport {
  size_t sentences = 0;
  size_t words = 0;
  double read_seconds = 0;
  double cluster_seconds = 0;
  double tagger_seconds = 0;     // final tagger
  double jackknife_seconds = 0;  // fold taggers and tagging
  double parser_seconds = 0;
  double entity_seconds = 0;
  double total_seconds = 0;
  std::string ToJson() const;
};

// Errors: from reading the files; InvalidArgument when they hold no sentence.
Result<std::unique_ptr<SyntaxModel>> TrainSyntaxModel(const SyntaxTrainOptions& options,
                                                      SyntaxTrainReport* report);

// Keeps the tagger and parser of `base` and retrains only the cheap parts from
// options.train_files: the lemmatiser and (unless options.train_entities is false) the
// entity recogniser. `base` is consumed.
Result<std::unique_ptr<SyntaxModel>> RetrainEntities(std::unique_ptr<SyntaxModel> base,
                                                     const SyntaxTrainOptions& options,
                                                     SyntaxTrainReport* report);

}  // namespace sitrep
