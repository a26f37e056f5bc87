// DependencyParser: a greedy, labelled arc-hybrid dependency parser (transition_system.h)
// scored by an averaged perceptron over hashed feature templates in the style of Zhang and
// Nivre (2011): words and tags of the stack and buffer, of the outermost dependents,
// distances, valencies and dependent label sets. Trained with the dynamic oracle and
// exploration (Goldberg and Nivre 2013), which lets it learn to recover from its own errors.
//
// The parser sees each word as two hashed atoms (ParserWord): the lower-cased form and the
// part-of-speech tag. The caller computes them (SyntaxModel uses the tagger's UPOS/XPOS).
// (A variant with separate move and label models, word-cluster features and a hashed move
// model was tried and parsed EWT less accurately; see git history of this file.)
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
  uint64_t word = 0;  // hash of the lower-cased form (HashBytes)
  uint64_t tag = 0;   // hash of the part-of-speech tag
};

// Atoms for a word: the form is lower-cased (ASCII) before hashing; `tag` is any string
// naming the tag (SyntaxModel passes "UPOS/XPOS").
ParserWord MakeParserWord(std::string_view form, std::string_view tag);
// The same from the tagger's atoms of the word (its `lower` is that hash) and the hash of
// the tag name.
inline ParserWord MakeParserWord(const WordAtoms& atoms, uint64_t tag_hash) {
  return ParserWord{atoms.lower, tag_hash};
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
  static DependencyParser Train(const std::vector<ParserExample>& examples,
                                const ParserOptions& options);

  // Parses one sentence: (*heads)[i] is the 0-based head of word i (-1 for the root) and
  // (*labels)[i] its label id (see label()). Always a single-rooted projective tree.
  void Parse(const std::vector<ParserWord>& words, ParserScratch* scratch,
             std::vector<int32_t>* heads, std::vector<uint16_t>* labels) const;

  size_t num_labels() const { return labels_.size(); }
  const std::string& label(uint16_t id) const { return labels_[id]; }
  size_t MemoryBytes() const { return model_.MemoryBytes(); }
  size_t num_weights() const { return model_.num_weights(); }
  size_t num_features() const { return model_.num_rows(); }
  // Drops weights below `min_abs` (see LinearModel::Pruned).
  void Prune(int min_abs) { model_ = model_.Pruned(min_abs); }

  void Serialize(std::string* out) const;
  static Result<DependencyParser> Deserialize(std::string_view data);

  // Exposed for tests: the class index of a move and its decoding.
  int ClassOf(Move move, int label) const;
  static void Features(const std::vector<ParserWord>& words, const ParserState& state,
                       std::vector<uint32_t>* keys);

 private:
  friend class ParserTraining;
  bool Allowed(const ParserState& state, int cls) const;
  Move MoveOf(int cls) const;
  int LabelOf(int cls) const;
  int BestAllowed(const ParserState& state, const int32_t* scores) const;

  std::vector<std::string> labels_;
  int root_label_ = 0;
  LinearModel model_;
};

}  // namespace sitrep
