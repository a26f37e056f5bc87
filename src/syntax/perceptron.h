// PerceptronTrainer: a multi-class averaged perceptron over hashed sparse features, the
// learner behind the tagger and the parser.
//
// Usage: for each training example, Score() the active feature keys, pick a prediction,
// and when it is wrong call Update(keys, truth, guess); call Tick() once per example (the
// clock for averaging). Finish() returns the averaged weights as a compact LinearModel
// (int16-quantised; rows whose weights all round to zero are dropped).
//
// Averaging uses the lazy trick: each weight keeps w and u = sum(t * delta), and the
// average after T ticks is w - u / T, so updates cost O(1) and nothing is touched per tick.
// Thread safety: none; one trainer per thread. Deterministic for a given call sequence.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "syntax/linear_model.h"

namespace sitrep {

class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(uint32_t num_classes);
  PerceptronTrainer(const PerceptronTrainer&) = delete;
  PerceptronTrainer& operator=(const PerceptronTrainer&) = delete;

  uint32_t num_classes() const { return num_classes_; }

  // scores[0..num_classes) = current (non-averaged) scores of the features.
  void Score(const uint32_t* keys, size_t n, float* scores) const;

  // Adds `delta` to the weights of class `truth` and subtracts it from class `guess`.
  void Update(const uint32_t* keys, size_t n, uint32_t truth, uint32_t guess, float delta = 1.0f);
  void Tick() { ++clock_; }

  // The averaged model. Weights whose quantised magnitude is below `min_weight` (in units
  // of the int16 step) are dropped.
  LinearModel Finish(int min_weight = 1) const;

  size_t num_features() const { return rows_.size(); }

 private:
  struct Weight {
    uint32_t label;
    float w;
    double u;
  };
  void Add(uint32_t key, uint32_t label, float delta);

  uint32_t num_classes_;
  uint64_t clock_ = 1;
  std::unordered_map<uint32_t, uint32_t> index_;  // key -> row
  std::vector<uint32_t> keys_;                    // row -> key
  std::vector<std::vector<Weight>> rows_;
};

}  // namespace sitrep
