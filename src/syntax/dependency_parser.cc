#include "syntax/dependency_parser.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
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
constexpr uint32_t kFormatVersion = 2;

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

// The atoms of one word position (a word, the root, or nothing).
struct Atoms {
  uint64_t w, t, c, k, l;  // word, tag, cluster, coarse cluster, label
};

Atoms AtomsOf(const std::vector<ParserWord>& words, const ParserState& st, int i) {
  if (i < 0) return {kNoWord, kNoWord, kNoWord, kNoWord, kNoLabel};
  if (i == st.n()) return {kRootWord, kRootWord, kRootWord, kRootWord, kNoLabel};
  const ParserWord& p = words[i];
  uint64_t label = st.label(i) < 0 ? kNoLabel : static_cast<uint64_t>(st.label(i));
  return {p.word, p.tag, p.cluster, p.coarse_cluster, label};
}

// Appends ComboKey(++id, ...) to a key vector.
class KeyAdder {
 public:
  explicit KeyAdder(std::vector<uint32_t>* keys) : keys_(keys) { keys_->clear(); }
  void operator()(uint64_t a, uint64_t b = 0, uint64_t c = 0) {
    keys_->push_back(ComboKey(++id_, a, b, c));
  }
  // Jumps to a fixed template number, so optional groups do not renumber the rest.
  void Skip(uint32_t id) { id_ = id; }

 private:
  std::vector<uint32_t>* keys_;
  uint32_t id_ = 0;
};

}  // namespace

ParserWord MakeParserWord(std::string_view form, std::string_view tag) {
  std::string lower;
  LowerAscii(form, &lower);
  return ParserWord{HashBytes(lower), HashBytes(tag), 0, 0};
}

