#include "syntax/ner_features.h"

#include <algorithm>
#include <cassert>

namespace sitrep {
namespace {

enum Slot {
  kForm = 0,
  kLower,
  kShape,
  kShort,
  kUpos,
  kXpos,
  kPrefix1,
  kPrefix2,
  kPrefix3,
  kSuffix1,
  kSuffix2,
  kSuffix3,
  kSuffix4,
  kFlags,
  kLength,
  // Name-run context: a run is a maximal stretch of name-like tokens (PROPN or capitalised).
  kRunFirst,
  kRunLast,
  kRunBefore,
  kRunAfter,
  kRunPosition,
};
static_assert(kRunPosition + 1 == kNerTokenSlots);

uint64_t Mix64(uint64_t x) {  // splitmix64 finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

uint64_t HashBytes(std::string_view s, uint64_t seed) {
  uint64_t h = 0xcbf29ce484222325ULL ^ Mix64(seed + 1);
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  return Mix64(h ^ s.size());
}

uint32_t Key(uint64_t h) {
  uint32_t k = static_cast<uint32_t>(h ^ (h >> 32));
  return k == 0 ? 1 : k;
}

uint32_t Feature(uint64_t templ, uint64_t a) { return Key(Mix64(a ^ Mix64(templ * 0x9e37 + 7))); }
uint32_t Feature(uint64_t templ, uint64_t a, uint64_t b) {
  return Key(Mix64(Mix64(a ^ Mix64(templ * 0x9e37 + 11)) + b));
}
uint32_t Feature(uint64_t templ, uint64_t a, uint64_t b, uint64_t c) {
  return Key(Mix64(Mix64(Mix64(a ^ Mix64(templ * 0x9e37 + 13)) + b) + c));
}

char ToLowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Capitalisation pattern and character classes, packed into a small integer.
uint64_t CaseFlags(std::string_view form) {
  int upper = 0, lower = 0, digit = 0, hyphen = 0, period = 0, apos = 0, other = 0;
  for (unsigned char c : form) {
    if (c >= 'A' && c <= 'Z')
      ++upper;
    else if (c >= 'a' && c <= 'z')
      ++lower;
    else if (c >= '0' && c <= '9')
      ++digit;
    else if (c == '-')
      ++hyphen;
    else if (c == '.')
      ++period;
    else if (c == '\'')
      ++apos;
    else
      ++other;
  }
  bool first_upper = !form.empty() && form[0] >= 'A' && form[0] <= 'Z';
  int pattern = upper == 0 ? (lower ? 1 : 0) : lower == 0 ? 2 : first_upper ? 3 : 4;
  return static_cast<uint64_t>(pattern) | (digit > 0) << 3 | (hyphen > 0) << 4 | (period > 0) << 5 |
         (apos > 0) << 6 | (other > 0) << 7;
}

uint64_t LengthBucket(size_t n) { return n <= 4 ? n : n <= 7 ? 5 : 6; }

void HashOneToken(std::string_view form, std::string_view upos, std::string_view xpos,
                  uint64_t* h) {
  std::string lower(form);
  for (char& c : lower) c = ToLowerAscii(c);
  std::string_view lv(lower);
  h[kForm] = HashBytes(form, kForm);
  h[kLower] = HashBytes(lv, kLower);
  h[kShape] = HashBytes(NerWordShape(form, false), kShape);
  h[kShort] = HashBytes(NerWordShape(form, true), kShort);
  h[kUpos] = HashBytes(upos, kUpos);
  h[kXpos] = HashBytes(xpos, kXpos);
  for (int k = 0; k < 3; ++k) h[kPrefix1 + k] = HashBytes(lv.substr(0, k + 1), kPrefix1 + k);
  for (int k = 0; k < 4; ++k) {
    size_t len = std::min<size_t>(lv.size(), k + 1);
    h[kSuffix1 + k] = HashBytes(lv.substr(lv.size() - len), kSuffix1 + k);
  }
  h[kFlags] = Mix64(CaseFlags(form) + 1000);
  h[kLength] = Mix64(LengthBucket(form.size()) + 2000);
}

bool NameLike(std::string_view form, std::string_view upos) {
  return upos == "PROPN" || (!form.empty() && form[0] >= 'A' && form[0] <= 'Z');
}

// Fills the run slots: for a token inside a run of name-like tokens, the lowercase hashes
// of the run's first and last tokens and of the tokens just outside it, and its position
// (single, first, inside, last); tokens outside runs get fixed "no run" values.
void HashNameRuns(const std::vector<std::string_view>& forms,
                  const std::vector<std::string_view>& upos, uint64_t* h) {
  size_t n = forms.size();
  auto lower = [&](size_t i) { return h[i * kNerTokenSlots + kLower]; };
  size_t i = 0;
  while (i < n) {
    std::string_view u = i < upos.size() ? upos[i] : std::string_view();
    size_t end = i;
    while (end < n && NameLike(forms[end], end < upos.size() ? upos[end] : std::string_view()))
      ++end;
    (void)u;
    if (end == i) {
      uint64_t* t = h + i * kNerTokenSlots;
      for (int s = kRunFirst; s <= kRunPosition; ++s) t[s] = Mix64(0x5eed + s);
      ++i;
      continue;
    }
    for (size_t k = i; k < end; ++k) {
      uint64_t* t = h + k * kNerTokenSlots;
      t[kRunFirst] = lower(i) ^ 0x1;
      t[kRunLast] = lower(end - 1) ^ 0x2;
      t[kRunBefore] = i > 0 ? lower(i - 1) ^ 0x3 : Mix64(0xb0);
      t[kRunAfter] = end < n ? lower(end) ^ 0x4 : Mix64(0xe0);
      uint64_t position = end - i == 1 ? 0 : k == i ? 1 : k + 1 == end ? 3 : 2;
      t[kRunPosition] = Mix64(0x9000 + position + 4 * std::min<uint64_t>(end - i, 4));
    }
    i = end;
  }
}

// Token hashes with padding outside the sentence.
struct View {
  const uint64_t* h;
  int n;
  uint64_t At(int i, int slot) const {
    if (i < 0) return Mix64(0xb05 + slot * 31 + static_cast<uint64_t>(-i));
    if (i >= n) return Mix64(0xe05 + slot * 37 + static_cast<uint64_t>(i - n));
    return h[i * kNerTokenSlots + slot];
  }
};

}  // namespace

std::string NerWordShape(std::string_view form, bool collapse) {
  std::string shape;
  for (size_t i = 0; i < form.size() && shape.size() < 16; ++i) {
    unsigned char c = static_cast<unsigned char>(form[i]);
    if ((c & 0xC0) == 0x80) continue;  // UTF-8 continuation byte
    char s = c >= 'A' && c <= 'Z'   ? 'X'
             : c >= 'a' && c <= 'z' ? 'x'
             : c >= '0' && c <= '9' ? 'd'
             : c >= 0x80            ? 'u'
                                    : static_cast<char>(c);
    if (collapse && !shape.empty() && shape.back() == s) continue;
    shape.push_back(s);
  }
  return shape;
}

void ComputeNerTokenHashes(const std::vector<std::string_view>& forms,
                           const std::vector<std::string_view>& upos,
                           const std::vector<std::string_view>& xpos,
                           std::vector<uint64_t>* hashes) {
  hashes->resize(forms.size() * kNerTokenSlots);
  for (size_t i = 0; i < forms.size(); ++i) {
    std::string_view u = i < upos.size() ? upos[i] : std::string_view();
    std::string_view x = i < xpos.size() ? xpos[i] : std::string_view();
    HashOneToken(forms[i], u, x, hashes->data() + i * kNerTokenSlots);
  }
  HashNameRuns(forms, upos, hashes->data());
}

void NerStaticFeatures(const uint64_t* hashes, int n, int i, uint32_t* out) {
  View v{hashes, n};
  int k = 0;
  out[k++] = Feature(0, 0);  // bias
  const int slots[] = {kForm,    kLower,   kShape,   kShort,   kPrefix1, kPrefix2, kPrefix3,
                       kSuffix1, kSuffix2, kSuffix3, kSuffix4, kUpos,    kXpos,    kFlags};
  for (int s : slots) out[k++] = Feature(1 + s, v.At(i, s));
  const struct {
    int offset, slot;
  } context[] = {{-1, kLower}, {1, kLower}, {-2, kLower}, {2, kLower}, {-1, kUpos},  {1, kUpos},
                 {-1, kXpos},  {1, kXpos},  {-2, kUpos},  {2, kUpos},  {-1, kShort}, {1, kShort}};
  for (const auto& c : context)
    out[k++] = Feature(100 + (c.offset + 2) * 16 + c.slot, v.At(i + c.offset, c.slot));
  out[k++] = Feature(60, v.At(i - 1, kLower), v.At(i, kLower));
  out[k++] = Feature(61, v.At(i, kLower), v.At(i + 1, kLower));
  out[k++] = Feature(62, v.At(i - 1, kXpos), v.At(i, kXpos));
  out[k++] = Feature(63, v.At(i, kXpos), v.At(i + 1, kXpos));
  out[k++] = Feature(64, v.At(i - 1, kShort), v.At(i, kShort));
  out[k++] = Feature(65, v.At(i, kShort), v.At(i + 1, kShort));
  out[k++] = Feature(66, i == 0, v.At(i, kShort));
  out[k++] = Feature(67, i == 0, v.At(i, kXpos));
  out[k++] = Feature(68, v.At(i - 1, kFlags), v.At(i, kFlags), v.At(i + 1, kFlags));
  out[k++] = Feature(69, v.At(i - 1, kLower), v.At(i, kXpos));
  out[k++] = Feature(70, v.At(i, kXpos), v.At(i + 1, kLower));
  out[k++] = Feature(71, v.At(i, kSuffix3), v.At(i, kXpos));
  out[k++] = Feature(72, v.At(i - 1, kLower), v.At(i, kShort));
  out[k++] = Feature(73, v.At(i, kShort), v.At(i + 1, kLower));
  out[k++] = Feature(74, v.At(i, kLength), v.At(i, kFlags));
  out[k++] = Feature(75, v.At(i, kRunFirst));
  out[k++] = Feature(76, v.At(i, kRunLast));
  out[k++] = Feature(77, v.At(i, kRunBefore));
  out[k++] = Feature(78, v.At(i, kRunAfter));
  out[k++] = Feature(79, v.At(i, kRunPosition), v.At(i, kRunLast));
  assert(k == kNerStaticFeatures);
}

void NerDynamicFeatures(const uint64_t* hashes, int n, int i, uint32_t prev1, uint32_t prev2,
                        uint32_t* out) {
  View v{hashes, n};
  out[0] = Feature(80, prev1);
  out[1] = Feature(81, prev1, prev2);
  out[2] = Feature(82, prev1, v.At(i, kLower));
  out[3] = Feature(83, prev1, v.At(i, kShort));
  out[4] = Feature(84, prev1, v.At(i, kXpos));
  out[5] = Feature(85, prev1, v.At(i - 1, kLower));
  out[6] = Feature(86, prev1, v.At(i, kFlags));
}

}  // namespace sitrep
