#include "places/gazetteer.h"

#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>

namespace sitrep {

namespace {

constexpr char kMagic[8] = {'S', 'R', 'G', 'A', 'Z', '0', '0', '1'};
constexpr size_t kHeaderBytes = 8 + 3 * sizeof(uint32_t);

uint32_t ReadU32(const std::string& bytes, size_t at) {
  uint32_t v;
  std::memcpy(&v, bytes.data() + at, sizeof(v));
  return v;
}

std::string_view FixedField(const char* field, size_t n) {
  size_t len = 0;
  while (len < n && field[len] != '\0') ++len;
  return std::string_view(field, len);
}

}  // namespace

const char* PlaceKindName(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::kCity: return "city";
    case PlaceKind::kRegion: return "region";
    case PlaceKind::kCountry: return "country";
    case PlaceKind::kArea: return "area";
    case PlaceKind::kFacility: return "facility";
    case PlaceKind::kPhysical: return "physical";
  }
  return "unknown";
}

std::string Gazetteer::DefaultPath() {
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
  if (n <= 0) return "gazetteer.bin";
  std::string exe(buf, static_cast<size_t>(n));
  size_t slash = exe.rfind('/');
  return (slash == std::string::npos ? std::string(".") : exe.substr(0, slash)) + "/gazetteer.bin";
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("gazetteer not found: " + path);
  in.seekg(0, std::ios::end);
  std::string bytes(static_cast<size_t>(in.tellg()), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
    return Status::IOError("cannot read gazetteer: " + path);
  }
  return FromBytes(std::move(bytes), path);
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::FromBytes(std::string bytes, std::string_view origin) {
  auto corrupt = [&](const char* why) {
    return Status::Corruption(std::string(origin) + ": not a sitrep gazetteer (" + why + ")");
  };
  if (bytes.size() < kHeaderBytes || std::memcmp(bytes.data(), kMagic, 8) != 0) {
    return corrupt("bad magic");
  }
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  g->place_count_ = ReadU32(bytes, 8);
  g->key_count_ = ReadU32(bytes, 12);
  g->string_bytes_ = ReadU32(bytes, 16);
  uint64_t need = kHeaderBytes + uint64_t{g->place_count_} * sizeof(PlaceRecord) +
                  uint64_t{g->key_count_} * sizeof(KeyRecord) + g->string_bytes_;
  if (need != bytes.size()) return corrupt("size mismatch");
  if (g->string_bytes_ == 0 || bytes.back() != '\0') return corrupt("bad string pool");
  g->bytes_ = std::move(bytes);
  const char* base = g->bytes_.data() + kHeaderBytes;
  // std::string storage is suitably aligned for these 4-byte-aligned records.
  g->places_ = reinterpret_cast<const PlaceRecord*>(base);
  base += g->place_count_ * sizeof(PlaceRecord);
  g->keys_ = reinterpret_cast<const KeyRecord*>(base);
  base += g->key_count_ * sizeof(KeyRecord);
  g->strings_ = base;
  for (uint32_t i = 0; i < g->key_count_; ++i) {
    if (g->keys_[i].key >= g->string_bytes_ || g->keys_[i].place >= g->place_count_) {
      return corrupt("key out of range");
    }
  }
  std::fill(std::begin(g->country_index_), std::end(g->country_index_), -1);
  for (uint32_t i = 0; i < g->place_count_; ++i) {
    const PlaceRecord& r = g->places_[i];
    if (r.name >= g->string_bytes_) return corrupt("name out of range");
    if (r.kind == PlaceKind::kCountry && r.country[0] >= 'A' && r.country[0] <= 'Z' &&
        r.country[1] >= 'A' && r.country[1] <= 'Z') {
      g->country_index_[(r.country[0] - 'A') * 26 + (r.country[1] - 'A')] = static_cast<int32_t>(i);
    }
  }
  return g;
}

std::string_view Gazetteer::StringAt(uint32_t offset) const {
  return std::string_view(strings_ + offset);
}

std::span<const KeyRecord> Gazetteer::Find(std::string_view key) const {
  auto less = [this](const KeyRecord& r, std::string_view k) { return StringAt(r.key) < k; };
  auto greater = [this](std::string_view k, const KeyRecord& r) { return k < StringAt(r.key); };
  const KeyRecord* lo = std::lower_bound(keys_, keys_ + key_count_, key, less);
  const KeyRecord* hi = std::upper_bound(lo, keys_ + key_count_, key, greater);
  return std::span<const KeyRecord>(lo, hi);
}

bool Gazetteer::HasLongerKey(std::string_view prefix) const {
  std::string probe = std::string(prefix) + " ";
  auto less = [this](const KeyRecord& r, std::string_view k) { return StringAt(r.key) < k; };
  const KeyRecord* it = std::lower_bound(keys_, keys_ + key_count_, std::string_view(probe), less);
  return it != keys_ + key_count_ && StringAt(it->key).starts_with(probe);
}

Place Gazetteer::place(uint32_t index) const {
  const PlaceRecord& r = places_[index];
  Place p;
  p.index = index;
  p.record = &r;
  p.name = StringAt(r.name);
  p.country = r.country[0] == ' ' ? std::string_view() : std::string_view(r.country, 2);
  p.feature = FixedField(r.feature, sizeof(r.feature));
  p.admin1 = FixedField(r.admin1, sizeof(r.admin1));
  return p;
}

int64_t Gazetteer::CountryIndex(std::string_view alpha2) const {
  if (alpha2.size() != 2 || alpha2[0] < 'A' || alpha2[0] > 'Z' || alpha2[1] < 'A' ||
      alpha2[1] > 'Z') {
    return -1;
  }
  return country_index_[(alpha2[0] - 'A') * 26 + (alpha2[1] - 'A')];
}

}  // namespace sitrep

namespace sitrep {

std::string_view Gazetteer::Alpha3(std::string_view alpha2) const {
  int64_t i = CountryIndex(alpha2);
  return i < 0 ? std::string_view() : place(static_cast<uint32_t>(i)).admin1;
}

}  // namespace sitrep
