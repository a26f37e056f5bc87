// Event coder, part 1: the per-sentence passes and trigger matching. Actors and arguments
// are in event_arguments.cc; modality, tense and output in event_modality.cc.
#include "events/event_coder.h"

#include <algorithm>

#include "events/event_coder_internal.h"

namespace sitrep {

using coder_internal::Contains;
using coder_internal::IsInfinitiveComplement;
using coder_internal::LowerLemma;

namespace {

// True when the token can carry the pattern's part of speech. A word in a nominal slot
// counts as a noun whatever its tag, since taggers confuse "offensive" (noun) with the
// adjective.
bool PosFits(const TriggerPattern& p, const DependencyTree& tree, int token) {
  std::string_view upos = tree.upos(token);
  if (p.pos == "noun") {
    if (upos == "NOUN" || upos == "PROPN") return true;
    std::string_view rel = tree.base_deprel(token);
    return (upos == "ADJ" || upos == "VERB") &&
           (rel == "obj" || rel == "nsubj" || rel == "obl" || rel == "nmod" || rel == "iobj");
  }
  if (p.pos == "adj") return upos == "ADJ";
  return upos == "VERB";
}

bool IsPlainKind(std::string_view kind) {
  return kind == "verb" || kind == "noun" || kind == "adj" || kind == "speech";
}

// True when `word` is the lemma, form or case marker of one of `token`'s dependents.
bool AmongDependents(const DependencyTree& tree, int token, std::string_view word) {
  for (int c : tree.children(token)) {
    if (LowerLemma(tree, c) == word || ToLowerAscii(tree.form(c)) == word ||
        tree.CaseMarker(c) == word) {
      return true;
    }
    for (int g : tree.children(c)) {  // "take control of": "of" marks the object of "control"
      std::string_view rel = tree.deprel(g);
      if ((rel == "case" || rel == "fixed") && ToLowerAscii(tree.form(g)) == word) return true;
    }
  }
  return false;
}

// True when the phrase headed by `head` matches a (possibly multi-word) lexicon value:
// its last word is the head's lemma and the others stand among the head's dependents.
bool PhraseMatches(const DependencyTree& tree, int head, std::string_view value) {
  std::vector<std::string_view> words = SplitString(value, ' ');
  std::string lemma = LowerLemma(tree, head);
  std::string form = ToLowerAscii(tree.form(head));
  if (lemma != words.back() && form != words.back()) return false;
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (!AmongDependents(tree, head, words[i])) return false;
  }
  return true;
}

bool AnyPhraseMatches(const DependencyTree& tree, int head, const std::vector<std::string>& values) {
  if (head < 0) return false;
  for (const std::string& v : values) {
    if (PhraseMatches(tree, head, v)) return true;
  }
  return false;
}

bool IsPassive(const DependencyTree& tree, int token) {
  return tree.Child(token, "nsubj:pass") >= 0 || tree.Child(token, "aux:pass") >= 0;
}

// The head of the phrase an `obj:` constraint looks at.
int ObjectHead(const DependencyTree& tree, int token, const TriggerPattern& p) {
  if (p.pos == "noun") {
    for (int c : tree.children(token)) {
      if ((tree.base_deprel(c) == "nmod" && tree.CaseMarker(c) == "of") || tree.deprel(c) == "compound") {
        return c;
      }
    }
    return -1;
  }
  if (!p.extra.empty()) {  // "V P": the object of the lemma's own preposition
    for (int c : tree.children(token)) {
      if ((tree.base_deprel(c) == "obl" || tree.base_deprel(c) == "nmod") &&
          tree.CaseMarker(c) == p.extra.back()) {
        return c;
      }
    }
  }
  // A passive keeps a second object ("its members were denied visas"): that is the thing
  // the verb acts on; otherwise the passive subject is.
  int obj = tree.Child(token, "obj");
  if (IsPassive(tree, token) && obj < 0) obj = tree.Child(token, "nsubj:pass");
  // "Palmyra, which was liberated": a relative pronoun stands for the noun it modifies.
  if (obj >= 0 && tree.upos(obj) == "PRON" && tree.deprel(token).substr(0, 3) == "acl" &&
      tree.head(token) >= 0) {
    obj = tree.head(token);
  }
  return obj;
}

int SubjectHead(const DependencyTree& tree, int token) {
  if (IsPassive(tree, token)) return coder_internal::PassiveAgent(tree, token);
  int subj = tree.Child(token, "nsubj");
  // Up a chain of complements: "ordered the troops to begin leaving".
  for (int steps = 0; subj < 0 && steps < 3 && tree.head(token) >= 0 &&
                      (tree.deprel(token) == "xcomp" || tree.deprel(token) == "conj" ||
                       coder_internal::IsToInfinitive(tree, token));
       ++steps) {
    // "ordered the troops to withdraw": an infinitive after an object is the object's act.
    int obj = tree.deprel(token) != "conj" ? tree.Child(tree.head(token), "obj") : -1;
    token = tree.head(token);
    subj = obj >= 0 ? obj : tree.Child(token, "nsubj");
  }
  return subj;
}

// Lemmas of the trigger's subtree, the trigger and its subject's subtree left out.
std::vector<std::string> TopicLemmas(const DependencyTree& tree, int token) {
  int subject = SubjectHead(tree, token);
  std::vector<std::string> lemmas;
  std::vector<int> stack(tree.children(token).begin(), tree.children(token).end());
  while (!stack.empty()) {
    int n = stack.back();
    stack.pop_back();
    if (n == subject) continue;
    lemmas.push_back(LowerLemma(tree, n));
    for (int c : tree.children(n)) stack.push_back(c);
  }
  return lemmas;
}

bool TopicMatches(const DependencyTree& tree, int token, const std::vector<std::string>& values) {
  std::vector<std::string> lemmas = TopicLemmas(tree, token);
  auto has = [&](std::string_view w) { return std::find(lemmas.begin(), lemmas.end(), w) != lemmas.end(); };
  for (const std::string& v : values) {
    bool all = true;
    for (std::string_view w : SplitString(v, ' ')) all &= has(w);
    if (all) return true;
  }
  return false;
}

}  // namespace

