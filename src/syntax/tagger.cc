#include "syntax/tagger.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <random>

#include "syntax/binary_io.h"
#include "syntax/feature_hash.h"
#include "syntax/perceptron.h"

namespace sitrep {

namespace {

constexpr uint64_t kNone = 0x5eed;  // value of a position outside the sentence
constexpr uint64_t kStart = 0xffff;  // previous tag before the first word
constexpr uint64_t kFormatVersion = 2;

// Fisher-Yates with std::mt19937_64 (whose output is fixed by the standard), so the order
// is identical on every platform.
void Shuffle(std::vector<size_t>* order, std::mt19937_64* rng) {
  for (size_t i = order->size(); i > 1; --i) std::swap((*order)[i - 1], (*order)[(*rng)() % i]);
}

std::string TagName(const ConllWord& w) { return w.upos + "/" + w.xpos; }

}  // namespace

void Tagger::Features(const std::vector<WordAtoms>& atoms, size_t i, int prev1, int prev2,
                      std::vector<uint32_t>* keys) const {
  const WordAtoms& w = atoms[i];
  auto at = [&](long j) -> const WordAtoms* {
    return (j < 0 || j >= static_cast<long>(atoms.size())) ? nullptr : &atoms[j];
  };
  const WordAtoms* l1 = at(static_cast<long>(i) - 1);
  const WordAtoms* l2 = at(static_cast<long>(i) - 2);
  const WordAtoms* r1 = at(static_cast<long>(i) + 1);
  const WordAtoms* r2 = at(static_cast<long>(i) + 2);
  uint64_t p1 = prev1 < 0 ? kStart : static_cast<uint64_t>(prev1);
  uint64_t p2 = prev2 < 0 ? kStart : static_cast<uint64_t>(prev2);
  uint64_t l1w = l1 ? l1->lower : kNone, l2w = l2 ? l2->lower : kNone;
  uint64_t r1w = r1 ? r1->lower : kNone, r2w = r2 ? r2->lower : kNone;
  uint64_t flags = (w.capitalized ? 1 : 0) | (w.has_digit ? 2 : 0) | (w.has_hyphen ? 4 : 0) |
                   (i == 0 ? 8 : 0);
  auto& k = *keys;
  k.clear();
  k.push_back(FeatureKey(0, 1));
  k.push_back(FeatureKey(1, w.lower));
  k.push_back(FeatureKey(2, w.exact));
  for (int s = 0; s < 4; ++s) k.push_back(FeatureKey(3 + s, w.suffix[s]));
  for (int p = 0; p < 3; ++p) k.push_back(FeatureKey(7 + p, w.prefix[p]));
  k.push_back(FeatureKey(10, w.shape));
  k.push_back(FeatureKey(11, flags));
  k.push_back(FeatureKey(12, l1w));
  k.push_back(FeatureKey(13, l2w));
  k.push_back(FeatureKey(14, r1w));
  k.push_back(FeatureKey(15, r2w));
  k.push_back(FeatureKey(16, p1));
  k.push_back(FeatureKey(17, p1, p2));
  k.push_back(FeatureKey(18, p1, w.lower));
  k.push_back(FeatureKey(19, p1, w.suffix[2]));
  k.push_back(FeatureKey(20, l1 ? l1->suffix[2] : kNone));
  k.push_back(FeatureKey(21, r1 ? r1->suffix[2] : kNone));
  k.push_back(FeatureKey(22, l1 ? l1->shape : kNone, w.shape));
  k.push_back(FeatureKey(23, r1 ? r1->shape : kNone, w.shape));
  k.push_back(FeatureKey(24, l1w, w.lower));
  k.push_back(FeatureKey(25, w.lower, r1w));
  k.push_back(FeatureKey(26, p1, r1w));
  k.push_back(FeatureKey(27, w.shape, flags));
  k.push_back(FeatureKey(28, r1 ? r1->suffix[1] : kNone, r2 ? r2->suffix[1] : kNone));
  k.push_back(FeatureKey(29, l1w, r1w));
  k.push_back(FeatureKey(30, p2));
  k.push_back(FeatureKey(31, w.suffix[3], r1w));
  k.push_back(FeatureKey(32, p1, w.shape));
  if (clusters_.empty()) return;
  auto cluster = [](const WordAtoms* a, int g) { return a ? a->cluster[g] : kNone; };
  k.push_back(FeatureKey(40, w.cluster[0]));
  k.push_back(FeatureKey(41, w.cluster[1]));
  k.push_back(FeatureKey(42, w.cluster[2]));
  k.push_back(FeatureKey(43, cluster(l1, 2)));
  k.push_back(FeatureKey(44, cluster(r1, 2)));
  k.push_back(FeatureKey(45, cluster(r1, 1)));
  k.push_back(FeatureKey(46, cluster(r2, 1)));
  k.push_back(FeatureKey(47, p1, w.cluster[1]));
  k.push_back(FeatureKey(48, w.cluster[2], w.suffix[2]));
  k.push_back(FeatureKey(49, w.cluster[1], cluster(r1, 1)));
}

void Tagger::ComputeAtoms(const std::vector<std::string_view>& forms, std::string* lower,
                          std::vector<WordAtoms>* atoms) const {
  atoms->resize(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) {
    WordAtoms& a = (*atoms)[i];
    ComputeWordAtoms(forms[i], lower, &a);
    if (clusters_.empty()) continue;
    for (int g = 0; g < 3; ++g) a.cluster[g] = clusters_.Atom(a.lower, WordClusters::kPrefixBits[g]);
  }
}

int Tagger::DictionaryTag(uint64_t exact) const {
  auto it = dictionary_.find(exact);
  return it == dictionary_.end() ? -1 : it->second;
}

int Tagger::FindTag(std::string_view upos, std::string_view xpos) const {
  for (size_t t = 0; t < upos_.size(); ++t) {
    if (upos_[t] == upos && xpos_[t] == xpos) return static_cast<int>(t);
  }
  return -1;
}

void Tagger::Tag(const std::vector<std::string_view>& forms, TaggerScratch* scratch,
                 std::vector<uint16_t>* tags) const {
  const size_t n = forms.size();
  ComputeAtoms(forms, &scratch->lower, &scratch->atoms);
  tags->assign(n, 0);
  scratch->scores.resize(num_tags());
  int prev1 = -1, prev2 = -1;
  for (size_t i = 0; i < n; ++i) {
    int tag = DictionaryTag(scratch->atoms[i].exact);
    if (tag < 0) {
      Features(scratch->atoms, i, prev1, prev2, &scratch->keys);
      std::fill(scratch->scores.begin(), scratch->scores.end(), 0);
      model_.Score(scratch->keys.data(), scratch->keys.size(), scratch->scores.data());
      tag = static_cast<int>(std::max_element(scratch->scores.begin(), scratch->scores.end()) -
                             scratch->scores.begin());
    }
    (*tags)[i] = static_cast<uint16_t>(tag);
    prev2 = prev1;
    prev1 = tag;
  }
}

// Training state kept apart from the immutable Tagger.
class TaggerTraining {
 public:
  TaggerTraining(const std::vector<ConllSentence>& sentences, const TaggerOptions& options)
      : sentences_(sentences), options_(options) {}

