#include "syntax/entity_recognizer.h"

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_map>

#include "syntax/ner_consistency.h"
#include "syntax/ner_features.h"

namespace sitrep {
namespace {

constexpr int kFeaturesPerToken = kNerStaticFeatures + kNerDynamicFeatures;
constexpr char kMagic[] = "SRNER";
constexpr size_t kMagicSize = 5;
constexpr uint8_t kFormatVersion = 1;
constexpr uint32_t kMaxBodyBytes = 256u << 20;
constexpr uint32_t kMaxTypes = 32;          // so a row has at most 129 (< 256) entries
constexpr uint32_t kMaxEntries = 1u << 24;  // entry offsets are packed into 24 bits

// Tag layout: 0 is "O"; type k has B = 1+4k, I = 2+4k, L = 3+4k, U = 4+4k.
enum Kind { kO = 0, kB, kI, kL, kU };
Kind KindOf(uint32_t tag) { return tag == 0 ? kO : static_cast<Kind>((tag - 1) % 4 + 1); }
uint32_t TypeOf(uint32_t tag) { return (tag - 1) / 4; }
uint32_t TagOf(uint32_t type, Kind kind) { return 1 + 4 * type + (kind - 1); }

// Whether `tag` may follow `prev` (kNerNoTag at the start) in a well-formed BILOU sequence;
// `last` marks the final token, which must close any open span.
bool Allowed(uint32_t prev, uint32_t tag, bool last) {
  Kind k = KindOf(tag);
  bool open = prev != kNerNoTag && (KindOf(prev) == kB || KindOf(prev) == kI);
  if (open) return (k == kL || (k == kI && !last)) && TypeOf(tag) == TypeOf(prev);
  return k == kO || k == kU || (k == kB && !last);
}

std::vector<NerSpan> TagsToSpans(const std::vector<uint16_t>& tags,
                                 const std::vector<std::string>& types) {
  std::vector<std::string> names(tags.size(), "O");
  static const char kPrefix[] = "OBILU";
  for (size_t i = 0; i < tags.size(); ++i) {
    if (tags[i] != 0)
      names[i] = std::string(1, kPrefix[KindOf(tags[i])]) + "-" + types[TypeOf(tags[i])];
  }
  return DecodeBilou(names);
}

// ---- varint / byte helpers for the serialized form ----

void PutVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

void PutFixed32(uint32_t v, std::string* out) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

struct ByteCursor {
  std::string_view data;
  size_t pos = 0;
  bool ok = true;

  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos >= data.size()) break;
      uint8_t b = static_cast<uint8_t>(data[pos++]);
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    ok = false;
    return 0;
  }
  uint32_t Fixed32() {
    if (data.size() - pos < 4) {
      ok = false;
      return 0;
    }
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
      v |= static_cast<uint32_t>(static_cast<uint8_t>(data[pos++])) << (8 * i);
    return v;
  }
  std::string_view Bytes(size_t n) {
    if (data.size() - pos < n) {
      ok = false;
      return {};
    }
    std::string_view s = data.substr(pos, n);
    pos += n;
    return s;
  }
};

uint64_t ZigZag(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}
int64_t UnZigZag(uint64_t v) { return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1); }

}  // namespace

// ---- the immutable model ----

struct NerModel {
  struct Entry {
    uint16_t tag;
    int16_t value;
  };
  std::vector<std::string> types;
  uint32_t n_tags = 1;
  std::vector<uint32_t> row_keys;   // sorted ascending
  std::vector<uint32_t> row_begin;  // row r's entries are [row_begin[r], row_begin[r+1])
  std::vector<Entry> entries;
  // Open-addressing table from feature key to its weights. A slot packs the key with the
  // row's entry range so a lookup touches one slot and one run of entries.
  struct Slot {
    uint32_t key = 0;    // 0 = empty
    uint32_t range = 0;  // first entry << 8 | entry count
  };
  std::vector<Slot> slots;
  uint32_t shift = 32;

  uint32_t Home(uint32_t key) const { return (key * 0x9e3779b1u) >> shift; }
  void BuildTable();
  const Slot* Find(uint32_t key) const {
    uint32_t mask = static_cast<uint32_t>(slots.size() - 1);
    for (uint32_t s = Home(key);; s = (s + 1) & mask) {
      if (slots[s].key == key) return &slots[s];
      if (slots[s].key == 0) return nullptr;
    }
  }
  void Prefetch(uint32_t key) const { __builtin_prefetch(&slots[Home(key)]); }
  void AddRow(const Slot* slot, int32_t* scores) const {
    const Entry* e = entries.data() + (slot->range >> 8);
    for (const Entry* end = e + (slot->range & 0xff); e < end; ++e) scores[e->tag] += e->value;
  }
};

