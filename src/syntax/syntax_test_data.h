// A tiny synthetic treebank for the syntax unit tests (test-only helper).
#pragma once

#include <string>
#include <vector>

#include "syntax/conllu.h"

namespace sitrep {

// Sentences "DET NOUN VERB DET NOUN ." built from a few words, with UD trees:
// det, nsubj, root, det, obj, punct. Deterministic.
inline std::vector<ConllSentence> TEST_ToyTreebank() {
  const char* dets[] = {"the", "a"};
  const char* nouns[] = {"army", "rebels", "city", "troops", "convoy"};
  const char* noun_lemmas[] = {"army", "rebel", "city", "troop", "convoy"};
  const char* noun_tags[] = {"NN", "NNS", "NN", "NNS", "NN"};
  const char* verbs[] = {"attacked", "left", "entered", "shelled"};
  const char* verb_lemmas[] = {"attack", "leave", "enter", "shell"};
  std::vector<ConllSentence> out;
  for (int s = 0; s < 60; ++s) {
    int n1 = s % 5, n2 = (s / 5 + 2) % 5, v = (s / 3) % 4;
    ConllSentence cs;
    auto word = [&](std::string form, std::string lemma, std::string upos, std::string xpos,
                    int head, std::string deprel) {
      ConllWord w;
      if (cs.words.empty()) form[0] = static_cast<char>(std::toupper(form[0]));
      w.form = form;
      w.lemma = lemma;
      w.upos = upos;
      w.xpos = xpos;
      w.head = head;
      w.deprel = deprel;
      cs.words.push_back(w);
    };
    word(dets[s % 2], dets[s % 2], "DET", "DT", 1, "det");
    word(nouns[n1], noun_lemmas[n1], "NOUN", noun_tags[n1], 2, "nsubj");
    word(verbs[v], verb_lemmas[v], "VERB", "VBD", -1, "root");
    word(dets[(s + 1) % 2], dets[(s + 1) % 2], "DET", "DT", 4, "det");
    word(nouns[n2], noun_lemmas[n2], "NOUN", noun_tags[n2], 2, "obj");
    word(".", ".", "PUNCT", ".", 2, "punct");
    out.push_back(std::move(cs));
  }
  return out;
}

}  // namespace sitrep
