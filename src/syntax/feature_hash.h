// Feature hashing for the statistical syntax models.
//
// A feature is a template id plus up to three atomic values (word hashes, tag ids, ...).
// It is reduced to a 32-bit key that indexes a LinearModel row. The functions are pure and
// stable across platforms and runs, since keys are stored in model files: changing them
// invalidates every trained model.
#pragma once

#include <cstdint>
#include <string_view>

namespace sitrep {

// 64-bit FNV-1a of the bytes of `s`.
inline uint64_t HashBytes(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

// The splitmix64 finaliser: a strong bijective mix of 64 bits.
inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// Key of feature template `tmpl` with values a, b, c.
inline uint32_t FeatureKey(uint32_t tmpl, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  uint64_t h = Mix64(tmpl * 0x9e3779b97f4a7c15ULL + a);
  h = Mix64(h ^ (b + 0x632be59bd9b4e019ULL));
  if (c) h = Mix64(h ^ (c * 0x8cb92ba72f3d8dd7ULL));
  return static_cast<uint32_t>(h ^ (h >> 32));
}

// A cheaper key for the parser's hot path: template `tmpl` with values a, b, c (any 64-bit
// atoms; hashes or small integers). Three multiplications and no branch, so many keys can
// be computed in parallel by the CPU.
inline uint32_t ComboKey(uint32_t tmpl, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  uint64_t h = (a ^ (uint64_t{tmpl} << 40)) * 0x9e3779b97f4a7c15ULL;
  h = (h ^ (h >> 29) ^ b) * 0xbf58476d1ce4e5b9ULL;
  h = (h ^ (h >> 32) ^ c) * 0x94d049bb133111ebULL;
  return static_cast<uint32_t>(h >> 32);
}

}  // namespace sitrep