void NerModel::BuildTable() {
  size_t capacity = 16;
  uint32_t bits = 4;
  while (capacity < 2 * row_keys.size()) {
    capacity <<= 1;
    ++bits;
  }
  slots.assign(capacity, Slot());
  shift = 32 - bits;
  for (uint32_t r = 0; r < row_keys.size(); ++r) {
    uint32_t s = Home(row_keys[r]);
    while (slots[s].key != 0) s = (s + 1) & (capacity - 1);
    slots[s].key = row_keys[r];
    slots[s].range = row_begin[r] << 8 | (row_begin[r + 1] - row_begin[r]);
  }
}

EntityRecognizer::EntityRecognizer(std::unique_ptr<NerModel> model) : model_(std::move(model)) {}
EntityRecognizer::EntityRecognizer(EntityRecognizer&&) noexcept = default;
EntityRecognizer& EntityRecognizer::operator=(EntityRecognizer&&) noexcept = default;
EntityRecognizer::~EntityRecognizer() = default;

const std::vector<std::string>& EntityRecognizer::types() const { return model_->types; }

// ---- tagging ----

std::vector<NerSpan> EntityRecognizer::RecognizeTokens(const std::vector<std::string_view>& forms,
                                                       const std::vector<std::string_view>& upos,
                                                       const std::vector<std::string_view>& xpos,
                                                       NerScratch* scratch) const {
  const NerModel& m = *model_;
  int n = static_cast<int>(forms.size());
  if (n == 0) return {};
  ComputeNerTokenHashes(forms, upos, xpos, &scratch->token_hashes);
  // Phase 1: static feature scores of every token, with the table slots prefetched.
  scratch->keys.resize(static_cast<size_t>(n) * kNerStaticFeatures + kNerDynamicFeatures);
  uint32_t* keys = scratch->keys.data();
  for (int i = 0; i < n; ++i) {
    NerStaticFeatures(scratch->token_hashes.data(), n, i, keys + i * kNerStaticFeatures);
  }
  for (int k = 0; k < n * kNerStaticFeatures; ++k) m.Prefetch(keys[k]);
  scratch->scores.assign(static_cast<size_t>(n) * m.n_tags, 0);
  for (int i = 0; i < n; ++i) {
    int32_t* scores = scratch->scores.data() + static_cast<size_t>(i) * m.n_tags;
    for (int f = 0; f < kNerStaticFeatures; ++f) {
      if (const NerModel::Slot* slot = m.Find(keys[i * kNerStaticFeatures + f]))
        m.AddRow(slot, scores);
    }
  }
  // Phase 2: greedy left-to-right decoding with the previous-tag features.
  uint32_t* dynamic = keys + static_cast<size_t>(n) * kNerStaticFeatures;
  scratch->tags.assign(n, 0);
  uint32_t prev1 = kNerNoTag, prev2 = kNerNoTag;
  for (int i = 0; i < n; ++i) {
    int32_t* scores = scratch->scores.data() + static_cast<size_t>(i) * m.n_tags;
    NerDynamicFeatures(scratch->token_hashes.data(), n, i, prev1, prev2, dynamic);
    for (int f = 0; f < kNerDynamicFeatures; ++f) {
      if (const NerModel::Slot* slot = m.Find(dynamic[f])) m.AddRow(slot, scores);
    }
    uint32_t best = kNerNoTag;
    for (uint32_t t = 0; t < m.n_tags; ++t) {
      if (!Allowed(prev1, t, i + 1 == n)) continue;
      if (best == kNerNoTag || scores[t] > scores[best]) best = t;
    }
    scratch->tags[i] = static_cast<uint16_t>(best);
    prev2 = prev1;
    prev1 = best;
  }
  return TagsToSpans(scratch->tags, m.types);
}