EventCoder::EventCoder(const CameoTable& cameo, const EventLexicon& lexicon,
                       const ActorDictionary& actors, EventCoderOptions options)
    : cameo_(cameo), lexicon_(lexicon), actors_(actors), options_(options) {}

void EventCoder::Code(Document* doc, Scratch* scratch) const {
  doc->actors.clear();
  doc->events.clear();
  scratch->persons_named.clear();
  for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
    const Sentence& sent = doc->sentences[s];
    if (sent.token_count == 0 || doc->tokens[sent.first_token].deprel.empty()) continue;
    FindActors(doc, s, scratch);
    CodeSentence(doc, s, scratch);
  }
  KeepStateEventsOfLeisureReport(doc, scratch);
}

bool EventCoder::IsLeisureReport(const Document& doc) const {
  if (options_.leisure_density <= 0 || doc.tokens.empty()) return false;
  size_t sport = 0, arts = 0;
  for (const Token& t : doc.tokens) {
    std::string lemma = ToLowerAscii(t.lemma.empty() ? doc.Slice(t) : std::string_view(t.lemma));
    sport += lexicon_.IsCue("sport", lemma);
    arts += lexicon_.IsCue("arts", lemma);
  }
  double n = static_cast<double>(doc.tokens.size());
  auto dense = [&](size_t count) {
    return count >= static_cast<size_t>(options_.leisure_min_words) &&
           count / n >= options_.leisure_density;
  };
  return dense(sport) || dense(arts);
}

void EventCoder::KeepStateEventsOfLeisureReport(Document* doc, Scratch* scratch) const {
  if (doc->events.empty() || !IsLeisureReport(*doc)) return;
  auto state_actor = [&](int a) {
    if (a < 0) return false;
    const std::string& code = doc->actors[a].code;
    std::string_view role = code.size() >= 6 ? std::string_view(code).substr(3, 3) : "";
    return role == "GOV" || role == "MIL" || role == "COP" || role == "SPY";
  };
  std::erase_if(doc->events, [&](const Event& e) {
    bool drop = !state_actor(e.source) && !state_actor(e.target);
    if (drop && scratch->trace) {
      scratch->trace->Add(e.sentence, "event " + e.cameo + " '" + std::string(doc->Slice(e.trigger)) +
                                          "' dropped: a sports or arts report, and no state actor");
    }
    return drop;
  });
}

bool EventCoder::PlaceNameFits(const SentenceState& st, int head,
                               const std::vector<std::string>& values) const {
  // A proper name that is no actor is a place name ("retook Mosul"): it satisfies an object
  // constraint that names kinds of place (the lexicon's "place_noun" cue list).
  if (head < 0 || st.tree.upos(head) != "PROPN" || st.scratch->actor_at[head] >= 0) return false;
  for (const std::string& v : values) {
    if (lexicon_.IsCue("place_noun", v)) return true;
  }
  return false;
}

bool EventCoder::PersonFits(const SentenceState& st, int head,
                            const std::vector<std::string>& values) const {
  // The pseudo-value "*person" admits a named person: an actor of kind person ("released
  // Prime Minister Mahendra Chaudhry"), or a name the entity recogniser tags as a person.
  if (head < 0 || std::find(values.begin(), values.end(), "*person") == values.end()) return false;
  int a = st.scratch->actor_at[head];
  if (a >= 0) return st.doc->actors[a].kind == "person";
  uint32_t abs = st.doc->sentences[st.sentence].first_token + static_cast<uint32_t>(head);
  for (const EntityMention& e : st.doc->entities) {
    if (e.first_token <= abs && abs <= e.last_token) return e.type == "person";
  }
  return false;
}

int EventCoder::ThroughMeasure(const SentenceState& st, int head) const {
  // "25,000 tons of food aid", "two of its nationals", "part of a programme": the thing is
  // in the "of" phrase of a measure, a portion or a number.
  const DependencyTree& tree = st.tree;
  for (int steps = 0; head >= 0 && steps < 3; ++steps) {
    std::string lemma = LowerLemma(tree, head);
    if (tree.upos(head) != "NUM" && !lexicon_.IsCue("measure", lemma) &&
        !lexicon_.IsCue("quantity", lemma)) {
      break;
    }
    int inner = -1;
    for (int c : tree.children(head)) {
      if (tree.base_deprel(c) == "nmod" && tree.CaseMarker(c) == "of") inner = c;
    }
    if (inner < 0) break;
    head = inner;
  }
  return head;
}

