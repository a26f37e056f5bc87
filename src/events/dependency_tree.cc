#include "events/dependency_tree.h"

#include <algorithm>
#include <string>

namespace sitrep {

std::string ToLowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void DependencyTree::Build(const Document& doc, uint32_t sentence_index) {
  doc_ = &doc;
  const Sentence& s = doc.sentences[sentence_index];
  first_ = s.first_token;
  size_ = s.token_count;
  if (children_.size() < size_) children_.resize(size_);
  head_.resize(size_);
  deprel_.resize(size_);
  for (size_t i = 0; i < size_; ++i) children_[i].clear();
  for (size_t i = 0; i < size_; ++i) {
    const Token& t = doc.tokens[first_ + i];
    int h = t.head;
    head_[i] = h;
    deprel_[i] = t.deprel;
    if (h >= 0 && static_cast<size_t>(h) < size_ && static_cast<size_t>(h) != i) {
      children_[h].push_back(static_cast<int>(i));
    }
  }
}

void DependencyTree::Reattach(int rel, int new_head, std::string_view deprel) {
  int old = head_[rel];
  if (old >= 0) std::erase(children_[old], rel);
  head_[rel] = new_head;
  deprel_[rel] = deprel;
  if (new_head >= 0) {
    auto& kids = children_[new_head];
    kids.insert(std::upper_bound(kids.begin(), kids.end(), rel), rel);
  }
}

std::string_view DependencyTree::base_deprel(int rel) const {
  std::string_view d = deprel(rel);
  size_t colon = d.find(':');
  return colon == std::string_view::npos ? d : d.substr(0, colon);
}

int DependencyTree::Child(int rel, std::string_view deprel, bool match_base) const {
  for (int c : children_[rel]) {
    if (this->deprel(c) == deprel || (match_base && base_deprel(c) == deprel)) return c;
  }
  return -1;
}

std::vector<int> DependencyTree::Children(int rel, std::string_view deprel, bool match_base) const {
  std::vector<int> out;
  for (int c : children_[rel]) {
    if (this->deprel(c) == deprel || (match_base && base_deprel(c) == deprel)) out.push_back(c);
  }
  return out;
}

std::string_view DependencyTree::CaseMarker(int rel) const {
  for (int c : children_[rel]) {
    if (deprel(c) == "case" && upos(c) != "PART") {
      std::string_view l = lemma(c);
      return l.empty() ? form(c) : l;
    }
  }
  return {};
}

void DependencyTree::SubtreeRange(int rel, int* first, int* last) const {
  *first = *last = rel;
  std::vector<int> stack{rel};
  while (!stack.empty()) {
    int n = stack.back();
    stack.pop_back();
    if (n < *first) *first = n;
    if (n > *last) *last = n;
    for (int c : children_[n]) stack.push_back(c);
  }
}

bool DependencyTree::Dominates(int ancestor, int rel) const {
  for (size_t steps = 0; rel >= 0 && steps <= size_; ++steps) {
    if (rel == ancestor) return true;
    rel = head(rel);
  }
  return false;
}

std::vector<int> DependencyTree::Conjuncts(int rel) const {
  std::vector<int> out;
  std::vector<int> stack{rel};
  while (!stack.empty()) {
    int n = stack.back();
    stack.pop_back();
    for (int c : children_[n]) {
      if (deprel(c) == "conj") {
        out.push_back(c);
        stack.push_back(c);
      }
    }
  }
  return out;
}

}  // namespace sitrep