std::vector<NerSpan> EntityRecognizer::RecognizeSentence(const Document& doc, uint32_t sentence,
                                                         std::vector<std::string_view>* forms,
                                                         NerScratch* scratch) const {
  forms->clear();
  if (sentence >= doc.sentences.size()) return {};
  const Sentence& s = doc.sentences[sentence];
  if (s.first_token + s.token_count > doc.tokens.size()) return {};
  scratch->upos.clear();
  scratch->xpos.clear();
  for (uint32_t t = s.first_token; t < s.first_token + s.token_count; ++t) {
    const Token& token = doc.tokens[t];
    forms->push_back(doc.Slice(token));
    scratch->upos.push_back(token.upos);
    scratch->xpos.push_back(token.xpos);
  }
  return RecognizeTokens(*forms, scratch->upos, scratch->xpos, scratch);
}

void EntityRecognizer::AppendMentions(uint32_t sentence, std::vector<NerSpan> spans,
                                      Document* doc) {
  uint32_t first = doc->sentences[sentence].first_token;
  for (NerSpan& span : spans) {
    doc->entities.push_back(
        EntityMention{sentence, first + span.first, first + span.last, std::move(span.type)});
  }
}

void EntityRecognizer::Recognize(Document* doc, uint32_t sentence, NerScratch* scratch) const {
  std::vector<NerSpan> spans = RecognizeSentence(*doc, sentence, &scratch->forms, scratch);
  if (!spans.empty()) AppendMentions(sentence, std::move(spans), doc);
}

void EntityRecognizer::RecognizeDocument(Document* doc, NerScratch* scratch) const {
  size_t n = doc->sentences.size();
  std::vector<std::vector<std::string_view>> forms(n);
  std::vector<std::vector<NerSpan>> spans(n);
  for (uint32_t s = 0; s < n; ++s) spans[s] = RecognizeSentence(*doc, s, &forms[s], scratch);
  HarmonizeEntityTypes(forms, &spans);
  for (uint32_t s = 0; s < n; ++s) {
    if (!spans[s].empty()) AppendMentions(s, std::move(spans[s]), doc);
  }
}

// ---- training ----

namespace {

struct PreparedSentence {
  int n = 0;
  std::vector<uint64_t> hashes;
  std::vector<uint16_t> gold;
  std::vector<int32_t> static_rows;  // n × kNerStaticFeatures, -1 for unknown features
};

std::vector<std::string> ChooseTypes(const std::vector<NerSentence>& sentences,
                                     const NerTrainOptions& options) {
  if (!options.types.empty()) return options.types;
  std::unordered_map<std::string, int> counts;
  for (const NerSentence& s : sentences) {
    for (const NerSpan& span : s.gold) ++counts[span.type];
  }
  std::vector<std::pair<int, std::string>> ranked;
  for (const auto& [type, count] : counts) {
    if (count >= options.min_type_count) ranked.push_back({-count, type});
  }
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::string> types;
  for (const auto& r : ranked) types.push_back(r.second);
  if (types.size() > kMaxTypes) types.resize(kMaxTypes);
  return types;
}

std::vector<uint16_t> GoldTags(const NerSentence& s, const std::vector<std::string>& types) {
  std::vector<uint16_t> tags(s.forms.size(), 0);
  size_t next_free = 0;
  for (const NerSpan& span : s.gold) {
    auto it = std::find(types.begin(), types.end(), span.type);
    if (it == types.end() || span.first < next_free || span.last >= tags.size()) continue;
    uint32_t k = static_cast<uint32_t>(it - types.begin());
    for (uint32_t t = span.first; t <= span.last; ++t)
      tags[t] = static_cast<uint16_t>(TagOf(k, kI));
    tags[span.first] = static_cast<uint16_t>(TagOf(k, kB));
    tags[span.last] = static_cast<uint16_t>(TagOf(k, kL));
    if (span.first == span.last) tags[span.first] = static_cast<uint16_t>(TagOf(k, kU));
    next_free = span.last + 1;
  }
  return tags;
}

std::vector<std::string_view> Views(const std::vector<std::string>& v) {
  return std::vector<std::string_view>(v.begin(), v.end());
}

class Trainer {
 public:
  Trainer(const NerTrainOptions& options, std::vector<std::string> types)
      : options_(options), types_(std::move(types)), n_tags_(1 + 4 * types_.size()) {}

  void Prepare(const std::vector<NerSentence>& sentences);
  void Run();
  void Finish(NerModel* model) const;

 private:
  void CountFeatures();
  int32_t Row(uint32_t key) const {
    auto it = rows_.find(key);
    return it == rows_.end() ? -1 : static_cast<int32_t>(it->second);
  }
  void Update(const int32_t* rows, int count, uint32_t gold, uint32_t predicted);
  int TrainSentence(const PreparedSentence& s);

