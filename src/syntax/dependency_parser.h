// DependencyParser: a greedy, labelled arc-hybrid dependency parser (transition_system.h)
// trained with the dynamic oracle and exploration (Goldberg and Nivre 2013), which lets it
// learn to recover from its own errors.
//
// Each step makes two decisions with two averaged-perceptron models over hashed features:
//   the move   SHIFT, LEFT or RIGHT, from templates in the style of Zhang and Nivre (2011):
//              words, tags and word clusters of the stack and buffer, of the outermost
//              dependents, distances, valencies and dependent label sets;
//   the label  only when the move builds an arc, from the arc itself: the dependent (whose
//              subtree is complete when arc-hybrid attaches it: its outer dependents, their
//              words and labels), the head and the labels it has so far, direction and
//              distance. The final attachment to the root is always labelled "root".
// Three move classes keep the move model's weights inline in its hash table (one memory
// access per feature), and label features are computed for arcs only (n per sentence
// instead of 2n steps times every label).
//
// The parser sees each word as hashed atoms (ParserWord) that the caller computes
// (SyntaxModel: the tagger's lower-cased form hash, its UPOS/XPOS and the word's cluster).
//
// Thread safety: a trained DependencyParser is immutable; Parse() may run on many threads
// at once, each with its own ParserScratch.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "syntax/linear_model.h"
#include "syntax/transition_system.h"
#include "syntax/word_features.h"

namespace sitrep {

struct ParserWord {
  uint64_t word = 0;     // hash of the lower-cased form (HashBytes)
  uint64_t tag = 0;      // hash of the part-of-speech tag
  uint64_t cluster = 0;  // word cluster atom (WordClusters::Atom), 0 when unknown
  uint64_t coarse_cluster = 0;  // a short prefix of the same cluster path, 0 when unknown
};

// Atoms for a word without clusters: the form is lower-cased (ASCII) before hashing; `tag`
// is any string naming the tag (SyntaxModel passes "UPOS/XPOS").
ParserWord MakeParserWord(std::string_view form, std::string_view tag);
// Atoms from the tagger's word atoms (clusters included) and the hash of the tag name.
inline ParserWord MakeParserWord(const WordAtoms& atoms, uint64_t tag_hash) {
  return ParserWord{atoms.lower, tag_hash, atoms.cluster[2], atoms.cluster[1]};
}

// One training sentence: words, gold heads (0-based, -1 root) and labels.
struct ParserExample {
  std::vector<ParserWord> words;
  std::vector<int32_t> heads;
  std::vector<std::string> labels;
};

struct ParserOptions {
  int epochs = 12;
  uint64_t seed = 20240102;   // shuffling and exploration; fixed for reproducible models
  int explore_from_epoch = 1;  // 0-based epoch from which the parser follows its own moves
  double explore_probability = 0.9;
  bool cluster_features = true;  // use ParserWord::cluster/coarse_cluster templates
  bool projectivize = true;      // lift non-projective training trees (the oracle needs it)
  // The move model is a direct "hash kernel" of 2^move_bits buckets (linear_model.h); 0
  // keeps exact keys. Fixed memory (8 bytes a bucket) and one memory access per feature.
  int move_bits = 21;
  // When set, the model after each epoch is scored on these sentences and the best epoch
  // (by LAS, universal relations) is kept: model selection on development data. Not owned.
  const std::vector<ParserExample>* dev = nullptr;
  bool verbose = false;       // progress lines on stderr
};

// Per-worker buffers for Parse(); reuse one per thread.
struct ParserScratch {
  ParserState state;
  std::vector<uint32_t> keys;
  std::vector<int32_t> scores;
};

class DependencyParser {
 public:
  DependencyParser() = default;
  DependencyParser(DependencyParser&&) = default;
  DependencyParser& operator=(DependencyParser&&) = default;

  // Trains on `examples`. Sentences whose heads are missing ("_") are skipped.
  // Deterministic for fixed options and inputs.
  static DependencyParser Train(const std::vector<ParserExample>& examples,
                                const ParserOptions& options);

  // Parses one sentence: (*heads)[i] is the 0-based head of word i (-1 for the root) and
  // (*labels)[i] its label id (see label()). Always a single-rooted projective tree.
  void Parse(const std::vector<ParserWord>& words, ParserScratch* scratch,
             std::vector<int32_t>* heads, std::vector<uint16_t>* labels) const;

  size_t num_labels() const { return labels_.size(); }
  const std::string& label(uint16_t id) const { return labels_[id]; }
  // The id of a label name, or -1.
  int FindLabel(std::string_view name) const;
  size_t MemoryBytes() const { return move_model_.MemoryBytes() + label_model_.MemoryBytes(); }
  size_t num_weights() const { return move_model_.num_weights() + label_model_.num_weights(); }
  size_t num_features() const { return move_model_.num_rows() + label_model_.num_rows(); }
  // Drops weights below `min_abs` (see LinearModel::Pruned).
  void Prune(int min_abs) {
    move_model_ = move_model_.Pruned(min_abs);
    label_model_ = label_model_.Pruned(min_abs);
  }

  void Serialize(std::string* out) const;
  // Errors: Corruption for truncated or inconsistent bytes.
  static Result<DependencyParser> Deserialize(std::string_view data);

  // Exposed for tests: the feature keys of the move decision and of labelling the arc
  // head -> dep (word indices; head may be n, the root).
  void MoveFeatures(const std::vector<ParserWord>& words, const ParserState& state,
                    std::vector<uint32_t>* keys) const;
  void LabelFeatures(const std::vector<ParserWord>& words, const ParserState& state, int dep,
                     int head, std::vector<uint32_t>* keys) const;

 private:
  friend class ParserTraining;
  // The one move the state allows, or kUnforced when it allows several.
  static constexpr Move kUnforced = static_cast<Move>(255);
  static Move ForcedMove(const ParserState& state);
  // The highest-scoring move that the state allows.
  static Move BestMove(const ParserState& state, const int32_t* scores);
  // The highest-scoring label other than root.
  int BestLabel(const int32_t* scores) const;

  std::vector<std::string> labels_;
  int root_label_ = 0;
  bool cluster_features_ = true;
  LinearModel move_model_;   // 3 classes: Move values
  LinearModel label_model_;  // one class per label
};

}  // namespace sitrep
