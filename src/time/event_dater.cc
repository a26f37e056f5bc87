#include "time/event_dater.h"

#include <algorithm>
#include <cstdlib>

namespace sitrep {

namespace {

bool IsEmbeddedClause(std::string_view deprel) {
  return deprel.substr(0, 3) == "acl" || deprel.substr(0, 5) == "advcl" || deprel == "ccomp" ||
         deprel == "parataxis" || deprel.substr(0, 5) == "csubj" || deprel == "xcomp" ||
         deprel == "conj";
}

// Marks the tokens of the clause headed by `head` (sentence-relative), embedded clauses left out.
void MarkClause(const Document& doc, const Sentence& s, int head, std::vector<char>* in_clause) {
  std::vector<std::vector<int>> children(s.token_count);
  for (uint32_t i = 0; i < s.token_count; ++i) {
    int h = doc.tokens[s.first_token + i].head;
    if (h >= 0 && static_cast<uint32_t>(h) < s.token_count) children[h].push_back(static_cast<int>(i));
  }
  std::vector<int> stack{head};
  while (!stack.empty()) {
    int n = stack.back();
    stack.pop_back();
    (*in_clause)[n] = 1;
    for (int c : children[n]) {
      if (!IsEmbeddedClause(doc.tokens[s.first_token + c].deprel)) stack.push_back(c);
    }
  }
}

// The clause head of an event: its trigger, or the verb a nominal trigger is the object of.
int ClauseHead(const Document& doc, const Sentence& s, int trigger) {
  const Token& t = doc.tokens[s.first_token + trigger];
  if (t.upos == "VERB" || t.head < 0) return trigger;
  std::string_view rel = t.deprel;
  if (rel == "obj" || rel == "nsubj" || rel == "nsubj:pass" || rel == "obl") return t.head;
  return trigger;
}

}  // namespace

std::string EventDater::PrecisionOf(const std::string& value) {
  if (value.empty() || value.find('X') != std::string::npos || value.find("REF") != std::string::npos ||
      value[0] == 'P') {
    return "";
  }
  if (value.size() >= 10 && value[4] == '-' && value[7] == '-') return "day";
  if (value.find("-W") != std::string::npos) return "week";
  if (value.find("-Q") != std::string::npos) return "quarter";
  if (value.size() == 7 && value[4] == '-') {
    return std::isdigit(static_cast<unsigned char>(value[5])) ? "month" : "season";
  }
  if (value.size() == 4) return "year";
  if (value.size() == 3) return "decade";
  return "";
}

void EventDater::Date(Document* doc) const {
  if (doc->events.empty()) return;
  std::vector<TimeExpression> times;
  tagger_.TagDocument(*doc, &times);
  std::string doc_day = doc->date.size() >= 10 ? doc->date.substr(0, 10) : "";
  for (Event& e : doc->events) {
    const Sentence& s = doc->sentences[e.sentence];
    int trigger = static_cast<int>(e.trigger_token - s.first_token);
    std::vector<char> in_clause(s.token_count, 0), in_main(s.token_count, 0);
    MarkClause(*doc, s, ClauseHead(*doc, s, trigger), &in_clause);
    for (uint32_t i = 0; i < s.token_count; ++i) {
      if (doc->tokens[s.first_token + i].head < 0) MarkClause(*doc, s, static_cast<int>(i), &in_main);
    }
    const TimeExpression* clause_best = nullptr;
    const TimeExpression* sentence_best = nullptr;
    bool clause_states_time = false;
    int clause_distance = 1 << 30;
    for (const TimeExpression& t : times) {
      if (t.span.start < s.span.start || t.span.end > s.span.end) continue;
      if (t.type != "DATE" && t.type != "TIME") continue;
      bool usable = !PrecisionOf(t.value).empty();
      for (uint32_t i = 0; i < s.token_count; ++i) {
        const Token& tok = doc->tokens[s.first_token + i];
        if (tok.start < t.span.start || tok.end > t.span.end) continue;
        if (in_clause[i]) {
          clause_states_time = true;
          int distance = std::abs(static_cast<int>(i) - trigger);
          if (usable && distance < clause_distance) {
            clause_distance = distance;
            clause_best = &t;
          }
        } else if (in_main[i] && usable && !sentence_best) {
          sentence_best = &t;
        }
        break;
      }
    }
    // A clause that states its time but cannot be resolved keeps no date: never borrow one.
    const TimeExpression* chosen = clause_best ? clause_best : clause_states_time ? nullptr : sentence_best;
    if (chosen) {
      e.date = chosen->value.substr(0, std::min<size_t>(chosen->value.size(), 10));
      e.date_precision = PrecisionOf(chosen->value);
    } else if (!clause_states_time && !doc_day.empty()) {
      e.date = doc_day;
      e.date_precision = "publication";
    }
  }
}

}  // namespace sitrep