void DependencyParser::MoveFeatures(const std::vector<ParserWord>& words, const ParserState& st,
                                    std::vector<uint32_t>* keys) const {
  const int n = st.n();
  const int s0 = st.Stack(0), s1 = st.Stack(1), b0 = st.Buffer(0);
  const int b1 = b0 >= 0 && b0 < n ? st.Buffer(1) : ParserState::kNone;
  const int b2 = b1 >= 0 && b1 < n ? st.Buffer(2) : ParserState::kNone;
  const Atoms S0 = AtomsOf(words, st, s0), S1 = AtomsOf(words, st, s1);
  const Atoms S2 = AtomsOf(words, st, st.Stack(2));
  const Atoms B0 = AtomsOf(words, st, b0), B1 = AtomsOf(words, st, b1);
  const Atoms B2 = AtomsOf(words, st, b2);
  const Atoms S0L = AtomsOf(words, st, st.LeftChild(s0, 0));
  const Atoms S0L2 = AtomsOf(words, st, st.LeftChild(s0, 1));
  const Atoms S0R = AtomsOf(words, st, st.RightChild(s0, 0));
  const Atoms S0R2 = AtomsOf(words, st, st.RightChild(s0, 1));
  const Atoms S1L = AtomsOf(words, st, st.LeftChild(s1, 0));
  const Atoms S1R = AtomsOf(words, st, st.RightChild(s1, 0));
  const Atoms S1R2 = AtomsOf(words, st, st.RightChild(s1, 1));
  const Atoms B0L = AtomsOf(words, st, st.LeftChild(b0, 0));
  const Atoms B0L2 = AtomsOf(words, st, st.LeftChild(b0, 1));
  KeyAdder add(keys);
  // Single positions.
  for (const Atoms* p : {&S0, &S1, &B0, &B1}) {
    add(p->w);
    add(p->t);
    add(p->w, p->t);
  }
  add(B2.w);
  add(B2.t);
  add(S2.t);
  add(S2.w, S2.t);
  // Pairs: s0-b0 and s1-s0 (the two places arcs are built).
  add(S0.w, S0.t, B0.w ^ (B0.t << 1));
  add(S0.w, S0.t, B0.w);
  add(S0.w, B0.w, B0.t);
  add(S0.w, S0.t, B0.t);
  add(S0.t, B0.w, B0.t);
  add(S0.w, B0.w);
  add(S0.t, B0.t);
  add(B0.t, B1.t);
  add(S1.w, S1.t, S0.w ^ (S0.t << 1));
  add(S1.w, S1.t, S0.w);
  add(S1.w, S0.w, S0.t);
  add(S1.w, S1.t, S0.t);
  add(S1.t, S0.w, S0.t);
  add(S1.w, S0.w);
  add(S1.t, S0.t);
  add(S1.w, B0.w);
  add(S1.t, B0.t);
  // Triples of tags.
  add(B0.t, B1.t, B2.t);
  add(S0.t, B0.t, B1.t);
  add(S1.t, S0.t, B0.t);
  add(S2.t, S1.t, S0.t);
  add(S0.t, S0L.t, B0.t);
  add(S0.t, S0R.t, B0.t);
  add(S0.t, B0.t, B0L.t);
  add(S1.t, S0.t, S0L.t);
  add(S1.t, S0.t, S0R.t);
  add(S1.t, S1R.t, S0.t);
  add(S1.t, S1L.t, S0.t);
  add(S0.w, B0.t, B1.t);
  add(S0.t, B0.w, B1.t);
  add(S1.w, S0.t, B0.t);
  add(S1.t, S0.w, B0.t);
  // Distances.
  const uint64_t d = (s0 >= 0 && b0 >= 0) ? Bucket(b0 - s0) : 7;
  const uint64_t d2 = (s0 >= 0 && s1 >= 0) ? Bucket(s0 - s1) : 7;
  add(S0.w, d);
  add(S0.t, d);
  add(B0.w, d);
  add(B0.t, d);
  add(S0.w, B0.w, d);
  add(S0.t, B0.t, d);
  add(S1.w, d2);
  add(S1.t, d2);
  add(S0.w, d2 + 8);
  add(S0.t, d2 + 8);
  add(S1.w, S0.w, d2);
  add(S1.t, S0.t, d2);
  // Valency.
  const uint64_t s0vl = st.LeftCount(s0), s0vr = st.RightCount(s0);
  const uint64_t s1vl = st.LeftCount(s1), s1vr = st.RightCount(s1), b0vl = st.LeftCount(b0);
  add(S0.w, s0vl);
  add(S0.t, s0vl);
  add(S0.w, s0vr);
  add(S0.t, s0vr);
  add(S1.w, s1vl);
  add(S1.t, s1vl);
  add(S1.w, s1vr);
  add(S1.t, s1vr);
  add(B0.w, b0vl);
  add(B0.t, b0vl);
  // Dependents: words, tags and labels.
  for (const Atoms* p : {&S0L, &S0R, &S1L, &S1R, &B0L, &S0L2, &S0R2, &S1R2, &B0L2}) {
    add(p->w);
    add(p->t);
    add(p->l);
  }
  add(S0.t, S0L.t, S0L2.t);
  add(S0.t, S0R.t, S0R2.t);
  add(S1.t, S1R.t, S1R2.t);
  add(B0.t, B0L.t, B0L2.t);
  add(S0.t, S0L.l, S0L2.l);
  add(S0.t, S0R.l, S0R2.l);
  add(B0.t, B0L.l, B0L2.l);
  // Label sets.
  const uint64_t s0sl = st.LeftLabels(s0) + 1, s0sr = st.RightLabels(s0) + 1;
  const uint64_t s1sl = st.LeftLabels(s1) + 1, s1sr = st.RightLabels(s1) + 1;
  const uint64_t b0sl = st.LeftLabels(b0) + 1;
  add(S0.w, s0sl);
  add(S0.t, s0sl);
  add(S0.w, s0sr);
  add(S0.t, s0sr);
  add(S1.w, s1sl);
  add(S1.t, s1sl);
  add(S1.w, s1sr);
  add(S1.t, s1sr);
  add(B0.w, b0sl);
  add(B0.t, b0sl);
  // The word just before b0 in the sentence (often unattached punctuation or a modifier).
  const int prev = b0 > 0 ? b0 - 1 : -1;
  const uint64_t prev_t = prev >= 0 && prev < n ? words[prev].tag : kNoWord;
  add(prev_t, B0.t);
  add(prev_t, S0.t, B0.t);
  if (!cluster_features_) return;
  // Word clusters: between words and tags in granularity.
  add.Skip(200);
  for (const Atoms* p : {&S0, &S1, &B0, &B1}) {
    add(p->c);
    add(p->c, p->t);
  }
  add(S0.c, B0.c);
  add(S0.c, B0.t);
  add(S0.t, B0.c);
  add(S1.c, S0.c);
  add(S1.c, S0.t);
  add(S1.t, S0.c);
  add(S1.k, S0.k, B0.k);
  add(S0.k, B0.k, B1.k);
  add(S0.c, B0.t, d);
  add(S0.t, B0.c, d);
  add(S1.c, S0.t, d2);
  add(S1.t, S0.c, d2);
}

