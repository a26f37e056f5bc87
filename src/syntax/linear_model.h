// LinearModel: a compact, immutable multi-class linear scorer over hashed sparse features.
//
// Each feature key (see feature_hash.h) owns a sparse row of (class, weight) pairs; the
// score of a class is the sum of its weights over the active features. Weights are stored
// quantised to int16 with one scale per model, so scores are exact integers and the model
// is small; argmax decisions need no scale. Unknown keys contribute nothing.
//
// Layout, with at most kInlineClasses classes: an open-addressing table at load factor
// <= 0.5 (linear probing) whose slots hold the weights themselves, so a lookup touches one
// cache line.
//
// Layout with more classes (the tagger and the parser): rows are grouped into buckets of
// about kRowsPerBucket rows by a hash of the key. A small offset array (4 bytes per bucket,
// about 1 MB for the parser, so it mostly stays in cache) gives where each bucket starts in
// one packed word array, and the bucket holds its keys, then one descriptor per row, then
// the sparse rows' entries. A lookup therefore reads the offset and then one or two
// adjacent cache lines, instead of a slot and then a separate row (two misses in main
// memory), and the table is about 40% smaller. Rows that fill more than a quarter of the
// classes are few and hot; they live apart in a dense int16 array and are added with SIMD.
//
// Direct mode (BuildDirect, for models with at most kInlineClasses classes): a "hash
// kernel". Keys are reduced to 2^bits buckets by DirectBucket() and the bucket array holds
// the weights with no keys, so a lookup is one memory access with no probing; features that
// share a bucket share weights. Trainers must use the reduced keys.
//
// Built by PerceptronTrainer::Finish (perceptron.h) or by Deserialize.
// Thread safety: immutable after construction; Score may be called from any thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "syntax/huge_page_allocator.h"

namespace sitrep {

class LinearModel {
 public:
  // Models with this many classes or fewer keep their weights inline in the table.
  static constexpr uint32_t kInlineClasses = 6;

  struct Entry {
    uint16_t label;
    int16_t weight;
  };
  // One row given to Build: key and its non-zero entries.
  struct Row {
    uint32_t key;
    std::vector<Entry> entries;
  };

  LinearModel() = default;
  LinearModel(LinearModel&&) = default;
  LinearModel& operator=(LinearModel&&) = default;
  LinearModel(const LinearModel&) = delete;
  LinearModel& operator=(const LinearModel&) = delete;

  // Builds a model from rows with distinct keys. `scale` converts weights back to floats.
  static LinearModel Build(uint32_t num_classes, float scale, std::vector<Row> rows);
  // The same from flat arrays: row r has key keys[r] and entries[begin[r], begin[r + 1]).
  static LinearModel BuildFlat(uint32_t num_classes, float scale, const std::vector<uint32_t>& keys,
                               const std::vector<uint32_t>& begin, const std::vector<Entry>& entries);

  // The bucket of `key` in a direct model of 2^bits buckets (1 <= bits <= 30).
  static uint32_t DirectBucket(uint32_t key, int bits) { return key >> (32 - bits); }
  // A direct model: row keys must be buckets (< 2^bits); num_classes <= kInlineClasses.
  static LinearModel BuildDirect(uint32_t num_classes, float scale, int bits,
                                 std::vector<Row> rows);
  static LinearModel BuildDirectFlat(uint32_t num_classes, float scale, int bits,
                                     const std::vector<uint32_t>& keys,
                                     const std::vector<uint32_t>& begin,
                                     const std::vector<Entry>& entries);
  // This model's rows in a direct model of 2^bits buckets (keys must already be buckets).
  LinearModel ToDirect(int bits) const;
  int direct_bits() const { return direct_bits_; }

  // Adds the rows of the `n` features in `keys` to scores[0..num_classes()). The caller
  // zeroes *scores first (so a base score can be accumulated over several calls).
  void Score(const uint32_t* keys, size_t n, int32_t* scores) const;

