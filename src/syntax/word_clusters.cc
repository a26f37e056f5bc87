#include "syntax/word_clusters.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "syntax/binary_io.h"
#include "syntax/feature_hash.h"
#include "syntax/word_features.h"

namespace sitrep {

namespace {

// The vocabulary (frequent words, most frequent first) and its bigram counts.
struct Corpus {
  std::vector<std::string> words;
  std::vector<double> counts;
  std::vector<double> left, right;  // bigrams that start / end with the word
  std::vector<std::vector<std::pair<int, double>>> next, prev;
  double bigrams = 0;
};

Corpus Count(const std::vector<std::vector<std::string>>& sentences, int min_count) {
  std::unordered_map<std::string, double> freq;
  std::string lower;
  std::vector<std::vector<std::string>> lowered(sentences.size());
  for (size_t s = 0; s < sentences.size(); ++s) {
    for (const std::string& token : sentences[s]) {
      LowerAscii(token, &lower);
      ++freq[lower];
      lowered[s].push_back(lower);
    }
  }
  std::vector<std::pair<std::string, double>> vocab;
  for (auto& [word, count] : freq) {
    if (count >= min_count) vocab.emplace_back(word, count);
  }
  std::sort(vocab.begin(), vocab.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  Corpus c;
  std::unordered_map<std::string, int> id;
  for (auto& [word, count] : vocab) {
    id[word] = static_cast<int>(c.words.size());
    c.words.push_back(word);
    c.counts.push_back(count);
  }
  const size_t v = c.words.size();
  std::unordered_map<uint64_t, double> pairs;
  for (const auto& sentence : lowered) {
    for (size_t i = 0; i + 1 < sentence.size(); ++i) {
      auto a = id.find(sentence[i]), b = id.find(sentence[i + 1]);
      if (a == id.end() || b == id.end()) continue;
      ++pairs[static_cast<uint64_t>(a->second) * v + b->second];
    }
  }
  c.left.assign(v, 0);
  c.right.assign(v, 0);
  c.next.resize(v);
  c.prev.resize(v);
  for (auto [key, count] : pairs) {
    int a = static_cast<int>(key / v), b = static_cast<int>(key % v);
    c.next[a].emplace_back(b, count);
    c.prev[b].emplace_back(a, count);
    c.left[a] += count;
    c.right[b] += count;
    c.bigrams += count;
  }
  for (size_t w = 0; w < v; ++w) {
    std::sort(c.next[w].begin(), c.next[w].end());
    std::sort(c.prev[w].begin(), c.prev[w].end());
  }
  return c;
}

// The clustering state: `slots` = C + 1 class slots with dense bigram counts between them,
// their mutual-information terms q and the loss of merging each pair.
class Brown {
 public:
  Brown(const Corpus& corpus, int num_clusters)
      : corpus_(corpus), slots_(num_clusters + 1), total_(corpus.bigrams),
        n_(slots_ * slots_, 0), q_(slots_ * slots_, 0), loss_(slots_ * slots_, 0),
        pl_(slots_, 0), pr_(slots_, 0), active_(slots_, false), members_(slots_),
        cluster_of_(corpus.words.size(), -1) {}

  // Runs the whole algorithm; returns each word's path and its length.
  void Run(bool verbose, std::vector<uint32_t>* paths, std::vector<int>* lengths) {
    const int v = static_cast<int>(corpus_.words.size());
    for (int w = 0; w < v; ++w) {
      Add(w, FreeSlot());
      if (ActiveCount() == slots_) {
        auto [a, b] = BestPair();
        Merge(a, b);
      }
      if (verbose && (w + 1) % 2000 == 0) std::fprintf(stderr, "clusters: %d/%d words\n", w + 1, v);
    }
    // Merge the final classes down to one, recording the tree.
    leaf_members_ = members_;
    std::vector<int> node(slots_, -1);
    std::vector<std::pair<int, int>> children;  // internal nodes; leaves are -(slot + 1)
    for (int s = 0; s < slots_; ++s) {
      if (active_[s]) node[s] = -(s + 1);
    }
    while (ActiveCount() > 1) {
      auto [a, b] = BestPair();
      children.emplace_back(node[a], node[b]);
      node[a] = static_cast<int>(children.size()) - 1;
      node[b] = -1;
      Merge(a, b);
    }
    paths->assign(v, 0);
    lengths->assign(v, 0);
    if (children.empty()) return;  // a single class: every path is empty
    Walk(children, static_cast<int>(children.size()) - 1, 0, 0, paths, lengths);
  }

 private:
  double& N(int a, int b) { return n_[a * slots_ + b]; }
  double& Q(int a, int b) { return q_[a * slots_ + b]; }
  double& Loss(int a, int b) { return loss_[std::min(a, b) * slots_ + std::max(a, b)]; }

  // The mutual-information term of a bigram count with left and right marginals.
  double Term(double n, double left, double right) const {
    return n > 0 ? n / total_ * std::log(n * total_ / (left * right)) : 0.0;
  }

  int FreeSlot() const {
    for (int s = 0; s < slots_; ++s) {
      if (!active_[s]) return s;
    }
    return -1;
  }
  int ActiveCount() const { return static_cast<int>(std::count(active_.begin(), active_.end(), true)); }

  void RecomputeTerms(int k) {
    for (int x = 0; x < slots_; ++x) {
      if (!active_[x]) continue;
      Q(k, x) = Term(N(k, x), pl_[k], pr_[x]);
      Q(x, k) = Term(N(x, k), pl_[x], pr_[k]);
    }
  }

  // The loss of merging i and j, from scratch (O(C)).
  double FullLoss(int i, int j) {
    const double l = pl_[i] + pl_[j], r = pr_[i] + pr_[j];
    double loss = Q(i, i) + Q(i, j) + Q(j, i) + Q(j, j) -
                  Term(N(i, i) + N(i, j) + N(j, i) + N(j, j), l, r);
    for (int x = 0; x < slots_; ++x) {
      if (!active_[x] || x == i || x == j) continue;
      loss += Q(i, x) + Q(x, i) + Q(j, x) + Q(x, j) - Term(N(i, x) + N(j, x), l, pr_[x]) -
              Term(N(x, i) + N(x, j), pl_[x], r);
    }
    return loss;
  }

  // The part of Loss(i, j) that involves the other class x.
  double Share(int i, int j, int x, double l, double r) {
    return Q(i, x) + Q(x, i) + Q(j, x) + Q(x, j) - Term(N(i, x) + N(j, x), l, pr_[x]) -
           Term(N(x, i) + N(x, j), pl_[x], r);
  }

  void Add(int w, int k) {
    cluster_of_[w] = k;
    members_[k] = {w};
    for (int x = 0; x < slots_; ++x) N(k, x) = N(x, k) = 0;
    for (auto [u, count] : corpus_.next[w]) {
      if (cluster_of_[u] >= 0) N(k, cluster_of_[u]) += count;
    }
    for (auto [u, count] : corpus_.prev[w]) {
      if (cluster_of_[u] >= 0 && u != w) N(cluster_of_[u], k) += count;
    }
    pl_[k] = corpus_.left[w];
    pr_[k] = corpus_.right[w];
    active_[k] = true;
    RecomputeTerms(k);
    // Existing pairs gain the terms of the new class.
    for (int i = 0; i < slots_; ++i) {
      if (!active_[i] || i == k) continue;
      for (int j = i + 1; j < slots_; ++j) {
        if (!active_[j] || j == k) continue;
        Loss(i, j) += Share(i, j, k, pl_[i] + pl_[j], pr_[i] + pr_[j]);
      }
    }
    for (int x = 0; x < slots_; ++x) {
      if (active_[x] && x != k) Loss(k, x) = FullLoss(k, x);
    }
  }

  std::pair<int, int> BestPair() {
    int best_i = -1, best_j = -1;
    double best = 0;
    for (int i = 0; i < slots_; ++i) {
      if (!active_[i]) continue;
      for (int j = i + 1; j < slots_; ++j) {
        if (!active_[j]) continue;
        double l = Loss(i, j);
        if (best_i < 0 || l < best) best = l, best_i = i, best_j = j;
      }
    }
    return {best_i, best_j};
  }

  // Merges class b into class a.
  void Merge(int a, int b) {
    const double l_ab = pl_[a] + pl_[b], r_ab = pr_[a] + pr_[b];
    // Terms of every class with the merged class, before the counts change.
    std::vector<double> to_ab(slots_), from_ab(slots_);
    for (int i = 0; i < slots_; ++i) {
      if (!active_[i] || i == a || i == b) continue;
      to_ab[i] = Term(N(i, a) + N(i, b), pl_[i], r_ab);
      from_ab[i] = Term(N(a, i) + N(b, i), l_ab, pr_[i]);
    }
    for (int i = 0; i < slots_; ++i) {
      if (!active_[i] || i == a || i == b) continue;
      for (int j = i + 1; j < slots_; ++j) {
        if (!active_[j] || j == a || j == b) continue;
        const double l = pl_[i] + pl_[j], r = pr_[i] + pr_[j];
        const double merged = to_ab[i] + from_ab[i] + to_ab[j] + from_ab[j] -
                              Term(N(i, a) + N(i, b) + N(j, a) + N(j, b), l, r_ab) -
                              Term(N(a, i) + N(b, i) + N(a, j) + N(b, j), l_ab, r);
        Loss(i, j) += merged - Share(i, j, a, l, r) - Share(i, j, b, l, r);
      }
    }
    const double self = N(a, a) + N(a, b) + N(b, a) + N(b, b);
    for (int x = 0; x < slots_; ++x) {
      N(a, x) += N(b, x);
      N(x, a) += N(x, b);
    }
    N(a, a) = self;
    for (int x = 0; x < slots_; ++x) N(b, x) = N(x, b) = 0;
    pl_[a] = l_ab;
    pr_[a] = r_ab;
    active_[b] = false;
    for (int w : members_[b]) cluster_of_[w] = a;
    members_[a].insert(members_[a].end(), members_[b].begin(), members_[b].end());
    members_[b].clear();
    RecomputeTerms(a);
    for (int x = 0; x < slots_; ++x) {
      if (active_[x] && x != a) Loss(a, x) = FullLoss(a, x);
    }
  }

  void Walk(const std::vector<std::pair<int, int>>& children, int node, uint32_t path,
            int length, std::vector<uint32_t>* paths, std::vector<int>* lengths) {
    if (node < 0) {
      for (int w : leaf_members_[-node - 1]) {
        (*paths)[w] = path;
        (*lengths)[w] = length;
      }
      return;
    }
    // Paths longer than 32 bits keep their first 32 decisions.
    auto [left, right] = children[node];
    const bool room = length < 32;
    Walk(children, left, room ? path << 1 : path, room ? length + 1 : length, paths, lengths);
    Walk(children, right, room ? (path << 1) | 1 : path, room ? length + 1 : length, paths,
         lengths);
  }

  const Corpus& corpus_;
  const int slots_;
  const double total_;
  std::vector<double> n_, q_, loss_;
  std::vector<double> pl_, pr_;
  std::vector<bool> active_;
  std::vector<std::vector<int>> members_;
  std::vector<std::vector<int>> leaf_members_;  // members when the final merging starts
  std::vector<int> cluster_of_;
};

}  // namespace

WordClusters WordClusters::Train(const std::vector<std::vector<std::string>>& sentences,
                                 const BrownClusteringOptions& options, std::string* dump) {
  Corpus corpus = Count(sentences, std::max(1, options.min_count));
  WordClusters out;
  if (corpus.words.size() < 2 || corpus.bigrams == 0) return out;
  if (options.verbose) {
    std::fprintf(stderr, "clusters: %zu words, %.0f bigrams, %d classes\n", corpus.words.size(),
                 corpus.bigrams, options.num_clusters);
  }
  std::vector<uint32_t> paths;
  std::vector<int> lengths;
  Brown brown(corpus, std::max(2, options.num_clusters));
  brown.Run(options.verbose, &paths, &lengths);
  for (size_t w = 0; w < corpus.words.size(); ++w) {
    out.words_.push_back(
        Word{HashBytes(corpus.words[w]), paths[w], static_cast<uint8_t>(lengths[w])});
    if (dump) {
      std::string bits;
      for (int b = lengths[w] - 1; b >= 0; --b) bits.push_back((paths[w] >> b) & 1 ? '1' : '0');
      *dump += bits + "\t" + corpus.words[w] + "\t" +
               std::to_string(static_cast<long>(corpus.counts[w])) + "\n";
    }
  }
  std::sort(out.words_.begin(), out.words_.end(),
            [](const Word& a, const Word& b) { return a.hash < b.hash; });
  out.words_.erase(std::unique(out.words_.begin(), out.words_.end(),
                               [](const Word& a, const Word& b) { return a.hash == b.hash; }),
                   out.words_.end());
  return out;
}

bool WordClusters::Find(uint64_t lower_hash, uint32_t* path, int* length) const {
  auto it = std::lower_bound(words_.begin(), words_.end(), lower_hash,
                             [](const Word& w, uint64_t h) { return w.hash < h; });
  if (it == words_.end() || it->hash != lower_hash) return false;
  *path = it->path;
  *length = it->length;
  return true;
}

uint64_t WordClusters::Atom(uint64_t lower_hash, int bits) const {
  uint32_t path = 0;
  int length = 0;
  if (!Find(lower_hash, &path, &length)) return 0;
  const int p = std::min(bits, length);
  const uint64_t prefix = p == 0 ? 0 : path >> (length - p);
  return Mix64((static_cast<uint64_t>(p) << 32 | prefix) + 0x2545f4914f6cdd1dULL) | 1;
}

void WordClusters::Serialize(std::string* out) const {
  BinaryWriter w(out);
  w.Varint(words_.size());
  for (const Word& word : words_) {
    w.U64(word.hash);
    w.U8(word.length);
    w.Varint(word.path);
  }
}

Result<WordClusters> WordClusters::Deserialize(std::string_view data) {
  BinaryReader r(data);
  uint64_t n = 0;
  if (!r.Size(data.size(), &n)) return Status::Corruption("clusters: bad word count");
  WordClusters c;
  c.words_.reserve(n);
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t hash = 0, path = 0;
    uint8_t length = 0;
    if (!r.U64(&hash) || !r.U8(&length) || !r.Size(UINT32_MAX, &path)) break;
    if (length > 32 || (length < 32 && path >> length) ||
        (!c.words_.empty() && hash <= c.words_.back().hash)) {
      return Status::Corruption("clusters: malformed entry");
    }
    c.words_.push_back(Word{hash, static_cast<uint32_t>(path), length});
  }
  if (!r.ok() || !r.AtEnd()) return Status::Corruption("clusters: truncated");
  return c;
}

}  // namespace sitrep