void DependencyParser::LabelFeatures(const std::vector<ParserWord>& words, const ParserState& st,
                                     int dep, int head, std::vector<uint32_t>* keys) const {
  const Atoms D = AtomsOf(words, st, dep), H = AtomsOf(words, st, head);
  const Atoms DL = AtomsOf(words, st, st.LeftChild(dep, 0));
  const Atoms DL2 = AtomsOf(words, st, st.LeftChild(dep, 1));
  const Atoms DR = AtomsOf(words, st, st.RightChild(dep, 0));
  const Atoms HL = AtomsOf(words, st, st.LeftChild(head, 0));
  const Atoms HR = AtomsOf(words, st, st.RightChild(head, 0));
  const uint64_t dir = dep < head ? 1 : 2;
  const uint64_t dist = Bucket(head - dep) * 4 + dir;
  // The dependent's subtree is complete; the head has only the dependents found so far.
  const uint64_t dsl = st.LeftLabels(dep) + 1, dsr = st.RightLabels(dep) + 1;
  const uint64_t hsl = st.LeftLabels(head) + 1, hsr = st.RightLabels(head) + 1;
  const int n = st.n();
  const uint64_t before = dep > 0 ? words[dep - 1].tag : kNoWord;
  const uint64_t after = dep + 1 < n ? words[dep + 1].tag : kNoWord;
  KeyAdder add(keys);
  add(dir);
  add(D.w, dir);
  add(D.t, dir);
  add(D.w, D.t);
  add(H.w, dir);
  add(H.t, dir);
  add(H.w, H.t, dir);
  add(D.w, H.t, dir);
  add(D.t, H.w, dir);
  add(D.t, H.t, dist);
  add(D.t, H.t, dir);
  add(D.w, H.w, dir);
  add(D.w, D.t, H.t ^ (dir << 3));
  // The dependent's own dependents: "by" marks an agent, "to" an infinitive, "that" a clause.
  add(DL.w, D.t);
  add(DL.w, H.t, dir);
  add(DL.w, DL.l, H.w);
  add(DL.l, D.t, H.t ^ (dir << 3));
  add(DL.t, D.t, H.t ^ (dir << 3));
  add(DL2.w, DL.w, D.t);
  add(DL2.l, DL.l, D.t);
  add(DR.w, D.t);
  add(DR.l, D.t, H.t ^ (dir << 3));
  add(dsl, D.t);
  add(dsl, D.t, H.t ^ (dir << 3));
  add(dsr, D.t, H.t ^ (dir << 3));
  add(dsl, dsr, D.w);
  // What the head already has: a second nominal before a verb that has a subject is
  // rarely another subject.
  add(hsl, H.t, D.t ^ (dir << 3));
  add(hsr, H.t, D.t ^ (dir << 3));
  add(hsl, H.w, dir);
  add(HL.l, H.t, D.t ^ (dir << 3));
  add(HR.l, H.t, D.t ^ (dir << 3));
  // Neighbours of the dependent.
  add(before, D.t, H.t ^ (dir << 3));
  add(D.t, after, H.t ^ (dir << 3));
  // The configuration around the arc: for a right arc the next buffer word (a second
  // object makes the first an iobj), for a left arc the word after the head and the stack
  // word before the dependent.
  const bool right = dep > head;
  const Atoms next = AtomsOf(words, st, right ? st.Buffer(0) : st.Buffer(1));
  const Atoms below = AtomsOf(words, st, right ? st.Stack(2) : st.Stack(1));
  add(next.t, D.t, H.t ^ (dir << 3));
  add(next.w, D.t, dir);
  add(below.t, D.t, H.t ^ (dir << 3));
  if (!cluster_features_) return;
  add.Skip(200);
  add(D.c, dir);
  add(D.c, H.t, dir);
  add(D.t, H.c, dir);
  add(D.c, H.c, dir);
  add(DL.c, D.t, H.t ^ (dir << 3));
  add(D.k, H.k, dist);
}

int DependencyParser::FindLabel(std::string_view name) const {
  for (size_t l = 0; l < labels_.size(); ++l) {
    if (labels_[l] == name) return static_cast<int>(l);
  }
  return -1;
}

