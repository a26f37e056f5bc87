#include "syntax/linear_model.h"

#if defined(__x86_64__)
#include <immintrin.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "syntax/binary_io.h"

namespace sitrep {

namespace {

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

// scores[0..n) += the sum of the rows, with AVX2: 64 classes at a time in eight 8-lane
// int32 accumulators that stay in registers across all rows. The dense rows of a model
// are its most frequent features, so they are in cache and this is pure arithmetic.
#if defined(__x86_64__) && defined(__GNUC__)
#define SITREP_HAVE_AVX2_PATH 1
// Eight int16 weights as eight int32 lanes.
__attribute__((target("avx2"), always_inline)) inline __m256i Widen(const int16_t* w) {
  return _mm256_cvtepi16_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(w)));
}

__attribute__((target("avx2"))) void AddDenseRowsAvx2(const int16_t* const* rows, size_t count,
                                                       uint32_t n, int32_t* scores) {
  uint32_t c = 0;
  for (; c + 64 <= n; c += 64) {
    __m256i acc[8];
    for (int k = 0; k < 8; ++k) {
      acc[k] = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(scores + c + 8 * k));
    }
    for (size_t r = 0; r < count; ++r) {
      for (int k = 0; k < 8; ++k) acc[k] = _mm256_add_epi32(acc[k], Widen(rows[r] + c + 8 * k));
    }
    for (int k = 0; k < 8; ++k) {
      _mm256_storeu_si256(reinterpret_cast<__m256i*>(scores + c + 8 * k), acc[k]);
    }
  }
  for (; c + 8 <= n; c += 8) {
    __m256i acc = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(scores + c));
    for (size_t r = 0; r < count; ++r) acc = _mm256_add_epi32(acc, Widen(rows[r] + c));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(scores + c), acc);
  }
  for (; c < n; ++c) {
    int32_t sum = 0;
    for (size_t r = 0; r < count; ++r) sum += rows[r][c];
    scores[c] += sum;
  }
}
const bool kHaveAvx2 = __builtin_cpu_supports("avx2");
#endif

void AddDenseRows(const int16_t* const* rows, size_t count, uint32_t n, int32_t* scores) {
#ifdef SITREP_HAVE_AVX2_PATH
  if (kHaveAvx2) {
    AddDenseRowsAvx2(rows, count, n, scores);
    return;
  }
#endif
  for (size_t r = 0; r < count; ++r) AddDense(rows[r], n, scores);
}

inline const int16_t* InlineWeights(const uint32_t* slot) {
  return reinterpret_cast<const int16_t*>(slot + 1);
}

inline uint32_t EntryWord(LinearModel::Entry e) {
  return e.label | static_cast<uint32_t>(static_cast<uint16_t>(e.weight)) << 16;
}
inline uint32_t EntryLabel(uint32_t word) { return word & 0xffff; }
inline int32_t EntryWeight(uint32_t word) { return static_cast<int16_t>(word >> 16); }

}  // namespace

LinearModel LinearModel::BuildFlat(uint32_t num_classes, float scale,
                                   const std::vector<uint32_t>& keys,
                                   const std::vector<uint32_t>& begin,
                                   const std::vector<Entry>& entries) {
  LinearModel m;
  m.num_classes_ = num_classes;
  m.scale_ = scale;
  m.dense_stride_ = (num_classes + 7) / 8 * 8;
  m.stride_ = m.inline_weights() ? 1 + (num_classes + 1) / 2 : 2;
  // Zero weights carry nothing: they are dropped, and so are rows left empty, so that a
  // model and its serialised copy have the same rows.
  std::vector<Entry> row;
  auto nonzero = [&](size_t r) {
    row.clear();
    for (uint32_t e = begin[r]; e < begin[r + 1]; ++e) {
      if (entries[e].weight != 0) row.push_back(entries[e]);
    }
    return !row.empty();
  };
  if (!m.inline_weights()) {
    // Bucketed mode: the rows without their zero weights.
    std::vector<uint32_t> kept_keys, kept_begin{0};
    std::vector<Entry> kept;
    kept.reserve(entries.size());
    for (size_t r = 0; r < keys.size(); ++r) {
      if (!nonzero(r)) continue;
      kept_keys.push_back(keys[r]);
      kept.insert(kept.end(), row.begin(), row.end());
      kept_begin.push_back(static_cast<uint32_t>(kept.size()));
    }
    m.BuildBuckets(kept_keys, kept_begin, kept);
    return m;
  }
  size_t rows = 0;
  for (size_t r = 0; r < keys.size(); ++r) rows += nonzero(r);
  m.capacity_ = 2 * rows + 8;
  m.table_.assign((m.capacity_ + 1) * m.stride_, 0);
  for (size_t r = 0; r < keys.size(); ++r) {
    if (nonzero(r)) m.Insert(keys[r], row.data(), row.size());
  }
  return m;
}