  const NerTrainOptions& options_;
  std::vector<std::string> types_;
  uint32_t n_tags_;
  std::vector<PreparedSentence> data_;
  std::unordered_map<uint32_t, uint32_t> rows_;
  std::vector<uint32_t> row_keys_;
  std::vector<int32_t> weights_;
  std::vector<int64_t> weighted_sums_;  // for averaging: sum of step * update
  int64_t step_ = 1;
};

void Trainer::Prepare(const std::vector<NerSentence>& sentences) {
  for (const NerSentence& s : sentences) {
    if (!s.has_entity_annotation || s.forms.empty()) continue;
    PreparedSentence p;
    p.n = static_cast<int>(s.forms.size());
    ComputeNerTokenHashes(Views(s.forms), Views(s.upos), Views(s.xpos), &p.hashes);
    p.gold = GoldTags(s, types_);
    data_.push_back(std::move(p));
  }
  CountFeatures();
  for (PreparedSentence& p : data_) {
    p.static_rows.resize(static_cast<size_t>(p.n) * kNerStaticFeatures);
    uint32_t keys[kNerStaticFeatures];
    for (int i = 0; i < p.n; ++i) {
      NerStaticFeatures(p.hashes.data(), p.n, i, keys);
      for (int f = 0; f < kNerStaticFeatures; ++f)
        p.static_rows[i * kNerStaticFeatures + f] = Row(keys[f]);
    }
  }
}

// Keeps features seen at least min_feature_count times (dynamic ones with gold history).
void Trainer::CountFeatures() {
  std::unordered_map<uint32_t, int> counts;
  uint32_t keys[kFeaturesPerToken];
  for (const PreparedSentence& p : data_) {
    for (int i = 0; i < p.n; ++i) {
      uint32_t prev1 = i > 0 ? p.gold[i - 1] : kNerNoTag, prev2 = i > 1 ? p.gold[i - 2] : kNerNoTag;
      NerStaticFeatures(p.hashes.data(), p.n, i, keys);
      NerDynamicFeatures(p.hashes.data(), p.n, i, prev1, prev2, keys + kNerStaticFeatures);
      for (uint32_t k : keys) ++counts[k];
    }
  }
  for (const auto& [key, count] : counts) {
    if (count >= options_.min_feature_count) row_keys_.push_back(key);
  }
  std::sort(row_keys_.begin(), row_keys_.end());
  for (uint32_t r = 0; r < row_keys_.size(); ++r) rows_[row_keys_[r]] = r;
  weights_.assign(row_keys_.size() * n_tags_, 0);
  weighted_sums_.assign(row_keys_.size() * n_tags_, 0);
}

void Trainer::Update(const int32_t* rows, int count, uint32_t gold, uint32_t predicted) {
  for (int f = 0; f < count; ++f) {
    if (rows[f] < 0) continue;
    size_t base = static_cast<size_t>(rows[f]) * n_tags_;
    weights_[base + gold] += 1;
    weighted_sums_[base + gold] += step_;
    weights_[base + predicted] -= 1;
    weighted_sums_[base + predicted] -= step_;
  }
}

// Greedy pass with the predicted history; updates on every wrong tag. Returns # correct.
int Trainer::TrainSentence(const PreparedSentence& s) {
  std::vector<int32_t> scores(n_tags_);
  int32_t rows[kFeaturesPerToken];
  uint32_t dyn[kNerDynamicFeatures];
  uint32_t prev1 = kNerNoTag, prev2 = kNerNoTag;
  int correct = 0;
  for (int i = 0; i < s.n; ++i) {
    std::copy_n(&s.static_rows[i * kNerStaticFeatures], kNerStaticFeatures, rows);
    NerDynamicFeatures(s.hashes.data(), s.n, i, prev1, prev2, dyn);
    for (int f = 0; f < kNerDynamicFeatures; ++f) rows[kNerStaticFeatures + f] = Row(dyn[f]);
    std::fill(scores.begin(), scores.end(), 0);
    for (int32_t r : rows) {
      if (r < 0) continue;
      const int32_t* w = &weights_[static_cast<size_t>(r) * n_tags_];
      for (uint32_t t = 0; t < n_tags_; ++t) scores[t] += w[t];
    }
    uint32_t best =
        static_cast<uint32_t>(std::max_element(scores.begin(), scores.end()) - scores.begin());
    if (best != s.gold[i]) Update(rows, kFeaturesPerToken, s.gold[i], best);
    correct += best == s.gold[i];
    ++step_;
    prev2 = prev1;
    prev1 = best;
  }
  return correct;
}

void Trainer::Run() {
  std::vector<size_t> order(data_.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  uint64_t state = options_.seed;
  auto next = [&state]() {  // splitmix64: fully specified, so the shuffle is portable
    uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  };
  for (int epoch = 0; epoch < options_.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[next() % i]);
    int64_t correct = 0, total = 0;
    for (size_t idx : order) {
      correct += TrainSentence(data_[idx]);
      total += data_[idx].n;
    }
    if (options_.log != nullptr) {
      *options_.log += "ner epoch " + std::to_string(epoch + 1) + ": " +
                       std::to_string(100.0 * correct / std::max<int64_t>(total, 1)) +
                       "% tag accuracy\n";
    }
  }
}

// Averages, quantises to int16 and keeps the non-zero weights.
void Trainer::Finish(NerModel* model) const {
  std::vector<double> averaged(weights_.size());
  double max_abs = 0;
  for (size_t i = 0; i < weights_.size(); ++i) {
    averaged[i] = weights_[i] - static_cast<double>(weighted_sums_[i]) / static_cast<double>(step_);
    max_abs = std::max(max_abs, std::fabs(averaged[i]));
  }
  double scale = max_abs > 0 ? 32000.0 / max_abs : 1.0;
  model->types = types_;
  model->n_tags = n_tags_;
  model->row_begin.push_back(0);
  for (size_t r = 0; r < row_keys_.size(); ++r) {
    if (model->entries.size() + n_tags_ > kMaxEntries) break;  // far beyond any real model
    size_t before = model->entries.size();
    for (uint32_t t = 0; t < n_tags_; ++t) {
      long q = std::lround(averaged[r * n_tags_ + t] * scale);
      if (q != 0) model->entries.push_back({static_cast<uint16_t>(t), static_cast<int16_t>(q)});
    }
    if (model->entries.size() == before) continue;
    model->row_keys.push_back(row_keys_[r]);
    model->row_begin.push_back(static_cast<uint32_t>(model->entries.size()));
  }
  model->BuildTable();
}

}  // namespace

