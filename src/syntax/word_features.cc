#include "syntax/word_features.h"

#include <algorithm>

#include "syntax/feature_hash.h"

namespace sitrep {

void LowerAscii(std::string_view form, std::string* out) {
  out->assign(form);
  for (char& c : *out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
}

std::string WordShape(std::string_view form) {
  std::string shape;
  char last = 0;
  int run = 0;
  for (unsigned char c : form) {
    char s;
    if (c >= 'A' && c <= 'Z') s = 'X';
    else if (c >= 'a' && c <= 'z') s = 'x';
    else if (c >= '0' && c <= '9') s = 'd';
    else if (c >= 0x80) s = 'u';
    else s = static_cast<char>(c);
    run = (s == last) ? run + 1 : 1;
    last = s;
    if (run <= 2) shape.push_back(s);
    if (shape.size() >= 12) break;
  }
  return shape;
}

void ComputeWordAtoms(std::string_view form, std::string* scratch, WordAtoms* a) {
  a->exact = HashBytes(form);
  LowerAscii(form, scratch);
  std::string_view lower(*scratch);
  a->lower = HashBytes(lower);
  a->shape = HashBytes(WordShape(form)) + 1;
  for (size_t k = 0; k < 3; ++k) {
    a->prefix[k] = HashBytes(lower.substr(0, k + 1)) + 3 + k;
  }
  for (size_t k = 0; k < 4; ++k) {
    size_t len = std::min(lower.size(), k + 1);
    a->suffix[k] = HashBytes(lower.substr(lower.size() - len)) + 7 + k;
  }
  for (uint64_t& c : a->cluster) c = 0;
  a->capitalized = !form.empty() && form[0] >= 'A' && form[0] <= 'Z';
  a->has_digit = false;
  a->has_hyphen = false;
  for (char c : form) {
    if (c >= '0' && c <= '9') a->has_digit = true;
    if (c == '-') a->has_hyphen = true;
  }
}

}  // namespace sitrep
