#include "syntax/linear_model.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cstdlib>

#include "syntax/binary_io.h"

namespace sitrep {

namespace {

inline uint32_t SlotHash(uint32_t key) { return key * 0x9E3779B1u; }

// scores[0..n) += w[0..n), eight classes at a time where SSE2 is available.
inline void AddDense(const int16_t* w, uint32_t n, int32_t* scores) {
  uint32_t c = 0;
#ifdef __SSE2__
  for (; c + 8 <= n; c += 8) {
    __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(w + c));
    __m128i lo = _mm_srai_epi32(_mm_unpacklo_epi16(x, x), 16);
    __m128i hi = _mm_srai_epi32(_mm_unpackhi_epi16(x, x), 16);
    __m128i* out = reinterpret_cast<__m128i*>(scores + c);
    _mm_storeu_si128(out, _mm_add_epi32(_mm_loadu_si128(out), lo));
    _mm_storeu_si128(out + 1, _mm_add_epi32(_mm_loadu_si128(out + 1), hi));
  }
#endif
  for (; c < n; ++c) scores[c] += w[c];
}

}  // namespace

LinearModel LinearModel::BuildFlat(uint32_t num_classes, float scale,
                                   const std::vector<uint32_t>& keys,
                                   const std::vector<uint32_t>& begin,
                                   const std::vector<Entry>& entries) {
  LinearModel m;
  m.num_classes_ = num_classes;
  m.scale_ = scale;
  m.dense_stride_ = (num_classes + 7) / 8 * 8;
  size_t capacity = 16;
  while (capacity < keys.size() * 2) capacity *= 2;
  m.slots_.assign(capacity, Slot{0, 0, 0});
  m.entries_.reserve(entries.size());
  for (size_t r = 0; r < keys.size(); ++r) {
    if (begin[r + 1] > begin[r]) m.Insert(keys[r], &entries[begin[r]], begin[r + 1] - begin[r]);
  }
  m.entries_.shrink_to_fit();
  m.dense_.shrink_to_fit();
  return m;
}

LinearModel LinearModel::Build(uint32_t num_classes, float scale, std::vector<Row> rows) {
  std::vector<uint32_t> keys, begin{0};
  std::vector<Entry> entries;
  for (const Row& r : rows) {
    keys.push_back(r.key);
    entries.insert(entries.end(), r.entries.begin(), r.entries.end());
    begin.push_back(static_cast<uint32_t>(entries.size()));
  }
  return BuildFlat(num_classes, scale, keys, begin, entries);
}

size_t LinearModel::Home(uint32_t key) const {
  return SlotHash(key) & static_cast<uint32_t>(slots_.size() - 1);
}

// A row is dense when it fills more than a quarter of the classes: a dense add is then
// cheaper than the scattered one.
void LinearModel::Insert(uint32_t key, const Entry* entries, size_t n) {
  const size_t mask = slots_.size() - 1;
  size_t i = Home(key);
  while (slots_[i].begin != slots_[i].end) i = (i + 1) & mask;
  Slot& s = slots_[i];
  s.key = key;
  ++num_rows_;
  if (n * 4 > dense_stride_) {
    uint32_t row = static_cast<uint32_t>(dense_.size() / dense_stride_);
    dense_.resize(dense_.size() + dense_stride_, 0);
    int16_t* w = &dense_[static_cast<size_t>(row) * dense_stride_];
    for (size_t e = 0; e < n; ++e) w[entries[e].label] = entries[e].weight;
    s.begin = row | kDenseFlag;
    s.end = s.begin + 1;
  } else {
    s.begin = static_cast<uint32_t>(entries_.size());
    entries_.insert(entries_.end(), entries, entries + n);
    s.end = static_cast<uint32_t>(entries_.size());
  }
}

const LinearModel::Slot* LinearModel::Find(uint32_t key) const {
  if (slots_.empty()) return nullptr;
  const size_t mask = slots_.size() - 1;
  size_t i = Home(key);
  while (true) {
    const Slot& s = slots_[i];
    if (s.begin == s.end) return nullptr;
    if (s.key == key) return &s;
    i = (i + 1) & mask;
  }
}

void LinearModel::Score(const uint32_t* keys, size_t n, int32_t* scores) const {
  if (slots_.empty()) return;
  // Three passes over chunks of features: prefetch the slots, find them and prefetch their
  // weights, then add. The lookups are independent, so their cache misses overlap instead
  // of following one another (the model is far larger than the caches).
  constexpr size_t kChunk = 64;
  const Slot* found[kChunk];
  for (size_t base = 0; base < n; base += kChunk) {
    const size_t m = std::min(kChunk, n - base);
    for (size_t f = 0; f < m; ++f) __builtin_prefetch(&slots_[Home(keys[base + f])]);
    for (size_t f = 0; f < m; ++f) {
      const Slot* s = Find(keys[base + f]);
      found[f] = s;
      if (!s) continue;
      if (s->begin & kDenseFlag) {
        const int16_t* w = &dense_[static_cast<size_t>(s->begin & ~kDenseFlag) * dense_stride_];
        for (uint32_t c = 0; c < num_classes_; c += 32) __builtin_prefetch(w + c);
      } else {
        __builtin_prefetch(&entries_[s->begin]);
        if (s->end - s->begin > 16) __builtin_prefetch(&entries_[s->begin + 16]);
      }
    }
    for (size_t f = 0; f < m; ++f) {
      const Slot* s = found[f];
      if (!s) continue;
      if (s->begin & kDenseFlag) {
        AddDense(&dense_[static_cast<size_t>(s->begin & ~kDenseFlag) * dense_stride_],
                 num_classes_, scores);
        continue;
      }
      for (uint32_t e = s->begin; e < s->end; ++e) scores[entries_[e].label] += entries_[e].weight;
    }
  }
}