Result<EntityRecognizer> EntityRecognizer::Train(const std::vector<NerSentence>& sentences,
                                                 const NerTrainOptions& options) {
  std::vector<const NerSentence*> annotated;
  for (const NerSentence& s : sentences) {
    if (s.has_entity_annotation) annotated.push_back(&s);
  }
  if (annotated.empty()) return Status::InvalidArgument("ner: no sentence with Entity= annotation");
  if (options.epochs < 1) return Status::InvalidArgument("ner: epochs must be at least 1");
  std::vector<std::string> types = ChooseTypes(sentences, options);
  if (types.empty()) return Status::InvalidArgument("ner: no entity type to learn");
  if (types.size() > kMaxTypes) return Status::InvalidArgument("ner: too many entity types");
  Trainer trainer(options, types);
  trainer.Prepare(sentences);
  trainer.Run();
  auto model = std::make_unique<NerModel>();
  trainer.Finish(model.get());
  return EntityRecognizer(std::move(model));
}

// ---- serialization ----

void EntityRecognizer::Serialize(std::string* out) const {
  const NerModel& m = *model_;
  std::string body;
  PutVarint(kNerFeatureVersion, &body);
  PutVarint(m.types.size(), &body);
  for (const std::string& t : m.types) {
    PutVarint(t.size(), &body);
    body += t;
  }
  PutVarint(m.row_keys.size(), &body);
  uint32_t prev_key = 0;
  for (size_t r = 0; r < m.row_keys.size(); ++r) {
    PutVarint(m.row_keys[r] - prev_key, &body);
    prev_key = m.row_keys[r];
    PutVarint(m.row_begin[r + 1] - m.row_begin[r], &body);
    for (uint32_t e = m.row_begin[r]; e < m.row_begin[r + 1]; ++e) {
      PutVarint(m.entries[e].tag, &body);
      PutVarint(ZigZag(m.entries[e].value), &body);
    }
  }
  uLongf packed_size = compressBound(body.size());
  std::string packed(packed_size, '\0');
  compress2(reinterpret_cast<Bytef*>(packed.data()), &packed_size,
            reinterpret_cast<const Bytef*>(body.data()), body.size(), 9);
  packed.resize(packed_size);
  uint32_t crc = static_cast<uint32_t>(
      crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size())));
  out->append(kMagic, kMagicSize);
  out->push_back(static_cast<char>(kFormatVersion));
  PutFixed32(static_cast<uint32_t>(body.size()), out);
  PutFixed32(static_cast<uint32_t>(packed.size()), out);
  PutFixed32(crc, out);
  out->append(packed);
}

