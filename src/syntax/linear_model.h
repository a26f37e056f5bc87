// LinearModel: a compact, immutable multi-class linear scorer over hashed sparse features.
//
// Each feature key (see feature_hash.h) owns a sparse row of (class, weight) pairs; the
// score of a class is the sum of its weights over the active features. Weights are stored
// quantised to int16 with one scale per model, so scores are exact integers and the model
// is small; argmax decisions need no scale. Unknown keys contribute nothing.
//
// Built by PerceptronTrainer::Finish (perceptron.h) or by Deserialize.
// Thread safety: immutable after construction; Score may be called from any thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace sitrep {

class LinearModel {
 public:
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

  // Adds the rows of the `n` features in `keys` to scores[0..num_classes()). The caller
  // zeroes *scores first (so a base score can be accumulated over several calls).
  void Score(const uint32_t* keys, size_t n, int32_t* scores) const;

  // A copy without the weights whose magnitude is below `min_abs` (int16 units); rows left
  // empty disappear. Used to trade a little accuracy for size and speed.
  LinearModel Pruned(int min_abs) const;

  uint32_t num_classes() const { return num_classes_; }
  size_t num_rows() const { return num_rows_; }
  size_t num_weights() const { return entries_.size(); }
  float scale() const { return scale_; }
  // Approximate heap bytes in use.
  size_t MemoryBytes() const;

  void Serialize(std::string* out) const;
  // Errors: Corruption when `data` is truncated or inconsistent.
  static Result<LinearModel> Deserialize(std::string_view data);

 private:
  // Rows with many entries are stored densely (one int16 per class, in dense_), which is
  // faster to add than scattered entries; the others sparsely in entries_.
  static constexpr uint32_t kDenseFlag = 0x80000000u;
  struct Slot {
    uint32_t key;
    uint32_t begin;  // into entries_, or (with kDenseFlag) row index into dense_
    uint32_t end;    // begin == end marks an empty slot
  };
  const Slot* Find(uint32_t key) const;
  void Insert(uint32_t key, const Entry* entries, size_t n);
  size_t Home(uint32_t key) const;

  uint32_t num_classes_ = 0;
  float scale_ = 1.0f;
  size_t num_rows_ = 0;
  std::vector<Slot> slots_;  // open addressing, power-of-two size, linear probing
  std::vector<Entry> entries_;
  std::vector<int16_t> dense_;  // rows of num_classes_ weights
  uint32_t dense_stride_ = 0;   // num_classes_ rounded up to a multiple of 8
};

}  // namespace sitrep