bool EventCoder::PatternFits(const SentenceState& st, int token, const TriggerPattern& p,
                             std::string* why) const {
  const DependencyTree& tree = st.tree;
  auto fail = [why](std::string_view reason) {
    if (why) *why = reason;
    return false;
  };
  for (const std::string& w : p.extra) {
    if (!AmongDependents(tree, token, w)) return fail("no dependent '" + w + "'");
  }
  if (const auto* v = p.Values("passive"); v && (*v)[0] == "no" && IsPassive(tree, token)) {
    return fail("passive");
  }
  if (p.Has("noobj") && tree.Child(token, "obj") >= 0) return fail("has an object (noobj)");
  if (const auto* obj = p.Values("obj")) {
    int head = ObjectHead(tree, token, p);
    if (!AnyPhraseMatches(tree, head, *obj)) head = ThroughMeasure(st, head);
    if (!AnyPhraseMatches(tree, head, *obj) && !PlaceNameFits(st, head, *obj) &&
        !PersonFits(st, head, *obj)) {
      return fail(head < 0 ? "obj: no object" : "obj: '" + LowerLemma(tree, head) + "' not listed");
    }
  }
  if (const auto* subj = p.Values("subj")) {
    int head = SubjectHead(tree, token);
    if (!AnyPhraseMatches(tree, head, *subj)) head = ThroughMeasure(st, head);
    if (!AnyPhraseMatches(tree, head, *subj) && !PersonFits(st, head, *subj)) return fail("subj");
  }
  if (const auto* with = p.Values("with")) {
    bool found = false;
    for (int c : tree.children(token)) {
      std::string_view rel = tree.base_deprel(c);
      if (rel != "obl" && rel != "nmod" && rel != "advcl" && rel != "xcomp") continue;
      std::string_view cm = tree.CaseMarker(c);
      int mark = tree.Child(c, "mark");
      found |= Contains(with, cm) || (mark >= 0 && Contains(with, LowerLemma(tree, mark)));
    }
    if (!found) return fail("with: no such preposition");
  }
  if (const auto* topic = p.Values("topic")) {
    if (!TopicMatches(tree, token, *topic)) return fail("topic: none in the phrase");
  }
  return true;
}

void EventCoder::TraceLexicon(const SentenceState& st, int token) const {
  CoderTrace* trace = st.scratch->trace;
  if (!trace) return;
  for (const TriggerPattern* p : lexicon_.Lookup(LowerLemma(st.tree, token))) {
    if (p->code == "-" && p->kind != "block") continue;
    std::string why;
    bool fits = PosFits(*p, st.tree, token) ? PatternFits(st, token, *p, &why) : false;
    if (!PosFits(*p, st.tree, token)) why = "part of speech " + std::string(st.tree.upos(token));
    trace->Add(st.sentence, "word " + std::to_string(token + 1) + " '" +
                                std::string(st.tree.form(token)) + "': " + p->code + " " +
                                p->kind + " (" + p->file.substr(p->file.rfind('/') + 1) + ":" + std::to_string(p->line) +
                                ") " + (fits ? "fits" : "no: " + why));
  }
}

std::vector<const TriggerPattern*> EventCoder::FittingPatterns(const SentenceState& st,
                                                               int token) const {
  std::vector<const TriggerPattern*> out;
  for (const TriggerPattern* p : lexicon_.Lookup(LowerLemma(st.tree, token))) {
    if (p->code == "-" || p->kind == "block" || !PosFits(*p, st.tree, token)) continue;
    if (PatternFits(st, token, *p)) out.push_back(p);
  }
  return out;
}

bool EventCoder::IsBlocked(const SentenceState& st, int token) const {
  for (const TriggerPattern* p : lexicon_.Lookup(LowerLemma(st.tree, token))) {
    if (p->kind == "block" && PosFits(*p, st.tree, token) && PatternFits(st, token, *p)) return true;
  }
  return false;
}

bool EventCoder::FramedByHead(const SentenceState& st, int noun) const {
  const DependencyTree& tree = st.tree;
  int head = tree.head(noun);
  if (tree.deprel(noun) != "compound" || head < 0 || tree.upos(head) != "NOUN" ||
      !lexicon_.IsCue("frame_noun", LowerLemma(tree, head))) {
    return false;
  }
  // A phrase the lexicon lists whole ("mediation effort", "peace process") is matched at
  // its head instead.
  for (const TriggerPattern* p : FittingPatterns(st, head)) {
    if (IsPlainKind(p->kind)) return false;
  }
  return true;
}

