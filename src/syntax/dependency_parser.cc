#include "syntax/dependency_parser.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <map>
#include <random>

#include "syntax/binary_io.h"
#include "syntax/feature_hash.h"
#include "syntax/perceptron.h"
#include "syntax/word_features.h"

namespace sitrep {

namespace {

constexpr uint64_t kNoWord = 0x6e6f6e65;  // position outside the configuration
constexpr uint64_t kRootWord = 0x726f6f74;
constexpr uint64_t kNoLabel = 0xfff;

// Distances are bucketed: 1, 2, 3, 4, 5-9, 10+.
uint64_t Bucket(int d) {
  if (d < 0) d = -d;
  if (d < 5) return d;
  return d < 10 ? 5 : 6;
}

// Fisher-Yates with std::mt19937_64 (output fixed by the standard), identical everywhere.
void Shuffle(std::vector<size_t>* order, std::mt19937_64* rng) {
  for (size_t i = order->size(); i > 1; --i) std::swap((*order)[i - 1], (*order)[(*rng)() % i]);
}

// Words, tags and labels of the configuration positions the templates read.
struct Context {
  uint64_t w[15], t[15], l[15];
  int idx[15];
};

enum Pos { S0, S1, S2, B0, B1, B2, S0L, S0L2, S0R, S0R2, S1L, S1R, S1R2, B0L, B0L2 };

void Fill(const std::vector<ParserWord>& words, const ParserState& st, Context* c) {
  const int n = st.n();
  int s0 = st.Stack(0), s1 = st.Stack(1), b0 = st.Buffer(0);
  c->idx[S0] = s0;
  c->idx[S1] = s1;
  c->idx[S2] = st.Stack(2);
  c->idx[B0] = b0;
  c->idx[B1] = b0 >= 0 && b0 < n ? st.Buffer(1) : ParserState::kNone;
  c->idx[B2] = c->idx[B1] >= 0 && c->idx[B1] < n ? st.Buffer(2) : ParserState::kNone;
  c->idx[S0L] = st.LeftChild(s0, 0);
  c->idx[S0L2] = st.LeftChild(s0, 1);
  c->idx[S0R] = st.RightChild(s0, 0);
  c->idx[S0R2] = st.RightChild(s0, 1);
  c->idx[S1L] = st.LeftChild(s1, 0);
  c->idx[S1R] = st.RightChild(s1, 0);
  c->idx[S1R2] = st.RightChild(s1, 1);
  c->idx[B0L] = st.LeftChild(b0, 0);
  c->idx[B0L2] = st.LeftChild(b0, 1);
  for (int p = 0; p < 15; ++p) {
    int i = c->idx[p];
    if (i < 0) {
      c->w[p] = c->t[p] = kNoWord;
      c->l[p] = kNoLabel;
    } else if (i == n) {
      c->w[p] = c->t[p] = kRootWord;
      c->l[p] = kNoLabel;
    } else {
      c->w[p] = words[i].word;
      c->t[p] = words[i].tag;
      c->l[p] = st.label(i) < 0 ? kNoLabel : static_cast<uint64_t>(st.label(i));
    }
  }
}

}  // namespace

ParserWord MakeParserWord(std::string_view form, std::string_view tag) {
  std::string lower;
  LowerAscii(form, &lower);
  return ParserWord{HashBytes(lower), HashBytes(tag)};
}

void DependencyParser::Features(const std::vector<ParserWord>& words, const ParserState& st,
                                std::vector<uint32_t>* keys) {
  Context c;
  Fill(words, st, &c);
  // Keys are written through a pointer into room made once (fewer than kMaxFeatures), so
  // the inlined adds carry no capacity checks.
  constexpr size_t kMaxFeatures = 192;
  keys->resize(kMaxFeatures);
  uint32_t* out = keys->data();
  uint32_t id = 0;
  auto add = [&](uint64_t a, uint64_t b = 0, uint64_t d = 0) __attribute__((always_inline)) {
    *out++ = FeatureKey(++id, a, b, d);
  };
  const uint64_t *w = c.w, *t = c.t, *l = c.l;
  const int s0 = c.idx[S0], s1 = c.idx[S1], b0 = c.idx[B0];
  // Single positions.
  for (int p : {S0, S1, B0, B1}) {
    add(w[p]);
    add(t[p]);
    add(w[p], t[p]);
  }
  add(w[B2]);
  add(t[B2]);
  add(t[S2]);
  add(w[S2], t[S2]);
  // Pairs: s0-b0 and s1-s0 (the two places arcs are built).
  add(w[S0], t[S0], w[B0] ^ (t[B0] << 1));
  add(w[S0], t[S0], w[B0]);
  add(w[S0], w[B0], t[B0]);
  add(w[S0], t[S0], t[B0]);
  add(t[S0], w[B0], t[B0]);
  add(w[S0], w[B0]);
  add(t[S0], t[B0]);
  add(t[B0], t[B1]);
  add(w[S1], t[S1], w[S0] ^ (t[S0] << 1));
  add(w[S1], t[S1], w[S0]);
  add(w[S1], w[S0], t[S0]);
  add(w[S1], t[S1], t[S0]);
  add(t[S1], w[S0], t[S0]);
  add(w[S1], w[S0]);
  add(t[S1], t[S0]);
  add(w[S1], w[B0]);
  add(t[S1], t[B0]);
  // Triples of tags.
  add(t[B0], t[B1], t[B2]);
  add(t[S0], t[B0], t[B1]);
  add(t[S1], t[S0], t[B0]);
  add(t[S2], t[S1], t[S0]);
  add(t[S0], t[S0L], t[B0]);
  add(t[S0], t[S0R], t[B0]);
  add(t[S0], t[B0], t[B0L]);
  add(t[S1], t[S0], t[S0L]);
  add(t[S1], t[S0], t[S0R]);
  add(t[S1], t[S1R], t[S0]);
  add(t[S1], t[S1L], t[S0]);
  add(w[S0], t[B0], t[B1]);
  add(t[S0], w[B0], t[B1]);
  add(w[S1], t[S0], t[B0]);
  add(t[S1], w[S0], t[B0]);
  // Distances.
  uint64_t d = (s0 >= 0 && b0 >= 0) ? Bucket(b0 - s0) : 7;
  uint64_t d2 = (s0 >= 0 && s1 >= 0) ? Bucket(s0 - s1) : 7;
  add(w[S0], d);
  add(t[S0], d);
  add(w[B0], d);
  add(t[B0], d);
  add(w[S0], w[B0], d);
  add(t[S0], t[B0], d);
  add(w[S1], d2);
  add(t[S1], d2);
  add(w[S0], d2 + 8);
  add(t[S0], d2 + 8);
  add(w[S1], w[S0], d2);
  add(t[S1], t[S0], d2);
  // Valency.
  uint64_t s0vl = st.LeftCount(s0), s0vr = st.RightCount(s0);
  uint64_t s1vl = st.LeftCount(s1), s1vr = st.RightCount(s1), b0vl = st.LeftCount(b0);
  add(w[S0], s0vl);
  add(t[S0], s0vl);
  add(w[S0], s0vr);
  add(t[S0], s0vr);
  add(w[S1], s1vl);
  add(t[S1], s1vl);
  add(w[S1], s1vr);
  add(t[S1], s1vr);
  add(w[B0], b0vl);
  add(t[B0], b0vl);
  // Dependents: words, tags and labels.
  for (int p : {S0L, S0R, S1L, S1R, B0L}) {
    add(w[p]);
    add(t[p]);
    add(l[p]);
  }
  for (int p : {S0L2, S0R2, S1R2, B0L2}) {
    add(w[p]);
    add(t[p]);
    add(l[p]);
  }
  add(t[S0], t[S0L], t[S0L2]);
  add(t[S0], t[S0R], t[S0R2]);
  add(t[S1], t[S1R], t[S1R2]);
  add(t[B0], t[B0L], t[B0L2]);
  add(t[S0], l[S0L], l[S0L2]);
  add(t[S0], l[S0R], l[S0R2]);
  add(t[B0], l[B0L], l[B0L2]);
  // Label sets.
  uint64_t s0sl = st.LeftLabels(s0) + 1, s0sr = st.RightLabels(s0) + 1;
  uint64_t s1sl = st.LeftLabels(s1) + 1, s1sr = st.RightLabels(s1) + 1;
  uint64_t b0sl = st.LeftLabels(b0) + 1;
  add(w[S0], s0sl);
  add(t[S0], s0sl);
  add(w[S0], s0sr);
  add(t[S0], s0sr);
  add(w[S1], s1sl);
  add(t[S1], s1sl);
  add(w[S1], s1sr);
  add(t[S1], s1sr);
  add(w[B0], b0sl);
  add(t[B0], b0sl);
  // The word just before b0 in the sentence (often unattached punctuation or a modifier).
  int prev = b0 > 0 ? b0 - 1 : -1;
  uint64_t prev_t = prev >= 0 && prev < st.n() ? words[prev].tag : kNoWord;
  add(prev_t, t[B0]);
  add(prev_t, t[S0], t[B0]);
  keys->resize(static_cast<size_t>(out - keys->data()));
}

int DependencyParser::ClassOf(Move move, int label) const {
  const int n_labels = static_cast<int>(labels_.size());
  switch (move) {
    case Move::kShift:
      return 0;
    case Move::kLeft:
      return 1 + label;
    case Move::kRight:
      return 1 + n_labels + label;
  }
  return 0;
}

Move DependencyParser::MoveOf(int cls) const {
  if (cls == 0) return Move::kShift;
  return cls <= static_cast<int>(labels_.size()) ? Move::kLeft : Move::kRight;
}

int DependencyParser::LabelOf(int cls) const {
  if (cls == 0) return -1;
  return (cls - 1) % static_cast<int>(labels_.size());
}

// The root label is used exactly for the final attachment to the root, and only there.
bool DependencyParser::Allowed(const ParserState& st, int cls) const {
  Move m = MoveOf(cls);
  if (!st.CanApply(m)) return false;
  if (m == Move::kShift) return true;
  bool to_root = m == Move::kLeft && st.Buffer(0) == st.n();
  return to_root == (LabelOf(cls) == root_label_);
}

int DependencyParser::BestAllowed(const ParserState& st, const int32_t* scores) const {
  // Same rule as Allowed(), by ranges of classes: SHIFT, LEFT(l)..., RIGHT(l)...
  const int n_labels = static_cast<int>(labels_.size());
  int best = -1;
  auto consider = [&](int c) {
    if (best < 0 || scores[c] > scores[best]) best = c;
  };
  if (st.CanApply(Move::kShift)) consider(0);
  if (st.CanApply(Move::kLeft)) {
    if (st.Buffer(0) == st.n()) {
      consider(1 + root_label_);
    } else {
      for (int l = 0; l < n_labels; ++l) {
        if (l != root_label_) consider(1 + l);
      }
    }
  }
  if (st.CanApply(Move::kRight)) {
    for (int l = 0; l < n_labels; ++l) {
      if (l != root_label_) consider(1 + n_labels + l);
    }
  }
  return best;
}

void DependencyParser::Parse(const std::vector<ParserWord>& words, ParserScratch* scratch,
                             std::vector<int32_t>* heads, std::vector<uint16_t>* labels) const {
  const int n = static_cast<int>(words.size());
  ParserState& st = scratch->state;
  st.Init(n);
  scratch->scores.resize(1 + 2 * labels_.size());
  while (!st.Terminal()) {
    // Forced moves need no scoring (BestAllowed could pick nothing else): SHIFT on an
    // empty stack, and the last word's attachment to the root, which takes the root label.
    if (st.stack_size() == 0) {
      st.Apply(Move::kShift, -1);
      continue;
    }
    if (st.stack_size() == 1 && st.Buffer(0) == n) {
      st.Apply(Move::kLeft, root_label_);
      continue;
    }
    Features(words, st, &scratch->keys);
    std::fill(scratch->scores.begin(), scratch->scores.end(), 0);
    model_.Score(scratch->keys.data(), scratch->keys.size(), scratch->scores.data());
    int cls = BestAllowed(st, scratch->scores.data());
    st.Apply(MoveOf(cls), LabelOf(cls));
  }
  heads->resize(n);
  labels->resize(n);
  for (int i = 0; i < n; ++i) {
    (*heads)[i] = st.head(i) == n ? -1 : st.head(i);
    (*labels)[i] = static_cast<uint16_t>(st.label(i));
  }
}

// Training state kept apart from the immutable parser.
class ParserTraining {
 public:
  ParserTraining(const std::vector<ParserExample>& examples, const ParserOptions& options)
      : examples_(examples), options_(options) {}

