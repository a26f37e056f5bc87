// WordClusters: hierarchical word classes learnt from raw text by Brown clustering (Brown et
// al. 1992), in the windowed form of Liang (2005): words enter in order of frequency, at
// most `num_clusters` + 1 classes are active, and each step merges the pair of classes whose
// merge loses the least average mutual information between adjacent classes. The final
// classes are then merged down to one, which gives each word a bit path; prefixes of the
// path are classes of every granularity ("0110" ~ a part of speech, the full path ~ a
// small set of distributionally similar words).
//
// Words are lower-cased ASCII forms and are stored only as 64-bit hashes (HashBytes of the
// lower-cased form), so a model holds no text. Unknown and rare words have no cluster.
//
// Cost of training: O(V * C^2) for V words and C classes (minutes for V = 30k, C = 256).
// Deterministic: fixed orders, ties broken by index.
// Thread safety: a WordClusters is immutable after Train/Deserialize.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace sitrep {

struct BrownClusteringOptions {
  int num_clusters = 256;  // active classes (C)
  int min_count = 3;       // words seen fewer times get no cluster
  bool verbose = false;    // progress on stderr
};

class WordClusters {
 public:
  // Cluster path prefixes (in bits) that WordAtoms carries; the last is the whole path.
  static constexpr int kPrefixBits[3] = {4, 6, 32};

  WordClusters() = default;

  // Learns clusters from sentences of tokens (any case; lower-cased here). Bigrams do not
  // cross sentence boundaries. With `dump` not null, appends "path\tword\tcount" lines
  // (most frequent words first) for inspection.
  static WordClusters Train(const std::vector<std::vector<std::string>>& sentences,
                            const BrownClusteringOptions& options, std::string* dump = nullptr);

  bool empty() const { return words_.empty(); }
  size_t size() const { return words_.size(); }

  // The path of the word whose lower-cased form hashes to `lower_hash`: its bits (first
  // decision in the highest bit) and length; false for an unknown word.
  bool Find(uint64_t lower_hash, uint32_t* path, int* length) const;
  // A non-zero atom naming the first `bits` bits of the word's path (the whole path when it
  // is shorter), or 0 for an unknown word.
  uint64_t Atom(uint64_t lower_hash, int bits) const;

  void Serialize(std::string* out) const;
  // Errors: Corruption for truncated or unsorted data.
  static Result<WordClusters> Deserialize(std::string_view data);

 private:
  struct Word {
    uint64_t hash;
    uint32_t path;
    uint8_t length;
  };
  std::vector<Word> words_;  // sorted by hash
};

}  // namespace sitrep