int EventCoder::LightGovernor(const SentenceState& st, int noun) const {
  const DependencyTree& tree = st.tree;
  // "resumed the dialogue process": the event noun inside a frame noun takes its verb.
  if (FramedByHead(st, noun)) noun = tree.head(noun);
  int gov = tree.head(noun);
  std::string_view rel = tree.deprel(noun);
  if (gov < 0 || !lexicon_.IsCue("light", LowerLemma(tree, gov))) return -1;
  // "called the offensive a decisive moment": with a secondary predicate the verb judges
  // the event rather than carrying it.
  for (int c : tree.children(gov)) {
    if (tree.deprel(c) == "xcomp" && tree.upos(c) != "VERB") return -1;
  }
  if (rel == "obj" || rel == "nsubj:pass") return gov;
  // An oblique only through the light verb's own preposition ("came under attack").
  if (rel == "obl") {
    std::string_view cm = tree.CaseMarker(noun);
    for (const TriggerPattern* p : lexicon_.Cues("light", LowerLemma(tree, gov))) {
      if (std::find(p->extra.begin(), p->extra.end(), cm) != p->extra.end()) return gov;
    }
  }
  return -1;
}

bool EventCoder::IsDateWord(const SentenceState& st, int token) const {
  // "in March", "since May": a capitalised word of time inside the sentence is a date, not
  // a protest march.
  std::string_view form = st.tree.form(token);
  return token > 0 && !form.empty() && form[0] >= 'A' && form[0] <= 'Z' &&
         lexicon_.IsCue("time_noun", LowerLemma(st.tree, token));
}

bool EventCoder::InsideName(const SentenceState& st, int token) const {
  // "Christian Aid", "the Islamic Salvation Front", "Human Rights Watch": a word of a name
  // the dictionaries know is no trigger (agent nouns such as "troops" are no names).
  int a = st.scratch->actor_at[token];
  if (a < 0) return false;
  const std::string& kind = st.doc->actors[a].kind;
  return kind != "agent" && kind != "country_agent" && kind != "adjective" && kind != "demonym";
}

bool EventCoder::PlainTrigger(const SentenceState& st, int token, Candidate* out,
                              bool as_complement) const {
  if (IsBlocked(st, token) || IsDateWord(st, token) || InsideName(st, token)) return false;
  for (const TriggerPattern* p : FittingPatterns(st, token)) {
    if (!IsPlainKind(p->kind)) continue;
    int governor = -1;
    if (p->pos == "noun") {
      // A noun that modifies another noun names a kind of thing, not an event: "aid groups",
      // "riot police", "the peacekeeping force" (multi-word triggers such as "air strike" are
      // matched at their head).
      int head = st.tree.head(token);
      if (st.tree.deprel(token) == "compound" && head >= 0 && st.tree.upos(head) != "VERB" &&
          !FramedByHead(st, token)) {
        continue;
      }
      governor = LightGovernor(st, token);
      if (const auto* alone = p->Values("alone");
          alone && (*alone)[0] == "no" && governor < 0 && !as_complement) {
        continue;
      }
    }
    out->pattern = p;
    out->trigger = token;
    out->governor = governor;
    out->code = p->code;
    return true;
  }
  return false;
}

