#include "events/event_explain.h"

#include <cstdio>

namespace sitrep {

namespace {

// The actor mention whose span covers absolute token `t`, or -1.
int ActorAt(const Document& doc, uint32_t sentence, uint32_t t) {
  for (size_t i = 0; i < doc.actors.size(); ++i) {
    const ActorMention& a = doc.actors[i];
    if (a.sentence == sentence && a.first_token <= t && t <= a.last_token && a.antecedent < 0) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

void WriteParse(const Document& doc, uint32_t s, std::string* out) {
  const Sentence& sent = doc.sentences[s];
  char line[96];
  for (uint32_t i = 0; i < sent.token_count; ++i) {
    const Token& tok = doc.tokens[sent.first_token + i];
    std::snprintf(line, sizeof line, "  %3u %-5s %3d %-12s ", i + 1, tok.upos.c_str(),
                  tok.head + 1, tok.deprel.c_str());
    out->append(line);
    out->append(doc.Slice(tok));
    if (tok.lemma != doc.Slice(tok)) out->append(" [" + tok.lemma + "]");
    int a = ActorAt(doc, s, sent.first_token + i);
    if (a >= 0) out->append("   actor " + doc.actors[a].code + " (" + doc.actors[a].kind + ")");
    out->push_back('\n');
  }
}

}  // namespace

void WriteExplanation(const Document& doc, const CoderTrace& trace, std::string* out) {
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    out->append("== " + doc.id + " sentence " + std::to_string(s) + ": ");
    out->append(doc.SentenceText(doc.sentences[s]));
    out->push_back('\n');
    WriteParse(doc, s, out);
    for (const CoderTrace::Note& n : trace.notes) {
      if (n.sentence == s) out->append("  . " + n.text + "\n");
    }
    for (const Event& e : doc.events) {
      if (e.sentence != s) continue;
      std::string src = e.source >= 0 ? doc.actors[e.source].code : "-";
      std::string tgt = e.target >= 0 ? doc.actors[e.target].code : "-";
      out->append("  => " + e.cameo + " " + (e.plover.empty() ? "-" : e.plover) + " " + src +
                  " -> " + tgt + " " + ModalityName(e.modality) + " '" +
                  std::string(doc.Slice(e.trigger)) + "'\n");
    }
  }
}

}  // namespace sitrep