// Two passes: the size of every bucket, then the rows written in place, in input order
// within each bucket (so the layout is a pure function of the rows).
void LinearModel::BuildBuckets(const std::vector<uint32_t>& keys,
                               const std::vector<uint32_t>& begin,
                               const std::vector<Entry>& entries) {
  const size_t rows = keys.size();
  num_buckets_ = rows / kRowsPerBucket + 1;
  std::vector<uint32_t> bucket(rows), bucket_rows(num_buckets_, 0);
  std::vector<size_t> words(num_buckets_, 0);
  size_t dense_rows = 0;
  for (size_t r = 0; r < rows; ++r) {
    const size_t n = begin[r + 1] - begin[r];
    bucket[r] = static_cast<uint32_t>(BucketOf(keys[r]));
    ++bucket_rows[bucket[r]];
    const bool inline_row = Dense(n) || SingleEntry(entries.data() + begin[r], n);
    words[bucket[r]] += 2 + (inline_row ? 0 : 1 + n);  // key, descriptor, header, entries
    dense_rows += Dense(n);
  }
  bucket_start_.assign(num_buckets_ + 1, 0);
  size_t total = 0;
  for (size_t b = 0; b < num_buckets_; ++b) {
    bucket_start_[b] = static_cast<uint32_t>(total);
    total += words[b] + (bucket_rows[b] > 0);  // the row count word
  }
  bucket_start_[num_buckets_] = static_cast<uint32_t>(total);
  data_.assign(total, 0);
  dense_.assign(dense_rows * dense_stride_, 0);
  // Per bucket: rows placed so far and the next free word for entries.
  std::vector<uint32_t> placed(num_buckets_, 0), next(num_buckets_, 0);
  for (size_t b = 0; b < num_buckets_; ++b) {
    if (bucket_rows[b] == 0) continue;
    data_[bucket_start_[b]] = bucket_rows[b];
    next[b] = 1 + 2 * bucket_rows[b];
  }
  uint32_t dense_next = 0;
  for (size_t r = 0; r < rows; ++r) {
    const size_t b = bucket[r], start = bucket_start_[b], k = bucket_rows[b];
    const Entry* e = &entries[begin[r]];
    const size_t n = begin[r + 1] - begin[r];
    data_[start + 1 + placed[b]] = keys[r];
    uint32_t& descriptor = data_[start + 1 + k + placed[b]];
    ++placed[b];
    ++num_rows_;
    num_weights_ += n;
    if (Dense(n)) {
      int16_t* w = &dense_[static_cast<size_t>(dense_next) * dense_stride_];
      for (size_t i = 0; i < n; ++i) w[e[i].label] = e[i].weight;
      descriptor = kDenseFlag | dense_next++;
      continue;
    }
    if (SingleEntry(e, n)) {
      descriptor = kSingleFlag | e[0].label << 16 | static_cast<uint16_t>(e[0].weight);
      continue;
    }
    descriptor = next[b];
    data_[start + next[b]] = static_cast<uint32_t>(n);
    for (size_t i = 0; i < n; ++i) data_[start + next[b] + 1 + i] = EntryWord(e[i]);
    next[b] += static_cast<uint32_t>(1 + n);
  }
}