int EventCoder::GovernedEvent(const SentenceState& st, int token, const TriggerPattern& p,
                              Candidate* inner) const {
  const DependencyTree& tree = st.tree;
  std::vector<int> candidates;
  // A "that" clause of a demand, appeal or promise is governed only when it states the act
  // wanted ("demanded that Turkey withdraw"), not a fact ("insisted that its jets had not
  // bombed the town", which is a statement).
  bool wants = p.kind == "demand" || p.kind == "appeal" || p.kind == "intent";
  for (std::string_view rel : {"xcomp", "ccomp"}) {
    int c = tree.Child(token, rel);
    if (c >= 0 && (rel == "xcomp" || !wants || IsWantedClause(st, token, c))) candidates.push_back(c);
  }
  // A noun's clause: "the demand that Israel ease restrictions", "a pledge to withdraw".
  if (p.pos == "noun") {
    for (int c : tree.Children(token, "acl")) {
      int mark = tree.Child(c, "mark");
      std::string m = mark >= 0 ? LowerLemma(tree, mark) : "";
      if (tree.upos(c) == "VERB" && (m == "to" || (wants && m == "that" && IsWantedClause(st, token, c)))) {
        candidates.push_back(c);
      }
    }
  }
  // An infinitive the parser attached as a clause of purpose ("threatened on Monday to
  // break relations") is the complement all the same.
  // A purpose clause after an object ("shunned work to protest") is not.
  // Demands and appeals take an object and then the infinitive ("ordered the contingent to
  // begin leaving"), which the parser may also attach as a clause of purpose.
  bool object_control = p.kind == "demand" || p.kind == "appeal";
  for (int c : tree.Children(token, "advcl")) {
    if (IsInfinitiveComplement(tree, token, c) ||
        (object_control && coder_internal::IsToInfinitive(tree, c))) {
      candidates.push_back(c);
    }
  }
  // ... or hang it on the object ("ordered [the newspaper to suspend publication]"), as it
  // does the gerund of an accusation ("accused [Turkey of shelling its villages]").
  bool accusation = p.kind == "accuse";
  if (int obj = tree.Child(token, "obj"); (object_control || accusation) && obj >= 0) {
    for (int c : tree.Children(obj, "acl")) {
      int mark = tree.Child(c, "mark");
      std::string m = mark >= 0 ? LowerLemma(tree, mark) : "";
      if (tree.upos(c) == "VERB" && ((object_control && m == "to") || (accusation && (m == "of" || m == "for")))) {
        candidates.push_back(c);
      }
    }
  }
  // A complement noun under a light verb may see its complement attached to the verb
  // ("launched an investigation into the attack").
  std::vector<int> heads{token};
  if (p.pos == "noun") {
    int gov = LightGovernor(st, token);
    if (gov >= 0) heads.push_back(gov);
  }
  for (int h : heads)
  for (int c : tree.children(h)) {
    if (c == token) continue;
    std::string_view rel = tree.base_deprel(c);
    std::string_view cm = tree.CaseMarker(c);
    int mark = tree.Child(c, "mark");
    std::string mark_lemma = mark >= 0 ? LowerLemma(tree, mark) : "";
    bool governed_case = cm == "for" || cm == "of" || cm == "to" || cm == "into" || cm == "on" || cm == "upon" ||
                         cm == "over" || cm == "about";
    if (rel == "obj" || ((rel == "obl" || rel == "nmod") && governed_case) ||
        (rel == "advcl" && (mark_lemma == "of" || mark_lemma == "for"))) {
      candidates.push_back(c);
    }
    // "called for the release of": the event noun may sit inside an "of" phrase.
    if ((rel == "obl" || rel == "nmod" || rel == "obj") && tree.upos(c) == "NOUN") {
      for (int g : tree.children(c)) {
        if (tree.base_deprel(g) == "nmod" && tree.CaseMarker(g) == "of") candidates.push_back(g);
      }
    }
  }
  for (int c : candidates) {
    if (st.scratch->suppressed[c]) continue;
    Candidate probe;
    if (PlainTrigger(st, c, &probe, /*as_complement=*/true) && probe.pattern->kind != "speech") {
      *inner = std::move(probe);
      return c;
    }
    // "rejected an appeal", "turned down the invitation": what is refused is itself a
    // request, offer, demand or threat noun, with its own code.
    if (p.kind == "reject" && tree.upos(c) == "NOUN" && !IsBlocked(st, c)) {
      for (const TriggerPattern* q : FittingPatterns(st, c)) {
        if (!q->governs_complement() || q->pos != "noun") continue;
        if (q->kind != "appeal" && q->kind != "demand" && q->kind != "intent" && q->kind != "threat") {
          continue;
        }
        inner->pattern = q;
        inner->trigger = c;
        inner->code = q->code;
        return c;
      }
    }
    // "ordered the contingent to begin leaving": an aspect verb passes on to its complement.
    int xc = tree.Child(c, "xcomp");
    if (xc >= 0 && tree.upos(xc) == "VERB" && lexicon_.IsCue("light", LowerLemma(tree, c)) &&
        !st.scratch->suppressed[xc] && PlainTrigger(st, xc, &probe, /*as_complement=*/true) &&
        probe.pattern->kind != "speech") {
      *inner = std::move(probe);
      return xc;
    }
    // "promised to continue military aid": a light verb passes on to its object ("decided to
    // resume the dialogue process": to the event noun its frame noun holds).
    int obj = tree.Child(c, "obj");
    if (obj >= 0 && lexicon_.IsCue("frame_noun", LowerLemma(tree, obj))) {
      for (int f : tree.Children(obj, "compound")) {
        if (lexicon_.IsCue("light", LowerLemma(tree, c)) && !st.scratch->suppressed[f] &&
            PlainTrigger(st, f, &probe, /*as_complement=*/true) && probe.pattern->kind != "speech") {
          *inner = std::move(probe);
          return f;
        }
      }
    }
    if (obj >= 0 && lexicon_.IsCue("light", LowerLemma(tree, c)) && !st.scratch->suppressed[obj] &&
        PlainTrigger(st, obj, &probe, /*as_complement=*/true) && probe.pattern->kind != "speech") {
      *inner = std::move(probe);
      return obj;
    }
  }
  return -1;
}