namespace {

Status ParseRows(ByteCursor* in, NerModel* m) {
  uint64_t n_rows = in->Varint();
  if (!in->ok || n_rows > in->data.size()) return Status::Corruption("ner model: bad row count");
  m->row_begin.push_back(0);
  uint64_t key = 0;
  for (uint64_t r = 0; r < n_rows; ++r) {
    uint64_t delta = in->Varint();
    key += delta;
    if (!in->ok || delta == 0 || key > 0xffffffffULL)
      return Status::Corruption("ner model: bad feature key");
    uint64_t nnz = in->Varint();
    if (!in->ok || nnz == 0 || nnz > m->n_tags || m->entries.size() + nnz > kMaxEntries) {
      return Status::Corruption("ner model: bad row size");
    }
    int64_t prev_tag = -1;
    for (uint64_t e = 0; e < nnz; ++e) {
      uint64_t tag = in->Varint();
      int64_t value = UnZigZag(in->Varint());
      if (!in->ok || tag >= m->n_tags || static_cast<int64_t>(tag) <= prev_tag || value < -32768 ||
          value > 32767) {
        return Status::Corruption("ner model: bad weight entry");
      }
      prev_tag = static_cast<int64_t>(tag);
      m->entries.push_back({static_cast<uint16_t>(tag), static_cast<int16_t>(value)});
    }
    m->row_keys.push_back(static_cast<uint32_t>(key));
    m->row_begin.push_back(static_cast<uint32_t>(m->entries.size()));
  }
  return Status::OK();
}

Status ParseBody(std::string_view body, NerModel* m) {
  ByteCursor in{body};
  if (in.Varint() != kNerFeatureVersion || !in.ok) {
    return Status::Corruption("ner model: built with a different feature version");
  }
  uint64_t n_types = in.Varint();
  if (!in.ok || n_types == 0 || n_types > kMaxTypes)
    return Status::Corruption("ner model: bad type count");
  for (uint64_t t = 0; t < n_types; ++t) {
    uint64_t len = in.Varint();
    if (!in.ok || len == 0 || len > 64) return Status::Corruption("ner model: bad type name");
    std::string_view name = in.Bytes(len);
    if (!in.ok) return Status::Corruption("ner model: truncated type name");
    m->types.emplace_back(name);
  }
  m->n_tags = static_cast<uint32_t>(1 + 4 * n_types);
  SITREP_RETURN_IF_ERROR(ParseRows(&in, m));
  if (in.pos != body.size()) return Status::Corruption("ner model: trailing bytes");
  return Status::OK();
}

}  // namespace

Result<EntityRecognizer> EntityRecognizer::Deserialize(std::string_view bytes) {
  if (bytes.size() < kMagicSize + 13 ||
      bytes.substr(0, kMagicSize) != std::string_view(kMagic, kMagicSize)) {
    return Status::Corruption("ner model: missing SRNER header");
  }
  ByteCursor head{bytes, kMagicSize};
  uint8_t version = static_cast<uint8_t>(head.Bytes(1)[0]);
  if (version != kFormatVersion) return Status::Corruption("ner model: unsupported format version");
  uint32_t raw_size = head.Fixed32(), packed_size = head.Fixed32(), crc = head.Fixed32();
  if (raw_size > kMaxBodyBytes || bytes.size() - head.pos != packed_size) {
    return Status::Corruption("ner model: bad sizes");
  }
  std::string body(raw_size, '\0');
  uLongf out_size = raw_size;
  int rc = uncompress(reinterpret_cast<Bytef*>(body.data()), &out_size,
                      reinterpret_cast<const Bytef*>(bytes.data() + head.pos), packed_size);
  if (rc != Z_OK || out_size != raw_size) return Status::Corruption("ner model: bad zlib data");
  uint32_t actual = static_cast<uint32_t>(
      crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size())));
  if (actual != crc) return Status::Corruption("ner model: checksum mismatch");
  auto model = std::make_unique<NerModel>();
  SITREP_RETURN_IF_ERROR(ParseBody(body, model.get()));
  model->BuildTable();
  return EntityRecognizer(std::move(model));
}

}  // namespace sitrep