namespace {

// Rows as parallel arrays: keys, the first entry of each row (plus one past the end), and
// all entries in row order.
void FlattenRows(const std::vector<LinearModel::Row>& rows, std::vector<uint32_t>* keys,
                 std::vector<uint32_t>* begin, std::vector<LinearModel::Entry>* entries) {
  begin->push_back(0);
  for (const LinearModel::Row& r : rows) {
    keys->push_back(r.key);
    entries->insert(entries->end(), r.entries.begin(), r.entries.end());
    begin->push_back(static_cast<uint32_t>(entries->size()));
  }
}

}  // namespace

LinearModel LinearModel::Build(uint32_t num_classes, float scale, std::vector<Row> rows) {
  std::vector<uint32_t> keys, begin;
  std::vector<Entry> entries;
  FlattenRows(rows, &keys, &begin, &entries);
  return BuildFlat(num_classes, scale, keys, begin, entries);
}

LinearModel LinearModel::BuildDirect(uint32_t num_classes, float scale, int bits,
                                     std::vector<Row> rows) {
  std::vector<uint32_t> keys, begin;
  std::vector<Entry> entries;
  FlattenRows(rows, &keys, &begin, &entries);
  return BuildDirectFlat(num_classes, scale, bits, keys, begin, entries);
}

LinearModel LinearModel::BuildDirectFlat(uint32_t num_classes, float scale, int bits,
                                         const std::vector<uint32_t>& keys,
                                         const std::vector<uint32_t>& begin,
                                         const std::vector<Entry>& entries) {
  LinearModel m;
  m.num_classes_ = std::min(num_classes, kInlineClasses);
  m.scale_ = scale;
  m.direct_bits_ = std::clamp(bits, 1, 30);
  m.stride_ = (m.num_classes_ + 1) / 2;
  m.capacity_ = size_t{1} << m.direct_bits_;
  m.table_.assign(m.capacity_ * m.stride_, 0);
  for (size_t r = 0; r < keys.size(); ++r) {
    if (keys[r] >= m.capacity_ || begin[r + 1] == begin[r]) continue;
    int16_t* w = reinterpret_cast<int16_t*>(&m.table_[keys[r] * m.stride_]);
    size_t nonzero = 0;
    for (uint32_t e = begin[r]; e < begin[r + 1]; ++e) {
      if (entries[e].label >= m.num_classes_ || entries[e].weight == 0) continue;
      w[entries[e].label] = entries[e].weight;
      ++nonzero;
    }
    m.num_rows_ += nonzero > 0;
    m.num_weights_ += nonzero;
  }
  return m;
}

LinearModel LinearModel::ToDirect(int bits) const {
  std::vector<Row> rows;
  ForEachRow([&](uint32_t key, const Entry* e, size_t n) {
    rows.push_back(Row{key, std::vector<Entry>(e, e + n)});
  });
  return BuildDirect(num_classes_, scale_, bits, std::move(rows));
}

// Inline mode only.
void LinearModel::Insert(uint32_t key, const Entry* entries, size_t n) {
  uint32_t* slot = &table_[capacity_ * stride_];  // the slot of key 0
  if (key == 0) {
    has_zero_key_ = true;
  } else {
    size_t i = Home(key);
    while (table_[i * stride_] != 0) i = i + 1 == capacity_ ? 0 : i + 1;
    slot = &table_[i * stride_];
    slot[0] = key;
  }
  ++num_rows_;
  num_weights_ += n;
  int16_t w[2 * kInlineClasses] = {};
  for (size_t e = 0; e < n; ++e) w[entries[e].label] = entries[e].weight;
  std::memcpy(slot + 1, w, (stride_ - 1) * sizeof(uint32_t));
}