bool EventCoder::ComplementTrigger(SentenceState& st, int token, Candidate* out) const {
  if (IsBlocked(st, token)) return false;
  for (const TriggerPattern* p : FittingPatterns(st, token)) {
    if (!p->governs_complement()) continue;
    Candidate inner;
    int governed = GovernedEvent(st, token, *p, &inner);
    // "sought refuge in Germany": a specific entry of the word itself for its object noun
    // ("seek ... | obj: refuge", an appeal) beats reading the noun as the thing intended.
    // (Only for words whose complement is a plan, not a promise: "offered support" stays an
    // intent.)
    const auto* fallback = p->Values("fallback");
    bool plan_word = fallback && (*fallback)[0] == "no";
    if (governed >= 0 && plan_word && st.tree.deprel(governed) == "obj" && HasPlainFit(st, token)) {
      continue;
    }
    if (governed < 0) {
      if (!HasClausalComplement(st, token, *p) || HasPlainFit(st, token)) continue;
      return FallbackComplementTrigger(st, token, *p, out);
    }
    out->pattern = p;
    out->trigger = token;
    if (p->pos == "noun") out->governor = LightGovernor(st, token);
    Modality own = ModalityOf(st, token, out->governor);
    std::string map = own == Modality::kNegated ? "reject" : (*p->Values("map"))[0];
    std::string code = lexicon_.Recode(map, inner.code);
    out->code = code.empty() ? p->code : code;
    if (own == Modality::kNegated) {
      out->modality_fixed = true;
      out->modality = code.empty() ? Modality::kNegated : Modality::kAsserted;
    }
    FindArguments(st, out);
    // "Putin ordered the bulk of Russia's military to withdraw": an order to one's own
    // forces announces the act itself, an intent of the state, not a demand on anyone.
    if (p->kind == "demand" && own != Modality::kNegated && OrdersOwnForces(st, *out)) {
      std::string intent = lexicon_.Recode("intent", inner.code);
      if (!intent.empty()) {
        out->code = intent;
        FindArguments(st, &inner);
        out->targets.clear();
        for (int t : inner.targets) {
          if (coder_internal::IsCodedActor(st.doc->actors[t]) &&
              st.doc->actors[t].code.compare(0, 3, st.doc->actors[out->sources[0]].code, 0, 3) != 0) {
            out->targets.push_back(t);
          }
        }
      }
    }
    // "ordered the newspaper to suspend publication": an order to undergo a restriction is
    // the restriction itself, imposed by whoever orders it.
    if (p->kind == "demand" && own != Modality::kNegated && inner.code.compare(0, 2, "17") == 0) {
      out->code = inner.code;
    }
    // "the demand that Israel ease restrictions": the subject of the clause wanted is the
    // one the demand is made of.
    if (out->targets.empty() && (p->kind == "demand" || p->kind == "appeal") &&
        (st.tree.base_deprel(governed) == "acl" || st.tree.deprel(governed) == "ccomp")) {
      int subject = SubjectOf(st, governed);
      for (int a : subject >= 0 ? ExpandConjuncts(st, subject) : std::vector<int>{}) {
        if (coder_internal::IsCodedActor(st.doc->actors[a])) out->targets.push_back(a);
      }
    }
    // The addressee of an appeal, demand or accusation is the target ("urged Russia to
    // withdraw"); otherwise the governed event's own target ("vowed to attack Raqqa").
    // An accusation or an investigation is aimed at whoever did the governed act.
    if (out->targets.empty() || p->kind == "intent" || p->kind == "threat") {
      FindArguments(st, &inner);
      bool at_actor = p->kind == "accuse" || p->kind == "investigate";
      std::vector<int> targets;
      for (int t : at_actor ? inner.sources : inner.targets) {
        if (coder_internal::IsCodedActor(st.doc->actors[t])) targets.push_back(t);
      }
      if (!targets.empty() || out->targets.empty()) out->targets = targets;
    }
    if (out->targets.empty()) out->targets = ComplementTargets(st, token, out->sources);
    st.scratch->suppressed[governed] = 1;
    if (inner.governor >= 0) st.scratch->suppressed[inner.governor] = 1;
    return true;
  }
  return false;
}

bool EventCoder::OrdersOwnForces(const SentenceState& st, const Candidate& order) const {
  if (order.sources.empty() || order.targets.empty()) return false;
  const std::string& source = st.doc->actors[order.sources[0]].code;
  if (source.size() < 3) return false;
  for (int t : order.targets) {
    const std::string& code = st.doc->actors[t].code;
    bool forces = code.size() >= 6 && (code.compare(3, 3, "MIL") == 0 || code.compare(3, 3, "COP") == 0);
    if (!forces || code.compare(0, 3, source, 0, 3) != 0 || source.compare(3, 3, "MIL") == 0) return false;
  }
  return true;
}

bool EventCoder::HasClausalComplement(const SentenceState& st, int token,
                                      const TriggerPattern& p) const {
  if (const auto* f = p.Values("fallback"); f && (*f)[0] == "no") return false;
  const DependencyTree& tree = st.tree;
  // Infinitives for every kind ("threatened to", "urged X to", "promised to"); "that"
  // clauses only where they state what is wanted or promised ("demanded that", "agreed that").
  bool that_clause = p.kind == "demand" || p.kind == "appeal" || p.kind == "intent";
  for (int c : tree.children(token)) {
    std::string_view rel = tree.deprel(c);
    if (rel == "xcomp" && tree.upos(c) == "VERB") return true;
    if (rel == "advcl" && p.pos == "verb" && IsInfinitiveComplement(tree, token, c)) return true;
    if (that_clause && rel == "ccomp" && IsWantedClause(st, token, c)) return true;
    // Nouns and adjectives: "the demand that Israel ease", "ready to lift".
    if ((rel == "acl" || rel == "advcl") && tree.upos(c) == "VERB") {
      int mark = tree.Child(c, "mark");
      std::string m = mark >= 0 ? LowerLemma(tree, mark) : "";
      if (m == "to" || (that_clause && m == "that" && IsWantedClause(st, token, c))) return true;
    }
  }
  return false;
}

bool EventCoder::YieldsEvent(const SentenceState& st, int token) const {
  for (const TriggerPattern* p : FittingPatterns(st, token)) {
    if (IsPlainKind(p->kind) && p->kind != "speech") return true;
    if (!p->governs_complement()) continue;
    Candidate inner;
    if (GovernedEvent(st, token, *p, &inner) >= 0 || HasClausalComplement(st, token, *p)) return true;
  }
  return false;
}

