#include "syntax/perceptron.h"

#include <algorithm>
#include <cmath>

namespace sitrep {

PerceptronTrainer::PerceptronTrainer(uint32_t num_classes) : num_classes_(num_classes) {
  index_.reserve(1 << 20);
}

void PerceptronTrainer::Score(const uint32_t* keys, size_t n, float* scores) const {
  std::fill(scores, scores + num_classes_, 0.0f);
  for (size_t f = 0; f < n; ++f) {
    auto it = index_.find(keys[f]);
    if (it == index_.end()) continue;
    for (const Weight& w : rows_[it->second]) scores[w.label] += w.w;
  }
}

void PerceptronTrainer::Add(uint32_t key, uint32_t label, float delta) {
  auto [it, inserted] = index_.try_emplace(key, static_cast<uint32_t>(rows_.size()));
  if (inserted) {
    rows_.emplace_back();
    keys_.push_back(key);
  }
  std::vector<Weight>& row = rows_[it->second];
  for (Weight& w : row) {
    if (w.label == label) {
      w.w += delta;
      w.u += static_cast<double>(clock_) * delta;
      return;
    }
  }
  row.push_back(Weight{label, delta, static_cast<double>(clock_) * delta});
}

void PerceptronTrainer::Update(const uint32_t* keys, size_t n, uint32_t truth, uint32_t guess,
                               float delta) {
  if (truth == guess) return;
  for (size_t f = 0; f < n; ++f) {
    Add(keys[f], truth, delta);
    Add(keys[f], guess, -delta);
  }
}

LinearModel PerceptronTrainer::Finish(int min_weight) const {
  const double t = static_cast<double>(clock_);
  double max_abs = 0;
  for (const auto& row : rows_) {
    for (const Weight& w : row) max_abs = std::max(max_abs, std::fabs(w.w - w.u / t));
  }
  const double scale = max_abs > 0 ? max_abs / 32767.0 : 1.0;
  std::vector<LinearModel::Row> out;
  out.reserve(rows_.size());
  for (size_t r = 0; r < rows_.size(); ++r) {
    LinearModel::Row row{keys_[r], {}};
    for (const Weight& w : rows_[r]) {
      long q = std::lround((w.w - w.u / t) / scale);
      if (std::labs(q) < min_weight) continue;
      row.entries.push_back({static_cast<uint16_t>(w.label), static_cast<int16_t>(q)});
    }
    if (!row.entries.empty()) out.push_back(std::move(row));
  }
  return LinearModel::Build(num_classes_, static_cast<float>(scale), std::move(out));
}

}  // namespace sitrep