const uint32_t* LinearModel::Find(uint32_t key) const {
  if (capacity_ == 0) return nullptr;
  if (key == 0) return has_zero_key_ ? &table_[capacity_ * stride_] : nullptr;
  size_t i = Home(key);
  while (true) {
    const uint32_t* slot = &table_[i * stride_];
    if (slot[0] == key) return slot;
    if (slot[0] == 0) return nullptr;
    i = i + 1 == capacity_ ? 0 : i + 1;
  }
}

void LinearModel::Score(const uint32_t* keys, size_t n, int32_t* scores) const {
  if (num_rows_ == 0) return;
  if (direct_bits_ > 0) {
    ScoreDirect(keys, n, scores);
  } else if (inline_weights()) {
    ScoreInline(keys, n, scores);
  } else {
    ScoreBucketed(keys, n, scores);
  }
}

void LinearModel::ScoreDirect(const uint32_t* keys, size_t n, int32_t* scores) const {
  // Prefetch a few keys ahead; the accumulation itself never waits on a probe.
  constexpr size_t kAhead = 16;
  const int shift = 32 - direct_bits_;
  for (size_t f = 0; f < std::min(n, kAhead); ++f) {
    __builtin_prefetch(&table_[static_cast<size_t>(keys[f] >> shift) * stride_]);
  }
  int32_t sum[kInlineClasses] = {};
  for (size_t f = 0; f < n; ++f) {
    if (f + kAhead < n) {
      __builtin_prefetch(&table_[static_cast<size_t>(keys[f + kAhead] >> shift) * stride_]);
    }
    const int16_t* w = reinterpret_cast<const int16_t*>(
        &table_[static_cast<size_t>(keys[f] >> shift) * stride_]);
    for (uint32_t c = 0; c < num_classes_; ++c) sum[c] += w[c];
  }
  for (uint32_t c = 0; c < num_classes_; ++c) scores[c] += sum[c];
}

void LinearModel::ScoreInline(const uint32_t* keys, size_t n, int32_t* scores) const {
  constexpr size_t kChunk = 64;
  for (size_t base = 0; base < n; base += kChunk) {
    const size_t m = std::min(kChunk, n - base);
    for (size_t f = 0; f < m; ++f) __builtin_prefetch(&table_[Home(keys[base + f]) * stride_]);
    for (size_t f = 0; f < m; ++f) {
      const uint32_t* slot = Find(keys[base + f]);
      if (!slot) continue;
      const int16_t* w = InlineWeights(slot);
      for (uint32_t c = 0; c < num_classes_; ++c) scores[c] += w[c];
    }
  }
}

// Passes over chunks of features: prefetch the bucket offsets, then the buckets, then read
// them. The lookups are independent, so their cache misses overlap instead of following
// one another. Dense rows are summed last, together.
void LinearModel::ScoreBucketed(const uint32_t* keys, size_t n, int32_t* scores) const {
  constexpr size_t kChunk = 256;
  uint32_t where[kChunk];
  const int16_t* dense[kChunk];
  const uint32_t* sparse[kChunk];
  const uint32_t* data = data_.data();
  for (size_t base = 0; base < n; base += kChunk) {
    const size_t m = std::min(kChunk, n - base);
    for (size_t f = 0; f < m; ++f) {
      where[f] = static_cast<uint32_t>(BucketOf(keys[base + f]));
      __builtin_prefetch(&bucket_start_[where[f]]);
    }
    for (size_t f = 0; f < m; ++f) {
      const uint32_t b = where[f];
      const uint32_t start = bucket_start_[b];
      // An empty bucket is marked by pointing past the end of the array.
      where[f] = start == bucket_start_[b + 1] ? UINT32_MAX : start;
      __builtin_prefetch(data + start);
      __builtin_prefetch(data + start + 16);
    }
    // Find the rows; prefetch the sparse rows' entries, which may lie further on in the
    // bucket, before adding any of them.
    size_t n_dense = 0, n_sparse = 0;
    for (size_t f = 0; f < m; ++f) {
      if (where[f] == UINT32_MAX) continue;
      const uint32_t* bucket = data + where[f];
      const uint32_t key = keys[base + f], k = bucket[0];
      uint32_t j = 0;
      while (j < k && bucket[1 + j] != key) ++j;
      if (j == k) continue;
      const uint32_t descriptor = bucket[1 + k + j];
      if (descriptor & kDenseFlag) {
        dense[n_dense++] = &dense_[static_cast<size_t>(descriptor & ~kDenseFlag) * dense_stride_];
        continue;
      }
      if (descriptor & kSingleFlag) {
        scores[(descriptor >> 16) & kSingleLabelMask] += static_cast<int16_t>(descriptor & 0xffff);
        continue;
      }
      sparse[n_sparse++] = bucket + descriptor;
      __builtin_prefetch(bucket + descriptor);
      __builtin_prefetch(bucket + descriptor + 16);
    }
    for (size_t r = 0; r < n_sparse; ++r) {
      const uint32_t* e = sparse[r];
      for (uint32_t i = 1; i <= e[0]; ++i) scores[EntryLabel(e[i])] += EntryWeight(e[i]);
    }
    if (n_dense > 0) AddDenseRows(dense, n_dense, num_classes_, scores);
  }
}