  // A copy without the weights whose magnitude is below `min_abs` (int16 units); rows left
  // empty disappear. Used to trade a little accuracy for size and speed.
  LinearModel Pruned(int min_abs) const;

  uint32_t num_classes() const { return num_classes_; }
  size_t num_rows() const { return num_rows_; }
  size_t num_weights() const { return num_weights_; }
  float scale() const { return scale_; }
  // Approximate heap bytes in use.
  size_t MemoryBytes() const;

  void Serialize(std::string* out) const;
  // Errors: Corruption when `data` is truncated or inconsistent. Direct models come back
  // direct (the mode is part of the format).
  static Result<LinearModel> Deserialize(std::string_view data);

 private:
  // Inline mode: slots are `stride_` uint32 words, the key (0 marks an empty slot; key 0
  // itself has the extra slot at index capacity_, used when has_zero_key_), then the int16
  // weights. Direct mode: slots are the weights alone.
  //
  // Bucketed mode: bucket b occupies data_[bucket_start_[b], bucket_start_[b + 1]); when not
  // empty its first word is its row count k, then k keys, then k descriptors, then entries.
  // A descriptor is kDenseFlag | a row number in dense_; or, for a row of one entry (about
  // half the rows), kSingleFlag | label << 16 | uint16(weight); or the word offset (from
  // the bucket's start) of the row's header word (its entry count), which its entries
  // follow. An entry word is label | uint16(weight) << 16.
  static constexpr uint32_t kDenseFlag = 0x80000000u;
  static constexpr uint32_t kSingleFlag = 0x40000000u;
  static constexpr uint32_t kSingleLabelMask = 0x3fffu;
  static bool SingleEntry(const Entry* e, size_t n) { return n == 1 && e[0].label <= kSingleLabelMask; }
  static constexpr size_t kRowsPerBucket = 4;
  size_t Home(uint32_t key) const {
    return static_cast<size_t>((static_cast<uint64_t>(key * 0x9E3779B1u) * capacity_) >> 32);
  }
  size_t BucketOf(uint32_t key) const {
    return static_cast<size_t>((static_cast<uint64_t>(key * 0x9E3779B1u) * num_buckets_) >> 32);
  }
  const uint32_t* Find(uint32_t key) const;
  void Insert(uint32_t key, const Entry* entries, size_t n);
  bool inline_weights() const { return num_classes_ <= kInlineClasses; }
  // A row of n entries is stored densely when it fills more than a quarter of the classes.
  bool Dense(size_t n) const { return n * 4 > dense_stride_; }
  void ScoreInline(const uint32_t* keys, size_t n, int32_t* scores) const;
  void ScoreDirect(const uint32_t* keys, size_t n, int32_t* scores) const;
  void ScoreBucketed(const uint32_t* keys, size_t n, int32_t* scores) const;
  // Fills bucket_start_, data_ and dense_ from the rows (bucketed mode).
  void BuildBuckets(const std::vector<uint32_t>& keys, const std::vector<uint32_t>& begin,
                    const std::vector<Entry>& entries);
  // Calls fn(key, entries, count) for every row.
  template <typename Fn>
  void ForEachRow(Fn fn) const;

  uint32_t num_classes_ = 0;
  int direct_bits_ = 0;  // > 0: direct mode
  bool has_zero_key_ = false;
  float scale_ = 1.0f;
  size_t num_rows_ = 0;
  size_t num_weights_ = 0;
  size_t capacity_ = 0;          // slots (inline and direct modes)
  uint32_t stride_ = 2;          // uint32 words per slot
  HugePageVector<uint32_t> table_;  // (capacity_ + 1) * stride_ words (inline); capacity_ * stride_ (direct)
  size_t num_buckets_ = 0;       // bucketed mode
  HugePageVector<uint32_t> bucket_start_;  // num_buckets_ + 1 offsets into data_
  HugePageVector<uint32_t> data_;
  HugePageVector<int16_t> dense_;  // rows of dense_stride_ weights
  uint32_t dense_stride_ = 0;   // num_classes_ rounded up to a multiple of 8
};

}  // namespace sitrep
