#include "events/dependency_tree.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace sitrep {
namespace {

// "Hungary agreed on Wednesday that ... cooperate": the clause hangs on "Wednesday".
Document StrandedClause() {
  Document doc;
  struct Row { const char* form; int head; const char* deprel; };
  const Row rows[] = {{"Hungary", 1, "nsubj"}, {"agreed", -1, "root"}, {"on", 3, "case"},
                      {"Wednesday", 1, "obl"}, {"that", 5, "mark"}, {"cooperate", 3, "acl"}};
  Sentence s;
  for (const Row& r : rows) {
    if (!doc.text.empty()) doc.text += ' ';
    Token t;
    t.start = static_cast<uint32_t>(doc.text.size());
    doc.text += r.form;
    t.end = static_cast<uint32_t>(doc.text.size());
    t.head = r.head;
    t.deprel = r.deprel;
    doc.tokens.push_back(t);
  }
  s.token_count = static_cast<uint32_t>(doc.tokens.size());
  doc.sentences.push_back(s);
  return doc;
}

TEST(DependencyTree, ReattachMovesTheArcInTheViewOnly) {
  Document doc = StrandedClause();
  DependencyTree tree;
  tree.Build(doc, 0);
  ASSERT_EQ(tree.head(5), 3);
  tree.Reattach(5, 1, "ccomp");
  EXPECT_EQ(tree.head(5), 1);
  EXPECT_EQ(tree.deprel(5), "ccomp");
  EXPECT_EQ(tree.Child(1, "ccomp"), 5);
  EXPECT_TRUE(tree.Children(3, "acl").empty());
  // Children stay in sentence order.
  const std::vector<int>& kids = tree.children(1);
  EXPECT_TRUE(std::is_sorted(kids.begin(), kids.end()));
  // The Document keeps the parser's arc.
  EXPECT_EQ(doc.tokens[5].head, 3);
  EXPECT_EQ(doc.tokens[5].deprel, "acl");
}

TEST(DependencyTree, RebuildForgetsRepairs) {
  Document doc = StrandedClause();
  DependencyTree tree;
  tree.Build(doc, 0);
  tree.Reattach(5, 1, "ccomp");
  tree.Build(doc, 0);
  EXPECT_EQ(tree.head(5), 3);
  EXPECT_EQ(tree.deprel(5), "acl");
}

}  // namespace
}  // namespace sitrep