bool EventCoder::HasPlainFit(const SentenceState& st, int token) const {
  // A more specific plain entry of the same word ("declined to comment": 011) is coded in
  // its own pass and beats the complement word's generic fallback.
  for (const TriggerPattern* p : FittingPatterns(st, token)) {
    if (IsPlainKind(p->kind) && p->kind != "speech" && p->specificity() >= 20) return true;
  }
  return false;
}

bool EventCoder::FallbackComplementTrigger(SentenceState& st, int token, const TriggerPattern& p,
                                           Candidate* out) const {
  // The complement is no coded event ("promised to democratize", "ordered Menem to appear",
  // "demanded that Ankara provide information"): the word's own code stands.
  out->pattern = &p;
  out->trigger = token;
  if (p.pos == "noun") out->governor = LightGovernor(st, token);
  out->code = p.code;
  if (ModalityOf(st, token, out->governor) == Modality::kNegated) {
    std::string code = lexicon_.Recode("reject", p.code);
    out->modality_fixed = true;
    out->modality = code.empty() ? Modality::kNegated : Modality::kAsserted;
    if (!code.empty()) out->code = code;
  }
  FindArguments(st, out);
  if (out->targets.empty()) out->targets = ComplementTargets(st, token, out->sources);
  return true;
}

void EventCoder::CodeReportedObligation(SentenceState& st, const Candidate& speech) const {
  // "Russia said Sudan must return the helicopter": a demand by the speaker on the clause's
  // subject, even when the clause's own verb codes nothing.
  const DependencyTree& tree = st.tree;
  int clause = tree.Child(speech.trigger, "ccomp");
  if (clause < 0 && tree.deprel(speech.trigger) == "parataxis") clause = tree.head(speech.trigger);
  if (clause < 0 || st.scratch->suppressed[clause] || tree.upos(clause) != "VERB") return;
  const TriggerPattern* obligation = nullptr;
  for (int ch : tree.children(clause)) {
    if (tree.base_deprel(ch) != "aux") continue;
    if (const TriggerPattern* p = AuxObligation(LowerLemma(tree, ch))) obligation = p;
  }
  int gov = tree.head(clause);  // "Y has to withdraw": the clause is the complement of "have"
  if (!obligation && gov >= 0 && tree.deprel(clause) == "xcomp") {
    for (const TriggerPattern* p : lexicon_.Cues("obligation", LowerLemma(tree, gov))) obligation = p;
  }
  if (!obligation || obligation->code == "-") return;
  int speaker = ActorFor(st, SubjectOf(st, speech.trigger));
  int subject_head = SubjectOf(st, clause);
  std::vector<int> addressees = ExpandConjuncts(st, subject_head);
  if (speaker < 0 || addressees.empty()) return;
  const std::string& speaker_code = st.doc->actors[speaker].code;
  for (int a : addressees) {
    if (st.doc->actors[a].code.compare(0, 3, speaker_code, 0, 3) == 0) return;  // "we must"
  }
  Candidate demand;
  demand.pattern = obligation;
  demand.trigger = clause;
  demand.code = obligation->code;
  demand.source_head = speech.source_head;
  demand.target_head = subject_head;
  demand.sources = {speaker};
  demand.targets = addressees;
  demand.modality_fixed = true;
  demand.modality = Modality::kAsserted;
  st.scratch->suppressed[clause] = 1;
  Emit(st, demand);
}

void EventCoder::RepairTree(DependencyTree* tree) const {
  // "its demand that Israel ease restrictions": the parser reads a content clause as a
  // relative clause with "that" as its object; a clause whose verb has an object (or a
  // subject) besides the "that" cannot be relative, so "that" is its complementiser.
  for (int c = 0; c < static_cast<int>(tree->size()); ++c) {
    if (tree->deprel(c) != "acl:relcl" || tree->upos(c) != "VERB") continue;
    for (int t : std::vector<int>(tree->children(c))) {
      if (ToLowerAscii(tree->form(t)) != "that" || t > c) continue;
      std::string_view role = tree->base_deprel(t);
      if (role != "obj" && role != "nsubj") continue;
      int other = -1;
      for (int ch : tree->children(c)) {
        if (ch != t && tree->base_deprel(ch) == role) other = ch;
      }
      if (other < 0) continue;
      tree->Reattach(t, c, "mark");
      tree->Reattach(c, tree->head(c), "acl");
      break;
    }
  }
  // "has called off a four-day strike": a noun read as a secondary predicate (xcomp) of a
  // verb with no object is its object; verbs of becoming keep their predicate noun.
  for (int c = 0; c < static_cast<int>(tree->size()); ++c) {
    if (tree->deprel(c) != "xcomp" || tree->upos(c) != "NOUN") continue;
    int verb = tree->head(c);
    if (verb < 0 || tree->upos(verb) != "VERB" || tree->Child(verb, "obj") >= 0) continue;
    if (tree->Child(verb, "nsubj:pass") >= 0 || lexicon_.IsCue("copular", LowerLemma(*tree, verb))) continue;
    tree->Reattach(c, verb, "obj");
  }
  // "agreed on Wednesday that the two countries should cooperate": the parser hangs the
  // "that" clause on the day name (acl); it is the verb's complement.
  for (int c = 0; c < static_cast<int>(tree->size()); ++c) {
    if (tree->base_deprel(c) != "acl" || tree->upos(c) != "VERB") continue;
    int mark = tree->Child(c, "mark");
    if (mark < 0 || LowerLemma(*tree, mark) != "that") continue;
    int noun = tree->head(c);
    if (noun < 0 || tree->base_deprel(noun) != "obl") continue;
    if (!lexicon_.IsCue("time_noun", LowerLemma(*tree, noun))) continue;
    int verb = tree->head(noun);
    if (verb >= 0 && tree->upos(verb) == "VERB" && tree->Child(verb, "ccomp") < 0) {
      tree->Reattach(c, verb, "ccomp");
    }
  }
}