// Calls fn(key, entries, count) for every row (dense rows are converted to entries).
template <typename Fn>
static void ForEachRow(const std::vector<LinearModel::Entry>& entries,
                       const std::vector<int16_t>& dense, uint32_t stride, uint32_t num_classes,
                       uint32_t key, uint32_t begin, uint32_t end, uint32_t dense_flag, Fn fn) {
  if (begin & dense_flag) {
    std::vector<LinearModel::Entry> row;
    const int16_t* w = &dense[static_cast<size_t>(begin & ~dense_flag) * stride];
    for (uint32_t c = 0; c < num_classes; ++c) {
      if (w[c] != 0) row.push_back({static_cast<uint16_t>(c), w[c]});
    }
    fn(key, row.data(), row.size());
  } else {
    fn(key, entries.data() + begin, end - begin);
  }
}

LinearModel LinearModel::Pruned(int min_abs) const {
  std::vector<uint32_t> keys, begin{0};
  std::vector<Entry> kept;
  for (const Slot& s : slots_) {
    if (s.begin == s.end) continue;
    ForEachRow(entries_, dense_, dense_stride_, num_classes_, s.key, s.begin, s.end, kDenseFlag,
               [&](uint32_t key, const Entry* row, size_t n) {
                 size_t before = kept.size();
                 for (size_t e = 0; e < n; ++e) {
                   if (std::abs(static_cast<int>(row[e].weight)) >= min_abs) kept.push_back(row[e]);
                 }
                 if (kept.size() > before) {
                   keys.push_back(key);
                   begin.push_back(static_cast<uint32_t>(kept.size()));
                 }
               });
  }
  return BuildFlat(num_classes_, scale_, keys, begin, kept);
}

size_t LinearModel::MemoryBytes() const {
  return slots_.capacity() * sizeof(Slot) + entries_.capacity() * sizeof(Entry) +
         dense_.capacity() * sizeof(int16_t);
}

// Layout: num_classes, scale, rows; rows sorted by key, keys delta-coded; per row the entry
// count, then (label delta, zigzag weight) pairs with labels ascending.
void LinearModel::Serialize(std::string* out) const {
  std::vector<const Slot*> used;
  used.reserve(num_rows_);
  for (const Slot& s : slots_) {
    if (s.begin != s.end) used.push_back(&s);
  }
  std::sort(used.begin(), used.end(), [](const Slot* a, const Slot* b) { return a->key < b->key; });
  BinaryWriter w(out);
  w.Varint(num_classes_);
  w.F32(scale_);
  w.Varint(used.size());
  uint32_t prev = 0;
  for (const Slot* s : used) {
    ForEachRow(entries_, dense_, dense_stride_, num_classes_, s->key, s->begin, s->end, kDenseFlag,
               [&](uint32_t key, const Entry* entries, size_t n) {
                 w.Varint(key - prev);
                 prev = key;
                 std::vector<Entry> row(entries, entries + n);
                 std::sort(row.begin(), row.end(),
                           [](Entry a, Entry b) { return a.label < b.label; });
                 w.Varint(row.size());
                 uint32_t prev_label = 0;
                 for (const Entry& e : row) {
                   w.Varint(e.label - prev_label);
                   prev_label = e.label;
                   w.Signed(e.weight);
                 }
               });
  }
}

Result<LinearModel> LinearModel::Deserialize(std::string_view data) {
  BinaryReader r(data);
  uint64_t num_classes = 0, num_rows = 0;
  float scale = 0;
  if (!r.Size(65535, &num_classes) || !r.F32(&scale) || !r.Size(data.size(), &num_rows)) {
    return Status::Corruption("linear model header is truncated");
  }
  std::vector<uint32_t> keys(num_rows), begin{0};
  begin.reserve(num_rows + 1);
  std::vector<Entry> entries;
  entries.reserve(data.size() / 3);
  uint32_t key = 0;
  for (uint64_t row = 0; row < num_rows && r.ok(); ++row) {
    uint64_t delta = 0, count = 0;
    if (!r.Size(UINT32_MAX, &delta) || !r.Size(num_classes, &count)) break;
    if (row > 0 && delta == 0) return Status::Corruption("linear model keys are not increasing");
    key += static_cast<uint32_t>(delta);
    keys[row] = key;
    uint64_t label = 0;
    for (uint64_t e = 0; e < count; ++e) {
      uint64_t d = 0;
      int64_t weight = 0;
      if (!r.Varint(&d) || !r.Signed(&weight)) break;
      label += d;
      if (label >= num_classes || weight < INT16_MIN || weight > INT16_MAX) {
        return Status::Corruption("linear model entry out of range");
      }
      entries.push_back(Entry{static_cast<uint16_t>(label), static_cast<int16_t>(weight)});
    }
    begin.push_back(static_cast<uint32_t>(entries.size()));
  }
  if (!r.ok() || !r.AtEnd()) return Status::Corruption("linear model rows are truncated");
  return BuildFlat(static_cast<uint32_t>(num_classes), scale, keys, begin, entries);
}

}  // namespace sitrep