  DependencyParser Run() {
    CollectLabels();
    const uint32_t n_classes = static_cast<uint32_t>(1 + 2 * parser_.labels_.size());
    PerceptronTrainer trainer(n_classes);
    std::vector<size_t> order;
    for (size_t i = 0; i < examples_.size(); ++i) {
      if (Usable(examples_[i])) order.push_back(i);
    }
    std::mt19937_64 rng(options_.seed);
    for (int epoch = 0; epoch < options_.epochs; ++epoch) {
      Shuffle(&order, &rng);
      size_t correct = 0, total = 0;
      bool explore = epoch >= options_.explore_from_epoch;
      for (size_t i : order) TrainSentence(examples_[i], explore, &trainer, &rng, &correct, &total);
      if (options_.verbose) {
        std::fprintf(stderr, "parser epoch %d: train move accuracy %.4f, %zu features\n",
                     epoch + 1, total ? double(correct) / total : 0.0, trainer.num_features());
      }
    }
    parser_.model_ = trainer.Finish();
    return std::move(parser_);
  }

 private:
  static bool Usable(const ParserExample& ex) {
    if (ex.words.empty()) return false;
    for (int32_t h : ex.heads) {
      if (h < -1 || h >= static_cast<int32_t>(ex.words.size())) return false;
    }
    return true;
  }

