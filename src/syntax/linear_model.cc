#include "syntax/linear_model.h"

#ifdef __SSE2__
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

inline const int16_t* InlineWeights(const uint32_t* slot) {
  return reinterpret_cast<const int16_t*>(slot + 1);
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
  // Sizes first, so that no array grows (and is copied) while the rows go in.
  size_t rows = 0, dense_rows = 0, sparse_entries = 0;
  for (size_t r = 0; r < keys.size(); ++r) {
    if (!nonzero(r)) continue;
    ++rows;
    if (m.Dense(row.size())) {
      ++dense_rows;
    } else {
      sparse_entries += row.size() + 1;
    }
  }
  m.capacity_ = 2 * rows + 8;
  m.table_.assign((m.capacity_ + 1) * m.stride_, 0);
  if (!m.inline_weights()) {
    m.entries_.reserve(sparse_entries);
    m.dense_.reserve(dense_rows * m.dense_stride_);
  }
  for (size_t r = 0; r < keys.size(); ++r) {
    if (nonzero(r)) m.Insert(keys[r], row.data(), row.size());
  }
  return m;
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

// A row is dense when it fills more than a quarter of the classes: a dense add is then
// cheaper than the scattered one.
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
  if (inline_weights()) {
    int16_t w[2 * kInlineClasses] = {};
    for (size_t e = 0; e < n; ++e) w[entries[e].label] = entries[e].weight;
    std::memcpy(slot + 1, w, (stride_ - 1) * sizeof(uint32_t));
  } else if (Dense(n)) {
    uint32_t row = static_cast<uint32_t>(dense_.size() / dense_stride_);
    dense_.resize(dense_.size() + dense_stride_, 0);
    int16_t* w = &dense_[static_cast<size_t>(row) * dense_stride_];
    for (size_t e = 0; e < n; ++e) w[entries[e].label] = entries[e].weight;
    slot[1] = row | kDenseFlag;
  } else {
    slot[1] = static_cast<uint32_t>(entries_.size());
    entries_.push_back(Entry{static_cast<uint16_t>(n), 0});
    entries_.insert(entries_.end(), entries, entries + n);
  }
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
  if (capacity_ == 0) return;
  if (direct_bits_ > 0) {
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
    return;
  }
  // Passes over chunks of features: prefetch the slots, find them (and, for referenced
  // rows, prefetch their weights), then add. The lookups are independent, so their cache
  // misses overlap instead of following one another.
  constexpr size_t kChunk = 64;
  const uint32_t* found[kChunk];
  for (size_t base = 0; base < n; base += kChunk) {
    const size_t m = std::min(kChunk, n - base);
    for (size_t f = 0; f < m; ++f) {
      __builtin_prefetch(&table_[Home(keys[base + f]) * stride_]);
    }
    if (inline_weights()) {
      for (size_t f = 0; f < m; ++f) {
        const uint32_t* slot = Find(keys[base + f]);
        if (!slot) continue;
        const int16_t* w = InlineWeights(slot);
        for (uint32_t c = 0; c < num_classes_; ++c) scores[c] += w[c];
      }
      continue;
    }
    for (size_t f = 0; f < m; ++f) {
      const uint32_t* slot = Find(keys[base + f]);
      found[f] = slot;
      if (!slot) continue;
      if (slot[1] & kDenseFlag) {
        const int16_t* w = &dense_[static_cast<size_t>(slot[1] & ~kDenseFlag) * dense_stride_];
        for (uint32_t c = 0; c < num_classes_; c += 32) __builtin_prefetch(w + c);
      } else {
        __builtin_prefetch(&entries_[slot[1]]);
      }
    }
    for (size_t f = 0; f < m; ++f) {
      const uint32_t* slot = found[f];
      if (!slot) continue;
      if (slot[1] & kDenseFlag) {
        AddDense(&dense_[static_cast<size_t>(slot[1] & ~kDenseFlag) * dense_stride_],
                 num_classes_, scores);
        continue;
      }
      const Entry* e = &entries_[slot[1]];
      for (const Entry* end = e + 1 + e->label; ++e < end;) scores[e->label] += e->weight;
    }
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
  // Slot capacity_ holds key 0 (its key word reads 0 like an empty slot's).
  for (size_t i = 0; i <= capacity_; ++i) {
    const uint32_t* slot = &table_[i * stride_];
    const bool used = i < capacity_ ? slot[0] != 0 : has_zero_key_;
    if (!used) continue;
    const uint32_t key = i < capacity_ ? slot[0] : 0;
    const int16_t* w = nullptr;
    if (inline_weights()) {
      w = InlineWeights(slot);
    } else if (slot[1] & kDenseFlag) {
      w = &dense_[static_cast<size_t>(slot[1] & ~kDenseFlag) * dense_stride_];
    }
    if (w) {
      row.clear();
      for (uint32_t c = 0; c < num_classes_; ++c) {
        if (w[c] != 0) row.push_back({static_cast<uint16_t>(c), w[c]});
      }
      if (!row.empty()) fn(key, row.data(), row.size());
    } else {
      const Entry* e = &entries_[slot[1]];
      fn(key, e + 1, e->label);
    }
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
  return table_.capacity() * sizeof(uint32_t) + entries_.capacity() * sizeof(Entry) +
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