template <typename Fn>
void LinearModel::ForEachRow(Fn fn) const {
  std::vector<Entry> row;
  if (direct_bits_ > 0) {
    for (size_t i = 0; i < capacity_; ++i) {
      const int16_t* w = reinterpret_cast<const int16_t*>(&table_[i * stride_]);
      row.clear();
      for (uint32_t c = 0; c < num_classes_; ++c) {
        if (w[c] != 0) row.push_back({static_cast<uint16_t>(c), w[c]});
      }
      if (!row.empty()) fn(static_cast<uint32_t>(i), row.data(), row.size());
    }
    return;
  }
  if (!inline_weights()) {
    for (size_t b = 0; b < num_buckets_; ++b) {
      if (bucket_start_[b] == bucket_start_[b + 1]) continue;
      const uint32_t* bucket = &data_[bucket_start_[b]];
      const uint32_t k = bucket[0];
      for (uint32_t j = 0; j < k; ++j) {
        const uint32_t descriptor = bucket[1 + k + j];
        row.clear();
        if (descriptor & kDenseFlag) {
          const int16_t* w = &dense_[static_cast<size_t>(descriptor & ~kDenseFlag) * dense_stride_];
          for (uint32_t c = 0; c < num_classes_; ++c) {
            if (w[c] != 0) row.push_back({static_cast<uint16_t>(c), w[c]});
          }
        } else if (descriptor & kSingleFlag) {
          row.push_back({static_cast<uint16_t>((descriptor >> 16) & kSingleLabelMask),
                         static_cast<int16_t>(descriptor & 0xffff)});
        } else {
          const uint32_t* e = bucket + descriptor;
          for (uint32_t i = 1; i <= e[0]; ++i) {
            row.push_back({static_cast<uint16_t>(EntryLabel(e[i])),
                           static_cast<int16_t>(EntryWeight(e[i]))});
          }
        }
        if (!row.empty()) fn(bucket[1 + j], row.data(), row.size());
      }
    }
    return;
  }
  // Slot capacity_ holds key 0 (its key word reads 0 like an empty slot's).
  for (size_t i = 0; i <= capacity_; ++i) {
    const uint32_t* slot = &table_[i * stride_];
    const bool used = i < capacity_ ? slot[0] != 0 : has_zero_key_;
    if (!used) continue;
    const uint32_t key = i < capacity_ ? slot[0] : 0;
    const int16_t* w = InlineWeights(slot);
    row.clear();
    for (uint32_t c = 0; c < num_classes_; ++c) {
      if (w[c] != 0) row.push_back({static_cast<uint16_t>(c), w[c]});
    }
    if (!row.empty()) fn(key, row.data(), row.size());
  }
}