  void CollectLabels() {
    std::map<std::string, int> names{{"root", 0}};
    for (const ParserExample& ex : examples_) {
      for (const std::string& l : ex.labels) names[l] = 0;
    }
    for (auto& [name, id] : names) {
      id = static_cast<int>(parser_.labels_.size());
      parser_.labels_.push_back(name);
    }
    parser_.root_label_ = names["root"];
    names_ = std::move(names);
  }

  void TrainSentence(const ParserExample& ex, bool explore, PerceptronTrainer* trainer,
                     std::mt19937_64* rng, size_t* correct, size_t* total) {
    const int n = static_cast<int>(ex.words.size());
    std::vector<int> gold(n), gold_labels(n);
    for (int i = 0; i < n; ++i) {
      gold[i] = ex.heads[i] < 0 ? n : ex.heads[i];
      gold_labels[i] = ex.heads[i] < 0 ? parser_.root_label_ : names_[ex.labels[i]];
    }
    ParserState st;
    st.Init(n);
    const int n_classes = static_cast<int>(trainer->num_classes());
    const int n_labels = static_cast<int>(parser_.labels_.size());
    std::vector<float> scores(n_classes);
    std::vector<int> costs(n_classes);
    std::vector<uint32_t> keys;
    while (!st.Terminal()) {
      DependencyParser::Features(ex.words, st, &keys);
      trainer->Score(keys.data(), keys.size(), scores.data());
      // Unlabelled costs once, then the label penalty per class.
      int base[3];
      for (Move m : {Move::kShift, Move::kLeft, Move::kRight}) {
        base[static_cast<int>(m)] = st.CanApply(m) ? MoveCost(st, m, -2, gold, gold_labels) : 0;
      }
      int s0 = st.Stack(0), s1 = st.Stack(1), b0 = st.Buffer(0);
      int best = -1, best_gold = -1, min_cost = std::numeric_limits<int>::max();
      for (int c = 0; c < n_classes; ++c) {
        costs[c] = -1;
        if (!parser_.Allowed(st, c)) continue;
        Move m = parser_.MoveOf(c);
        int label = parser_.LabelOf(c);
        int cost = base[static_cast<int>(m)];
        // MoveCost was asked with label -2 (never gold), so it added 1 for a gold arc;
        // remove it when this class has the right label.
        if (m == Move::kLeft && gold[s0] == b0 && label == gold_labels[s0]) --cost;
        if (m == Move::kRight && gold[s0] == s1 && label == gold_labels[s0]) --cost;
        costs[c] = cost;
        min_cost = std::min(min_cost, cost);
        if (best < 0 || scores[c] > scores[best]) best = c;
      }
      for (int c = 0; c < n_classes; ++c) {
        if (costs[c] == min_cost && (best_gold < 0 || scores[c] > scores[best_gold])) best_gold = c;
      }
      (void)n_labels;
      ++*total;
      if (costs[best] > min_cost) {
        trainer->Update(keys.data(), keys.size(), best_gold, best);
      } else {
        ++*correct;
      }
      trainer->Tick();
      int follow = best_gold;
      if (explore && costs[best] > min_cost &&
          static_cast<double>((*rng)() >> 11) * 0x1.0p-53 < options_.explore_probability) {
        follow = best;
      }
      st.Apply(parser_.MoveOf(follow), parser_.LabelOf(follow));
    }
  }

