// Tagger: a greedy left-to-right part-of-speech tagger (averaged perceptron, hashed
// features) that predicts UPOS and XPOS together as one combined tag ("PROPN/NNP").
//
// Features: the word, its lower-cased form, prefixes, suffixes and shape, the words and
// suffixes two positions either side, the two previous predicted tags and, when the tagger
// has word clusters (word_clusters.h), the clusters of the word and its neighbours.
// Frequent words that carried a single tag in training (a "tag dictionary") are tagged
// without scoring.
//
// Thread safety: a trained Tagger is immutable; Tag() may run on many threads at once,
// each with its own TaggerScratch.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "syntax/conllu.h"
#include "syntax/linear_model.h"
#include "syntax/word_clusters.h"
#include "syntax/word_features.h"

namespace sitrep {

struct TaggerOptions {
  int epochs = 8;
  uint64_t seed = 20240101;  // sentence shuffling; fixed for reproducible models
  // Tag dictionary: words seen at least this often with one tag in at least this share.
  int dictionary_min_count = 20;
  double dictionary_min_share = 0.995;
  bool verbose = false;  // progress lines on stderr
  // Word clusters to use as features (copied into the tagger); null or empty: none.
  const WordClusters* clusters = nullptr;
  // When set, the tagger after each epoch is scored on these sentences (UPOS+XPOS) and the
  // best epoch is kept: model selection on development data. Not owned.
  const std::vector<ConllSentence>* dev = nullptr;
};

// Per-worker buffers for Tag(); reuse one per thread.
struct TaggerScratch {
  std::vector<WordAtoms> atoms;
  std::vector<uint32_t> keys;
  std::vector<int32_t> scores;
  std::string lower;
};

class Tagger {
 public:
  Tagger() = default;
  Tagger(Tagger&&) = default;
  Tagger& operator=(Tagger&&) = default;

  // Trains on the UPOS/XPOS columns of `sentences` (words with "_" tags are skipped as
  // context-only). Deterministic for fixed options.
  static Tagger Train(const std::vector<ConllSentence>& sentences, const TaggerOptions& options);

  // Tags one sentence: (*tags)[i] is the combined tag id of forms[i]. Afterwards
  // scratch->atoms[i] holds the atoms of forms[i], clusters included.
  void Tag(const std::vector<std::string_view>& forms, TaggerScratch* scratch,
           std::vector<uint16_t>* tags) const;

  // The atoms of every form (as Tag computes them) into *atoms.
  void ComputeAtoms(const std::vector<std::string_view>& forms, std::string* lower,
                    std::vector<WordAtoms>* atoms) const;
  const WordClusters& clusters() const { return clusters_; }

  size_t num_tags() const { return upos_.size(); }
  const std::string& upos(uint16_t tag) const { return upos_[tag]; }
  const std::string& xpos(uint16_t tag) const { return xpos_[tag]; }
  // The tag id for a UPOS/XPOS pair, or -1 when the pair was never seen in training.
  int FindTag(std::string_view upos, std::string_view xpos) const;
  size_t MemoryBytes() const { return model_.MemoryBytes(); }
  // Drops weights below `min_abs` (see LinearModel::Pruned).
  void Prune(int min_abs) { model_ = model_.Pruned(min_abs); }

  void Serialize(std::string* out) const;
  static Result<Tagger> Deserialize(std::string_view data);

 private:
  friend class TaggerTraining;
  // Fills keys with the features of word i given the previous two tags (-1 = none).
  void Features(const std::vector<WordAtoms>& atoms, size_t i, int prev1, int prev2,
                std::vector<uint32_t>* keys) const;
  int DictionaryTag(uint64_t exact) const;

  std::vector<std::string> upos_, xpos_;
  std::unordered_map<uint64_t, uint16_t> dictionary_;  // exact-form hash -> tag
  WordClusters clusters_;
  LinearModel model_;
};

}  // namespace sitrep