LinearModel LinearModel::Pruned(int min_abs) const {
  std::vector<uint32_t> keys, begin{0};
  std::vector<Entry> kept;
  ForEachRow([&](uint32_t key, const Entry* row, size_t n) {
    size_t before = kept.size();
    for (size_t e = 0; e < n; ++e) {
      if (std::abs(static_cast<int>(row[e].weight)) >= min_abs) kept.push_back(row[e]);
    }
    if (kept.size() > before) {
      keys.push_back(key);
      begin.push_back(static_cast<uint32_t>(kept.size()));
    }
  });
  // Keys of a direct model are its buckets: rebuild it directly.
  if (direct_bits_ > 0) return BuildDirectFlat(num_classes_, scale_, direct_bits_, keys, begin, kept);
  return BuildFlat(num_classes_, scale_, keys, begin, kept);
}

size_t LinearModel::MemoryBytes() const {
  return (table_.capacity() + bucket_start_.capacity() + data_.capacity()) * sizeof(uint32_t) +
         dense_.capacity() * sizeof(int16_t);
}

// Layout: num_classes, scale, rows; rows sorted by key, keys delta-coded; per row the entry
// count, then (label delta, zigzag weight) pairs with labels ascending.
void LinearModel::Serialize(std::string* out) const {
  struct Copy {
    uint32_t key;
    std::vector<Entry> entries;
  };
  std::vector<Copy> rows;
  rows.reserve(num_rows_);
  ForEachRow([&](uint32_t key, const Entry* e, size_t n) {
    Copy c{key, std::vector<Entry>(e, e + n)};
    std::sort(c.entries.begin(), c.entries.end(),
              [](Entry a, Entry b) { return a.label < b.label; });
    rows.push_back(std::move(c));
  });
  std::sort(rows.begin(), rows.end(), [](const Copy& a, const Copy& b) { return a.key < b.key; });
  BinaryWriter w(out);
  // Direct models mark their bucket bits above the class count.
  w.Varint(num_classes_ | static_cast<uint64_t>(direct_bits_) << 16);
  w.F32(scale_);
  w.Varint(rows.size());
  uint32_t prev = 0;
  for (const Copy& row : rows) {
    w.Varint(row.key - prev);
    prev = row.key;
    w.Varint(row.entries.size());
    uint32_t prev_label = 0;
    for (const Entry& e : row.entries) {
      w.Varint(e.label - prev_label);
      prev_label = e.label;
      w.Signed(e.weight);
    }
  }
}

Result<LinearModel> LinearModel::Deserialize(std::string_view data) {
  BinaryReader r(data);
  uint64_t num_classes = 0, num_rows = 0;
  float scale = 0;
  if (!r.Size(uint64_t{30} << 16 | 65535, &num_classes) || !r.F32(&scale) ||
      !r.Size(data.size(), &num_rows)) {
    return Status::Corruption("linear model header is truncated");
  }
  const int direct_bits = static_cast<int>(num_classes >> 16);
  num_classes &= 65535;
  if (direct_bits > 0 && num_classes > kInlineClasses) {
    return Status::Corruption("linear model: direct mode with too many classes");
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
      if (e > 0 && d == 0) return Status::Corruption("linear model labels are not increasing");
      entries.push_back(Entry{static_cast<uint16_t>(label), static_cast<int16_t>(weight)});
    }
    begin.push_back(static_cast<uint32_t>(entries.size()));
  }
  if (!r.ok() || !r.AtEnd()) return Status::Corruption("linear model rows are truncated");
  if (direct_bits > 0) {
    if (!keys.empty() && keys.back() >> direct_bits) {
      return Status::Corruption("linear model: bucket out of range");
    }
    return BuildDirectFlat(static_cast<uint32_t>(num_classes), scale, direct_bits, keys, begin,
                           entries);
  }
  return BuildFlat(static_cast<uint32_t>(num_classes), scale, keys, begin, entries);
}

}  // namespace sitrep