bool EventCoder::VerbClaimsObject(SentenceState& st, int noun) const {
  // "called off a strike", "lifted the ban", "eased restrictions": a verb entry that names
  // this noun among its objects codes the event; the noun is no event of its own.
  const DependencyTree& tree = st.tree;
  int verb = tree.head(noun);
  if (verb < 0 || tree.deprel(noun) != "obj" || tree.upos(verb) != "VERB" || st.scratch->suppressed[verb]) {
    return false;
  }
  Candidate probe;
  if (!PlainTrigger(st, verb, &probe)) return false;
  const TriggerPattern& p = *probe.pattern;
  if (p.pos != "verb" || p.kind != "verb" || p.Values("obj") == nullptr) return false;
  // A light verb leaves the event to its noun ("held joint naval exercises" is military
  // cooperation, not a show of force; "carried out an attack"). With a particle it is
  // light only as that phrasal verb: "call" a strike is light, "call off" a strike is not.
  int prt = tree.Child(verb, "compound:prt");
  std::string particle = prt >= 0 ? LowerLemma(tree, prt) : "";
  for (const TriggerPattern* cue : lexicon_.Cues("light", LowerLemma(tree, verb))) {
    bool plain = cue->extra.empty();
    if ((plain && particle.empty()) ||
        (!plain && std::find(cue->extra.begin(), cue->extra.end(), particle) != cue->extra.end())) {
      return false;
    }
  }
  return true;
}

void EventCoder::CodeSentence(Document* doc, uint32_t sentence, Scratch* scratch) const {
  scratch->tree.Build(*doc, sentence);
  RepairTree(&scratch->tree);
  const DependencyTree& tree = scratch->tree;
  SentenceState st{doc, sentence, scratch, tree, ParseDayKey(doc->date), doc->events.size()};
  int n = static_cast<int>(tree.size());
  scratch->suppressed.assign(n, 0);
  if (scratch->trace) {
    for (int t = 0; t < n; ++t) TraceLexicon(st, t);
  }
  // Pass 1: words that govern a complement event (intent, appeal, demand, threat, ...).
  for (int t = 0; t < n; ++t) {
    Candidate c;
    if (scratch->suppressed[t] || !ComplementTrigger(st, t, &c)) continue;
    scratch->suppressed[t] = 1;
    if (c.governor >= 0) scratch->suppressed[c.governor] = 1;  // "launched" an investigation
    Emit(st, c);
  }
  // Pass 2: nominal events, which claim their light verbs. Pass 3: verbs and adjectives.
  std::vector<Candidate> statements;
  for (int pass = 2; pass <= 3; ++pass) {
    for (int t = 0; t < n; ++t) {
      Candidate c;
      if (scratch->suppressed[t] || !PlainTrigger(st, t, &c)) continue;
      if ((pass == 2) != (c.pattern->pos == "noun")) continue;
      if (pass == 2 && VerbClaimsObject(st, t)) continue;
      scratch->suppressed[t] = 1;
      if (c.governor >= 0) scratch->suppressed[c.governor] = 1;
      FindArguments(st, &c);
      // "demanded the removal of President X", "threatened a boycott of the talks with
      // Israel": appeals, demands and threats are aimed at whom their object is about.
      std::string_view root = std::string_view(c.code).substr(0, 2);
      if (c.targets.empty() && c.pattern->pos == "verb" &&
          (root == "02" || root == "10" || root == "13")) {
        c.targets = ComplementTargets(st, t, c.sources);
      }
      if (c.pattern->kind == "speech") {
        statements.push_back(std::move(c));
        continue;
      }
      ApplyTense(st, &c);
      Emit(st, c);
    }
  }
  for (const Candidate& c : statements) CodeReportedObligation(st, c);
  // A statement is coded only when it carries a clause or quotation and the sentence says
  // nothing more specific.
  if (!options_.code_statements || doc->events.size() != st.first_event) return;
  for (const Candidate& c : statements) {
    bool carries_clause = tree.Child(c.trigger, "ccomp") >= 0 ||
                          tree.Child(c.trigger, "parataxis") >= 0 ||
                          tree.deprel(c.trigger) == "parataxis";
    if (carries_clause) Emit(st, c);
  }
}

}  // namespace sitrep