  const std::vector<ParserExample>& examples_;
  ParserOptions options_;
  DependencyParser parser_;
  std::map<std::string, int> names_;
};

DependencyParser DependencyParser::Train(const std::vector<ParserExample>& examples,
                                         const ParserOptions& options) {
  return ParserTraining(examples, options).Run();
}

void DependencyParser::Serialize(std::string* out) const {
  BinaryWriter w(out);
  w.Varint(labels_.size());
  for (const std::string& l : labels_) w.String(l);
  w.Varint(root_label_);
  std::string model;
  model_.Serialize(&model);
  w.String(model);
}

Result<DependencyParser> DependencyParser::Deserialize(std::string_view data) {
  BinaryReader r(data);
  DependencyParser p;
  uint64_t n = 0, root = 0;
  if (!r.Size(4096, &n) || n == 0) return Status::Corruption("parser: bad label count");
  p.labels_.resize(n);
  for (std::string& l : p.labels_) {
    if (!r.String(&l)) break;
  }
  std::string_view model;
  if (!r.Size(n - 1, &root) || !r.StringView(&model) || !r.AtEnd()) {
    return Status::Corruption("parser: truncated");
  }
  p.root_label_ = static_cast<int>(root);
  SITREP_ASSIGN_OR_RETURN(p.model_, LinearModel::Deserialize(model));
  if (p.model_.num_classes() != 1 + 2 * n) return Status::Corruption("parser: class count mismatch");
  return p;
}

}  // namespace sitrep
