// DependencyTree: a read-only view of one parsed sentence of a Document, with child lists,
// for walking Universal Dependencies trees (who is the subject of this verb, what does this
// preposition govern).
//
// Token indices here are RELATIVE to the sentence (0 .. size()-1); Absolute() converts to
// Document::tokens indices. The view borrows the Document, which must outlive it and must
// not change while it is in use. Cheap to build (one pass); not thread-safe to share while
// being rebuilt, so keep one per worker.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "document/document.h"

namespace sitrep {

class DependencyTree {
 public:
  DependencyTree() = default;
  // (Re)builds the view over sentence `sentence_index` of `doc`.
  void Build(const Document& doc, uint32_t sentence_index);

  size_t size() const { return size_; }
  uint32_t Absolute(int rel) const { return first_ + static_cast<uint32_t>(rel); }
  const Token& token(int rel) const { return doc_->tokens[first_ + rel]; }
  std::string_view form(int rel) const { return doc_->Slice(token(rel)); }
  std::string_view lemma(int rel) const { return token(rel).lemma; }
  std::string_view upos(int rel) const { return token(rel).upos; }
  std::string_view xpos(int rel) const { return token(rel).xpos; }
  std::string_view deprel(int rel) const { return deprel_[rel]; }
  // The relation without its subtype: "nsubj:pass" -> "nsubj".
  std::string_view base_deprel(int rel) const;
  int head(int rel) const { return head_[rel]; }
  const std::vector<int>& children(int rel) const { return children_[rel]; }

  // First child of `rel` whose deprel equals `deprel` exactly (or its base relation when
  // `deprel` has no subtype and match_base is true); -1 when none.
  int Child(int rel, std::string_view deprel, bool match_base = false) const;
  // All children with that relation.
  std::vector<int> Children(int rel, std::string_view deprel, bool match_base = false) const;
  // The case-marking preposition of a nominal ("on" in "airstrikes on X"), lowercased lemma
  // or form; empty when none.
  std::string_view CaseMarker(int rel) const;
  // Lowest and highest token of the subtree rooted at `rel`.
  void SubtreeRange(int rel, int* first, int* last) const;
  // True when `ancestor` dominates `rel` (or equals it).
  bool Dominates(int ancestor, int rel) const;
  // The conjuncts of `rel` (children with deprel "conj"), recursively, not including rel.
  std::vector<int> Conjuncts(int rel) const;

  // Repairs the view (never the Document): `rel` now depends on `new_head` with relation
  // `deprel`, which must outlive the view (a string literal). Used for the parser's known
  // misattachments; head() and deprel() read the repaired arc.
  void Reattach(int rel, int new_head, std::string_view deprel);

 private:
  const Document* doc_ = nullptr;
  uint32_t first_ = 0;
  size_t size_ = 0;
  std::vector<std::vector<int>> children_;
  std::vector<int> head_;                // per token: head within the sentence, or -1
  std::vector<std::string_view> deprel_;  // per token: relation to the head
};

// ASCII lowercase copy.
std::string ToLowerAscii(std::string_view s);

}  // namespace sitrep