  Tagger Run() {
    if (options_.clusters) tagger_.clusters_ = *options_.clusters;
    CollectTags();
    PrepareSentences();
    BuildDictionary();
    PerceptronTrainer trainer(static_cast<uint32_t>(tagger_.num_tags()));
    std::vector<size_t> order(atoms_.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::mt19937_64 rng(options_.seed);
    double best_accuracy = -1;
    LinearModel best;
    for (int epoch = 0; epoch < options_.epochs; ++epoch) {
      Shuffle(&order, &rng);
      size_t correct = 0, total = 0;
      for (size_t s : order) TrainSentence(s, &trainer, &correct, &total);
      if (options_.verbose) {
        std::fprintf(stderr, "tagger epoch %d: train accuracy %.4f, %zu features\n", epoch + 1,
                     total ? double(correct) / total : 0.0, trainer.num_features());
      }
      if (!options_.dev) continue;
      tagger_.model_ = trainer.Finish();
      double accuracy = DevAccuracy(*options_.dev);
      if (options_.verbose) {
        std::fprintf(stderr, "tagger epoch %d: dev UPOS+XPOS accuracy %.2f%s\n", epoch + 1,
                     accuracy, accuracy > best_accuracy ? " (best so far)" : "");
      }
      if (accuracy > best_accuracy) {
        best_accuracy = accuracy;
        best = std::move(tagger_.model_);
      }
    }
    tagger_.model_ = options_.dev ? std::move(best) : trainer.Finish();
    return std::move(tagger_);
  }

 private:
  // Percentage of dev words whose UPOS and XPOS are both right.
  double DevAccuracy(const std::vector<ConllSentence>& dev) const {
    TaggerScratch scratch;
    std::vector<std::string_view> forms;
    std::vector<uint16_t> tags;
    size_t right = 0, total = 0;
    for (const ConllSentence& s : dev) {
      forms.clear();
      for (const ConllWord& w : s.words) forms.push_back(w.form);
      tagger_.Tag(forms, &scratch, &tags);
      for (size_t i = 0; i < tags.size(); ++i) {
        ++total;
        right += tagger_.upos(tags[i]) == s.words[i].upos && tagger_.xpos(tags[i]) == s.words[i].xpos;
      }
    }
    return total ? 100.0 * right / total : 0.0;
  }

  void CollectTags() {
    std::map<std::string, int> names;
    for (const ConllSentence& s : sentences_) {
      for (const ConllWord& w : s.words) {
        if (w.upos != "_") names[TagName(w)] = 0;
      }
    }
    for (auto& [name, id] : names) {
      id = static_cast<int>(tagger_.upos_.size());
      size_t slash = name.find('/');
      tagger_.upos_.push_back(name.substr(0, slash));
      tagger_.xpos_.push_back(name.substr(slash + 1));
    }
    names_ = std::move(names);
  }

  void PrepareSentences() {
    std::string lower;
    std::vector<std::string_view> forms;
    for (const ConllSentence& s : sentences_) {
      std::vector<WordAtoms> atoms;
      std::vector<int> gold(s.words.size(), -1);
      forms.clear();
      for (const ConllWord& w : s.words) forms.push_back(w.form);
      tagger_.ComputeAtoms(forms, &lower, &atoms);
      for (size_t i = 0; i < s.words.size(); ++i) {
        if (s.words[i].upos != "_") gold[i] = names_[TagName(s.words[i])];
      }
      atoms_.push_back(std::move(atoms));
      gold_.push_back(std::move(gold));
    }
  }

  void BuildDictionary() {
    std::map<uint64_t, std::map<int, int>> counts;
    for (size_t s = 0; s < atoms_.size(); ++s) {
      for (size_t i = 0; i < atoms_[s].size(); ++i) {
        if (gold_[s][i] >= 0) ++counts[atoms_[s][i].exact][gold_[s][i]];
      }
    }
    for (const auto& [word, tags] : counts) {
      int total = 0, best = 0, best_tag = 0;
      for (auto [tag, c] : tags) {
        total += c;
        if (c > best) best = c, best_tag = tag;
      }
      if (total >= options_.dictionary_min_count &&
          best >= options_.dictionary_min_share * total) {
        tagger_.dictionary_[word] = static_cast<uint16_t>(best_tag);
      }
    }
  }

  void TrainSentence(size_t s, PerceptronTrainer* trainer, size_t* correct, size_t* total) {
    const auto& atoms = atoms_[s];
    std::vector<uint32_t> keys;
    std::vector<float> scores(trainer->num_classes());
    int prev1 = -1, prev2 = -1;
    for (size_t i = 0; i < atoms.size(); ++i) {
      int gold = gold_[s][i];
      int guess = tagger_.DictionaryTag(atoms[i].exact);
      if (guess < 0) {
        tagger_.Features(atoms, i, prev1, prev2, &keys);
        trainer->Score(keys.data(), keys.size(), scores.data());
        guess = static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
        if (gold >= 0 && guess != gold) trainer->Update(keys.data(), keys.size(), gold, guess);
        trainer->Tick();
      }
      if (gold >= 0) {
        *correct += guess == gold;
        ++*total;
      }
      prev2 = prev1;
      prev1 = guess;
    }
  }

  const std::vector<ConllSentence>& sentences_;
  TaggerOptions options_;
  Tagger tagger_;
  std::map<std::string, int> names_;
  std::vector<std::vector<WordAtoms>> atoms_;
  std::vector<std::vector<int>> gold_;
};

Tagger Tagger::Train(const std::vector<ConllSentence>& sentences, const TaggerOptions& options) {
  return TaggerTraining(sentences, options).Run();
}

void Tagger::Serialize(std::string* out) const {
  BinaryWriter w(out);
  w.Varint(0);  // marks the format with clusters (the first format began with the tag count)
  w.Varint(kFormatVersion);
  w.Varint(upos_.size());
  for (size_t t = 0; t < upos_.size(); ++t) {
    w.String(upos_[t]);
    w.String(xpos_[t]);
  }
  std::vector<std::pair<uint64_t, uint16_t>> dict(dictionary_.begin(), dictionary_.end());
  std::sort(dict.begin(), dict.end());
  w.Varint(dict.size());
  for (auto [word, tag] : dict) {
    w.U64(word);
    w.Varint(tag);
  }
  std::string model;
  model_.Serialize(&model);
  w.String(model);
  std::string clusters;
  clusters_.Serialize(&clusters);
  w.String(clusters);
}

Result<Tagger> Tagger::Deserialize(std::string_view data) {
  BinaryReader r(data);
  Tagger t;
  uint64_t marker = 0, version = 0, num_tags = 0, dict_size = 0;
  if (!r.Varint(&marker) || marker != 0 || !r.Varint(&version) || version != kFormatVersion) {
    return Status::Corruption("tagger: unknown format (retrain with this version)");
  }
  if (!r.Size(65535, &num_tags)) return Status::Corruption("tagger: bad tag count");
  t.upos_.resize(num_tags);
  t.xpos_.resize(num_tags);
  for (size_t i = 0; i < num_tags; ++i) {
    if (!r.String(&t.upos_[i]) || !r.String(&t.xpos_[i])) break;
  }
  if (!r.Size(data.size(), &dict_size)) return Status::Corruption("tagger: truncated");
  for (size_t i = 0; i < dict_size; ++i) {
    uint64_t word = 0, tag = 0;
    if (!r.U64(&word) || !r.Varint(&tag)) break;
    if (tag >= num_tags) return Status::Corruption("tagger: dictionary tag out of range");
    t.dictionary_[word] = static_cast<uint16_t>(tag);
  }
  std::string_view model, clusters;
  if (!r.StringView(&model) || !r.StringView(&clusters) || !r.AtEnd()) {
    return Status::Corruption("tagger: truncated");
  }
  SITREP_ASSIGN_OR_RETURN(t.model_, LinearModel::Deserialize(model));
  SITREP_ASSIGN_OR_RETURN(t.clusters_, WordClusters::Deserialize(clusters));
  if (t.model_.num_classes() != num_tags) return Status::Corruption("tagger: class count mismatch");
  return t;
}

}  // namespace sitrep