Move DependencyParser::ForcedMove(const ParserState& st) {
  const bool shift = st.CanApply(Move::kShift), left = st.CanApply(Move::kLeft),
             right = st.CanApply(Move::kRight);
  if (shift + left + right != 1) return kUnforced;
  return shift ? Move::kShift : left ? Move::kLeft : Move::kRight;
}

Move DependencyParser::BestMove(const ParserState& st, const int32_t* scores) {
  Move best = Move::kShift;
  bool found = false;
  for (Move m : {Move::kShift, Move::kLeft, Move::kRight}) {
    if (!st.CanApply(m)) continue;
    if (!found || scores[static_cast<int>(m)] > scores[static_cast<int>(best)]) best = m;
    found = true;
  }
  return best;
}

int DependencyParser::BestLabel(const int32_t* scores) const {
  int best = -1;
  for (int l = 0; l < static_cast<int>(labels_.size()); ++l) {
    if (l != root_label_ && (best < 0 || scores[l] > scores[best])) best = l;
  }
  return best < 0 ? root_label_ : best;
}

void DependencyParser::Parse(const std::vector<ParserWord>& words, ParserScratch* scratch,
                             std::vector<int32_t>* heads, std::vector<uint16_t>* labels) const {
  const int n = static_cast<int>(words.size());
  ParserState& st = scratch->state;
  st.Init(n);
  scratch->scores.resize(std::max<size_t>(3, labels_.size()));
  int32_t* scores = scratch->scores.data();
  while (!st.Terminal()) {
    // A move that is the only one allowed (SHIFT on an empty stack, every move once the
    // buffer holds only the root) needs no scoring: the result is the same, and about a
    // fifth of the moves of a sentence are forced.
    Move move = ForcedMove(st);
    if (move == kUnforced) {
      MoveFeatures(words, st, &scratch->keys);
      scores[0] = scores[1] = scores[2] = 0;
      move_model_.Score(scratch->keys.data(), scratch->keys.size(), scores);
      move = BestMove(st, scores);
    }
    int label = -1;
    if (move == Move::kLeft && st.Buffer(0) == n) {
      label = root_label_;
    } else if (move != Move::kShift) {
      const int dep = st.Stack(0);
      const int head = move == Move::kLeft ? st.Buffer(0) : st.Stack(1);
      LabelFeatures(words, st, dep, head, &scratch->keys);
      std::fill(scores, scores + labels_.size(), 0);
      label_model_.Score(scratch->keys.data(), scratch->keys.size(), scores);
      label = BestLabel(scores);
    }
    st.Apply(move, label);
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
    parser_.cluster_features_ = options_.cluster_features;
    PrepareGold();
    PerceptronTrainer moves(3);
    PerceptronTrainer labels(static_cast<uint32_t>(parser_.labels_.size()));
    std::vector<size_t> order;
    for (size_t i = 0; i < examples_.size(); ++i) {
      if (!gold_heads_[i].empty()) order.push_back(i);
    }
    std::mt19937_64 rng(options_.seed);
    double best_las = -1;
    for (int epoch = 0; epoch < options_.epochs; ++epoch) {
      Shuffle(&order, &rng);
      Tally tally;
      const bool explore = epoch >= options_.explore_from_epoch;
      for (size_t i : order) TrainSentence(i, explore, &moves, &labels, &rng, &tally);
      if (options_.verbose) {
        std::fprintf(stderr,
                     "parser epoch %d: train move accuracy %.4f, label accuracy %.4f, "
                     "%zu move and %zu label features\n",
                     epoch + 1, tally.moves ? double(tally.moves_right) / tally.moves : 0.0,
                     tally.labels ? double(tally.labels_right) / tally.labels : 0.0,
                     moves.num_features(), labels.num_features());
      }
      if (!options_.dev && epoch + 1 < options_.epochs) continue;
      parser_.move_model_ = moves.Finish();
      if (options_.move_bits > 0) parser_.move_model_ = parser_.move_model_.ToDirect(options_.move_bits);
      parser_.label_model_ = labels.Finish();
      if (!options_.dev) break;
      double uas = 0, las = Score(*options_.dev, &uas);
      if (options_.verbose) {
        std::fprintf(stderr, "parser epoch %d: dev UAS %.2f LAS %.2f%s\n", epoch + 1, uas, las,
                     las > best_las ? " (best so far)" : "");
      }
      if (las > best_las) {
        best_las = las;
        best_ = std::make_unique<DependencyParser>(Copy(parser_));
      }
    }
    if (best_) return std::move(*best_);
    return std::move(parser_);
  }

 private:
  struct Tally {
    size_t moves = 0, moves_right = 0, labels = 0, labels_right = 0;
  };

  static DependencyParser Copy(const DependencyParser& p) {
    std::string bytes;
    p.Serialize(&bytes);
    return std::move(DependencyParser::Deserialize(bytes).value());
  }

  static bool Usable(const ParserExample& ex) {
    if (ex.words.empty() || ex.heads.size() != ex.words.size()) return false;
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

  // Gold heads in the internal convention (root = n), projectivised, and label ids.
  void PrepareGold() {
    gold_heads_.resize(examples_.size());
    gold_labels_.resize(examples_.size());
    size_t lifted = 0;
    for (size_t i = 0; i < examples_.size(); ++i) {
      const ParserExample& ex = examples_[i];
      if (!Usable(ex)) continue;
      const int n = static_cast<int>(ex.words.size());
      std::vector<int> heads(n), labels(n);
      for (int w = 0; w < n; ++w) {
        heads[w] = ex.heads[w] < 0 ? n : ex.heads[w];
        labels[w] = ex.heads[w] < 0 ? parser_.root_label_ : names_[ex.labels[w]];
      }
      if (!IsTree(heads)) continue;
      if (options_.projectivize) lifted += Projectivize(&heads) > 0;
      gold_heads_[i] = std::move(heads);
      gold_labels_[i] = std::move(labels);
    }
    if (options_.verbose && options_.projectivize) {
      std::fprintf(stderr, "parser: %zu training trees projectivised\n", lifted);
    }
  }

  // Exactly one word on the root and no cycles.
  static bool IsTree(const std::vector<int>& heads) {
    const int n = static_cast<int>(heads.size());
    int roots = 0;
    for (int w = 0; w < n; ++w) {
      roots += heads[w] == n;
      int h = w;
      for (int steps = 0; h != n; ++steps) {
        if (steps > n) return false;
        h = heads[h];
      }
    }
    return roots == 1;
  }

  void TrainSentence(size_t index, bool explore, PerceptronTrainer* moves,
                     PerceptronTrainer* labels, std::mt19937_64* rng, Tally* tally) {
    const ParserExample& ex = examples_[index];
    const std::vector<int>& gold = gold_heads_[index];
    const std::vector<int>& gold_labels = gold_labels_[index];
    const int n = static_cast<int>(ex.words.size());
    st_.Init(n);
    label_scores_.resize(labels->num_classes());
    while (!st_.Terminal()) {
      parser_.MoveFeatures(ex.words, st_, &keys_);
      if (options_.move_bits > 0) {
        for (uint32_t& k : keys_) k = LinearModel::DirectBucket(k, options_.move_bits);
      }
      float scores[3];
      moves->Score(keys_.data(), keys_.size(), scores);
      int cost[3], best = -1, best_gold = -1, min_cost = 1 << 30;
      for (int m = 0; m < 3; ++m) {
        Move move = static_cast<Move>(m);
        cost[m] = -1;
        if (!st_.CanApply(move)) continue;
        cost[m] = UnlabelledMoveCost(st_, move, gold);
        min_cost = std::min(min_cost, cost[m]);
        if (best < 0 || scores[m] > scores[best]) best = m;
      }
      for (int m = 0; m < 3; ++m) {
        if (cost[m] == min_cost && (best_gold < 0 || scores[m] > scores[best_gold])) best_gold = m;
      }
      ++tally->moves;
      if (cost[best] > min_cost) {
        moves->Update(keys_.data(), keys_.size(), best_gold, best);
      } else {
        ++tally->moves_right;
      }
      moves->Tick();
      int follow = best_gold;
      if (explore && cost[best] > min_cost &&
          static_cast<double>((*rng)() >> 11) * 0x1.0p-53 < options_.explore_probability) {
        follow = best;
      }
      const Move move = static_cast<Move>(follow);
      st_.Apply(move, ChooseLabel(ex, gold, gold_labels, move, explore, labels, tally));
    }
  }

  // The label of the arc `move` builds (-1 for SHIFT). Arcs to the gold head train the
  // label model; the state then carries the gold label (or, when exploring, the
  // prediction), and other arcs carry the prediction.
  int ChooseLabel(const ParserExample& ex, const std::vector<int>& gold,
                  const std::vector<int>& gold_labels, Move move, bool explore,
                  PerceptronTrainer* labels, Tally* tally) {
    if (move == Move::kShift) return -1;
    const int n = st_.n();
    if (move == Move::kLeft && st_.Buffer(0) == n) return parser_.root_label_;
    const int dep = st_.Stack(0);
    const int head = move == Move::kLeft ? st_.Buffer(0) : st_.Stack(1);
    parser_.LabelFeatures(ex.words, st_, dep, head, &keys_);
    labels->Score(keys_.data(), keys_.size(), label_scores_.data());
    int guess = -1;
    for (int l = 0; l < static_cast<int>(label_scores_.size()); ++l) {
      if (l != parser_.root_label_ && (guess < 0 || label_scores_[l] > label_scores_[guess])) {
        guess = l;
      }
    }
    if (gold[dep] != head || gold_labels[dep] == parser_.root_label_) return guess;
    const int truth = gold_labels[dep];
    ++tally->labels;
    if (guess != truth) {
      labels->Update(keys_.data(), keys_.size(), truth, guess);
    } else {
      ++tally->labels_right;
    }
    labels->Tick();
    return explore ? guess : truth;
  }

  // LAS (universal relation: the part before ':') and UAS in percent on `dev`.
  double Score(const std::vector<ParserExample>& dev, double* uas) const {
    ParserScratch scratch;
    std::vector<int32_t> heads;
    std::vector<uint16_t> labels;
    size_t words = 0, right_heads = 0, right_arcs = 0;
    for (const ParserExample& ex : dev) {
      if (!Usable(ex)) continue;
      parser_.Parse(ex.words, &scratch, &heads, &labels);
      for (size_t i = 0; i < heads.size(); ++i) {
        ++words;
        if (heads[i] != ex.heads[i]) continue;
        ++right_heads;
        std::string_view got = parser_.label(labels[i]), want = ex.labels[i];
        right_arcs += got.substr(0, got.find(':')) == want.substr(0, want.find(':'));
      }
    }
    *uas = words ? 100.0 * right_heads / words : 0;
    return words ? 100.0 * right_arcs / words : 0;
  }

  const std::vector<ParserExample>& examples_;
  ParserOptions options_;
  DependencyParser parser_;
  std::unique_ptr<DependencyParser> best_;
  std::map<std::string, int> names_;
  std::vector<std::vector<int>> gold_heads_, gold_labels_;
  ParserState st_;
  std::vector<uint32_t> keys_;
  std::vector<float> label_scores_;
};

DependencyParser DependencyParser::Train(const std::vector<ParserExample>& examples,
                                         const ParserOptions& options) {
  return ParserTraining(examples, options).Run();
}

void DependencyParser::Serialize(std::string* out) const {
  BinaryWriter w(out);
  w.Varint(kFormatVersion);
  w.Varint(labels_.size());
  for (const std::string& l : labels_) w.String(l);
  w.Varint(root_label_);
  w.U8(cluster_features_ ? 1 : 0);
  std::string model;
  move_model_.Serialize(&model);
  w.String(model);
  model.clear();
  label_model_.Serialize(&model);
  w.String(model);
}

Result<DependencyParser> DependencyParser::Deserialize(std::string_view data) {
  BinaryReader r(data);
  DependencyParser p;
  uint64_t version = 0, n = 0, root = 0;
  uint8_t clusters = 0;
  if (!r.Varint(&version) || version != kFormatVersion) {
    return Status::Corruption("parser: unknown format (retrain with this version)");
  }
  if (!r.Size(4096, &n) || n == 0) return Status::Corruption("parser: bad label count");
  p.labels_.resize(n);
  for (std::string& l : p.labels_) {
    if (!r.String(&l)) break;
  }
  std::string moves, labels;
  if (!r.Size(n - 1, &root) || !r.U8(&clusters) || !r.String(&moves) || !r.String(&labels) ||
      !r.AtEnd()) {
    return Status::Corruption("parser: truncated");
  }
  p.root_label_ = static_cast<int>(root);
  p.cluster_features_ = clusters != 0;
  SITREP_ASSIGN_OR_RETURN(p.move_model_, LinearModel::Deserialize(moves));
  SITREP_ASSIGN_OR_RETURN(p.label_model_, LinearModel::Deserialize(labels));
  if (p.move_model_.num_classes() != 3 || p.label_model_.num_classes() != n) {
    return Status::Corruption("parser: class count mismatch");
  }
  return p;
}

}  // namespace sitrep
