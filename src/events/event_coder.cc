#include "events/event_coder.h"

#include <algorithm>
#include <array>
#include <set>
#include <tuple>

namespace sitrep {

namespace {

// Nouns that take their actor from an "of" phrase ("the leader of Hamas", "forces of the
// government"): people and bodies that act for someone else.
bool IsRepresentativeNoun(std::string_view lemma) {
  static const std::array<std::string_view, 24> kNouns = {
      "leader",  "head",       "chief",     "president", "minister",   "spokesman",
      "spokeswoman", "spokesperson", "commander", "member", "official", "representative",
      "envoy",   "delegation", "ambassador", "government", "army",     "force",
      "troops",  "fighter",    "militant",  "soldier",   "delegate",   "administration"};
  return std::find(kNouns.begin(), kNouns.end(), lemma) != kNouns.end();
}

// Verbs whose object, not their subject, controls an infinitive complement
// ("urged Russia to withdraw": Russia withdraws).
bool IsObjectControlVerb(std::string_view lemma) {
  static const std::array<std::string_view, 14> kVerbs = {
      "urge", "ask", "call", "force", "order", "persuade", "allow",
      "tell", "invite", "encourage", "press", "pressure", "compel", "permit"};
  return std::find(kVerbs.begin(), kVerbs.end(), lemma) != kVerbs.end();
}

// Governing verbs that leave their complement unrealised ("plans to attack").
bool IsIrrealisGovernor(std::string_view lemma) {
  static const std::array<std::string_view, 22> kVerbs = {
      "plan", "intend", "want", "hope", "seek", "try", "attempt", "aim", "prepare", "consider",
      "expect", "wish", "propose", "decide", "threaten", "vow", "pledge", "promise", "offer",
      "need", "likely", "set"};
  return std::find(kVerbs.begin(), kVerbs.end(), lemma) != kVerbs.end();
}

bool IsModalAux(std::string_view lemma) {
  static const std::array<std::string_view, 9> kModals = {"may", "might", "could", "would", "should",
                                                          "can", "will", "shall", "must"};
  return std::find(kModals.begin(), kModals.end(), lemma) != kModals.end();
}

bool IsNegator(std::string_view lemma) {
  return lemma == "not" || lemma == "n't" || lemma == "never" || lemma == "no" || lemma == "neither" ||
         lemma == "nor";
}

bool IsVerbalKind(std::string_view kind) {
  return kind != "noun" && kind != "adj" && kind != "light" && kind != "negation" && kind != "modal";
}

// Which actor kinds a pronoun or description can refer to.
enum class ReferenceClass { kNone, kPerson, kSingularBody, kPlural, kGroup, kCountry, kGovernment };

ReferenceClass ClassifyReference(std::string_view lemma, bool definite_noun) {
  if (!definite_noun) {
    if (lemma == "he" || lemma == "him" || lemma == "his" || lemma == "she" || lemma == "her" ||
        lemma == "hers" || lemma == "himself" || lemma == "herself")
      return ReferenceClass::kPerson;
    if (lemma == "it" || lemma == "its" || lemma == "itself") return ReferenceClass::kSingularBody;
    if (lemma == "they" || lemma == "them" || lemma == "their" || lemma == "themselves")
      return ReferenceClass::kPlural;
    return ReferenceClass::kNone;
  }
  if (lemma == "group" || lemma == "militia" || lemma == "organization" || lemma == "organisation" ||
      lemma == "movement" || lemma == "faction")
    return ReferenceClass::kGroup;
  if (lemma == "country" || lemma == "state" || lemma == "nation" || lemma == "kingdom" ||
      lemma == "republic")
    return ReferenceClass::kCountry;
  if (lemma == "government" || lemma == "regime" || lemma == "administration" ||
      lemma == "authority" || lemma == "authorities" || lemma == "leadership" || lemma == "cabinet")
    return ReferenceClass::kGovernment;
  return ReferenceClass::kNone;
}

bool KindFits(ReferenceClass rc, std::string_view kind) {
  switch (rc) {
    case ReferenceClass::kPerson: return kind == "person";
    case ReferenceClass::kSingularBody:
      return kind == "country" || kind == "capital" || kind == "igo" || kind == "ngo" ||
             kind == "organization" || kind == "armed_group" || kind == "party" ||
             kind == "business" || kind == "media";
    case ReferenceClass::kPlural:
      return kind == "armed_group" || kind == "agent" || kind == "country_agent" ||
             kind == "organization" || kind == "demonym";
    case ReferenceClass::kGroup:
      return kind == "armed_group" || kind == "organization" || kind == "party" || kind == "ngo";
    case ReferenceClass::kCountry:
    case ReferenceClass::kGovernment:
      return kind == "country" || kind == "capital" || kind == "adjective" || kind == "country_agent";
    case ReferenceClass::kNone: return false;
  }
  return false;
}

// True when an actor says whom it belongs to: a country or an international root, not a
// bare role such as "MIL" from an agent noun with no country.
bool IsCodedActor(const ActorMention& a) {
  if (a.kind == "agent" || a.code.size() < 3) return false;
  for (int i = 0; i < 3; ++i) {
    if (a.code[i] < 'A' || a.code[i] > 'Z') return false;
  }
  return true;
}

}  // namespace

struct EventCoder::SentenceState {
  Document* doc;
  uint32_t sentence;
  Scratch* scratch;
  const DependencyTree& tree;
  int32_t day;
  size_t first_actor;   // first index in doc->actors belonging to this sentence
  size_t first_event;   // first index in doc->events belonging to this sentence
};

struct EventCoder::Candidate {
  const TriggerPattern* pattern = nullptr;
  int trigger = -1;
  int governor = -1;  // light verb or recoding verb that carries the clause
  std::string code;
  int source_head = -1;
  int target_head = -1;
  std::vector<int> sources;  // indices into doc->actors
  std::vector<int> targets;
};

EventCoder::EventCoder(const CameoTable& cameo, const EventLexicon& lexicon,
                       const ActorDictionary& actors, EventCoderOptions options)
    : cameo_(cameo), lexicon_(lexicon), actors_(actors), options_(options) {}

void EventCoder::Code(Document* doc, Scratch* scratch) const {
  doc->actors.clear();
  doc->events.clear();
  for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
    const Sentence& sent = doc->sentences[s];
    if (sent.token_count == 0 || doc->tokens[sent.first_token].deprel.empty()) continue;
    FindActors(doc, s, scratch);
    CodeSentence(doc, s, scratch);
  }
}

void EventCoder::FindActors(Document* doc, uint32_t sentence, Scratch* scratch) const {
  const Sentence& sent = doc->sentences[sentence];
  scratch->matches.clear();
  actors_.Match(*doc, sent, &scratch->matches, &scratch->match_scratch);
  scratch->actor_at.assign(sent.token_count, -1);
  int32_t day = ParseDayKey(doc->date);
  for (const ActorMatch& m : scratch->matches) {
    const ActorEntry* entry = actors_.ResolveAt(m, day == kNoDay ? kNoDay : day);
    ActorMention a;
    a.sentence = sentence;
    a.first_token = m.first_token;
    a.last_token = m.last_token;
    a.span = {doc->tokens[m.first_token].start, doc->tokens[m.last_token].end};
    if (entry && !(entry->kind == ActorKind::kPerson && entry->code.size() == 3)) {
      a.code = entry->code;
      a.name = entry->canonical;
      a.kind = std::string(ActorKindName(entry->kind));
    } else {
      // A person out of office is still someone of that country: an elite, not the state.
      const ActorEntry* any = entry ? entry : m.candidates.front();
      a.code = std::string(any->root()) + "ELI";
      a.name = any->canonical;
      a.kind = "person";
    }
    // The head is the token whose own head lies outside the match.
    a.head_token = m.last_token;
    for (uint32_t t = m.first_token; t <= m.last_token; ++t) {
      int h = doc->tokens[t].head;
      uint32_t abs_head = h < 0 ? UINT32_MAX : sent.first_token + h;
      if (abs_head < m.first_token || abs_head > m.last_token) a.head_token = t;
    }
    int index = static_cast<int>(doc->actors.size());
    doc->actors.push_back(std::move(a));
    for (uint32_t t = m.first_token; t <= m.last_token; ++t) {
      scratch->actor_at[t - sent.first_token] = index;
    }
  }
}

int EventCoder::CountryRoleActor(SentenceState& st, int country_actor, std::string_view role,
                                 int token) const {
  const ActorMention& country = st.doc->actors[country_actor];
  std::string root = country.code.substr(0, 3);
  const ActorEntry* entry = actors_.FindCountryAgent(root, role);
  ActorMention a;
  a.sentence = st.sentence;
  uint32_t abs = st.tree.Absolute(token);
  a.first_token = std::min(country.first_token, abs);
  a.last_token = std::max(country.last_token, abs);
  a.head_token = abs;
  a.span = {st.doc->tokens[a.first_token].start, st.doc->tokens[a.last_token].end};
  a.code = entry ? entry->code : root + std::string(role);
  a.name = entry ? entry->canonical : country.name;
  a.kind = "country_agent";
  a.antecedent = country.antecedent >= 0 ? country.antecedent : -1;
  int index = static_cast<int>(st.doc->actors.size());
  st.doc->actors.push_back(std::move(a));
  return index;
}

int EventCoder::ResolveReference(SentenceState& st, int token) const {
  const DependencyTree& tree = st.tree;
  std::string lemma = ToLowerAscii(tree.lemma(token).empty() ? tree.form(token) : tree.lemma(token));
  bool definite = tree.upos(token) == "NOUN";
  if (definite) {
    int det = tree.Child(token, "det");
    if (det < 0) return -1;
    std::string d = ToLowerAscii(tree.form(det));
    if (d != "the" && d != "this" && d != "that" && d != "these" && d != "those") return -1;
  }
  ReferenceClass rc = ClassifyReference(lemma, definite);
  if (rc == ReferenceClass::kNone) return -1;
  uint32_t abs = tree.Absolute(token);
  uint32_t earliest = st.sentence > static_cast<uint32_t>(options_.coreference_window)
                          ? st.sentence - options_.coreference_window
                          : 0;
  for (int i = static_cast<int>(st.doc->actors.size()) - 1; i >= 0; --i) {
    const ActorMention& cand = st.doc->actors[i];
    if (cand.sentence < earliest) break;
    if (cand.sentence == st.sentence && cand.last_token >= abs) continue;
    if (cand.antecedent >= 0 || !KindFits(rc, cand.kind) || !IsCodedActor(cand)) continue;
    if (rc == ReferenceClass::kGovernment && cand.code.size() == 3) {
      int gov = CountryRoleActor(st, i, "GOV", token);
      st.doc->actors[gov].first_token = st.doc->actors[gov].last_token = abs;
      st.doc->actors[gov].span = {st.doc->tokens[abs].start, st.doc->tokens[abs].end};
      st.doc->actors[gov].antecedent = i;
      return gov;
    }
    ActorMention a = cand;
    a.sentence = st.sentence;
    a.first_token = a.last_token = a.head_token = abs;
    a.span = {st.doc->tokens[abs].start, st.doc->tokens[abs].end};
    a.antecedent = i;
    int index = static_cast<int>(st.doc->actors.size());
    st.doc->actors.push_back(std::move(a));
    return index;
  }
  return -1;
}

int EventCoder::ActorFor(SentenceState& st, int head) const {
  if (head < 0) return -1;
  const DependencyTree& tree = st.tree;
  auto& actor_at = st.scratch->actor_at;
  int a = actor_at[head];
  if (a >= 0) {
    if (st.doc->actors[a].kind != "agent") return a;
    // A bare agent noun ("troops") takes its country from a modifier ("Syria's troops").
    for (int c : tree.children(head)) {
      std::string_view rel = tree.deprel(c);
      bool modifier = rel == "amod" || rel == "compound" || rel == "nmod:poss" ||
                      (rel == "nmod" && tree.CaseMarker(c) == "of");
      if (!modifier) continue;
      if (actor_at[c] < 0 && rel == "nmod:poss") {
        int r = ResolveReference(st, c);  // "its troops"
        if (r >= 0) actor_at[c] = r;
      }
      if (actor_at[c] < 0 || actor_at[c] == a) continue;
      const ActorMention& m = st.doc->actors[actor_at[c]];
      if (IsCodedActor(m)) {
        int combined = CountryRoleActor(st, actor_at[c], st.doc->actors[a].code, head);
        actor_at[head] = combined;
        return combined;
      }
    }
    return a;
  }
  std::string_view upos = tree.upos(head);
  if (upos == "PRON" || upos == "NOUN" || upos == "DET") {
    int r = ResolveReference(st, head);
    if (r >= 0) {
      actor_at[head] = r;
      return r;
    }
  }
  std::string lemma = ToLowerAscii(tree.lemma(head));
  for (int c : tree.children(head)) {
    std::string_view rel = tree.deprel(c);
    bool linked = rel == "compound" || rel == "flat" || rel == "nmod:poss" || rel == "amod" ||
                  rel == "appos" ||
                  (rel == "nmod" && tree.CaseMarker(c) == "of" && IsRepresentativeNoun(lemma));
    if (!linked) continue;
    int r = actor_at[c] >= 0 ? actor_at[c] : (rel == "nmod:poss" ? ResolveReference(st, c) : -1);
    if (r >= 0 && IsCodedActor(st.doc->actors[r])) return r;
  }
  return -1;
}

std::vector<int> EventCoder::ExpandConjuncts(SentenceState& st, int head) const {
  std::vector<int> out;
  if (head < 0) return out;
  std::vector<int> heads{head};
  for (int c : st.tree.Conjuncts(head)) heads.push_back(c);
  for (int h : heads) {
    int a = ActorFor(st, h);
    if (a >= 0 && std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
  }
  return out;
}

int EventCoder::SubjectOf(SentenceState& st, int verb, int depth) const {
  const DependencyTree& tree = st.tree;
  int nsubj = tree.Child(verb, "nsubj");
  std::string_view rel = tree.deprel(verb);
  int gov = tree.head(verb);
  if (nsubj >= 0) {
    std::string relpro = ToLowerAscii(tree.form(nsubj));
    if (rel == "acl:relcl" && gov >= 0 && (relpro == "which" || relpro == "who" || relpro == "that")) {
      return gov;
    }
    return nsubj;
  }
  if (depth > 4 || gov < 0) return -1;
  if (rel == "xcomp") {
    int obj = tree.Child(gov, "obj");
    if (obj >= 0 && IsObjectControlVerb(ToLowerAscii(tree.lemma(gov))) && ActorFor(st, obj) >= 0) {
      return obj;
    }
    return SubjectOf(st, gov, depth + 1);
  }
  if (rel == "conj") return SubjectOf(st, gov, depth + 1);
  if (rel == "acl:relcl" || rel == "acl") return gov;
  if (rel == "advcl" && tree.Child(verb, "mark") < 0) return SubjectOf(st, gov, depth + 1);
  return -1;
}

bool EventCoder::PatternFits(const SentenceState& st, int token, const TriggerPattern& p) const {
  const DependencyTree& tree = st.tree;
  auto child_lemma_in = [&](const std::vector<std::string>& values,
                            std::initializer_list<std::string_view> rels) {
    for (int c : tree.children(token)) {
      std::string_view rel = tree.base_deprel(c);
      if (std::find(rels.begin(), rels.end(), rel) == rels.end()) continue;
      std::string lemma = ToLowerAscii(tree.lemma(c));
      if (std::find(values.begin(), values.end(), lemma) != values.end()) return true;
    }
    return false;
  };
  bool passive = tree.Child(token, "nsubj:pass") >= 0 || tree.Child(token, "aux:pass") >= 0;
  if (!p.second.empty()) {
    // Every further word of a multi-word trigger must stand among the trigger's dependents
    // (particle, preposition of an oblique, object noun) or right after it.
    for (std::string_view word : SplitString(p.second, ' ')) {
      bool found = false;
      for (int c : tree.children(token)) {
        if (ToLowerAscii(tree.form(c)) == word || ToLowerAscii(tree.lemma(c)) == word ||
            tree.CaseMarker(c) == word) {
          found = true;
          break;
        }
      }
      if (!found && token + 1 < static_cast<int>(tree.size()) &&
          ToLowerAscii(tree.form(token + 1)) == word) {
        found = true;
      }
      if (!found) return false;
    }
  }
  if (const auto* passive_ok = p.Values("passive"); passive_ok && passive &&
                                                    (*passive_ok)[0] == "no") {
    return false;
  }
  if (const auto* obj = p.Values("obj")) {
    if (!child_lemma_in(*obj, {"obj", "nsubj", "iobj"}) &&
        !(passive && child_lemma_in(*obj, {"nsubj"}))) {
      // Light-verb nouns put the object in an "of" phrase ("imposition of sanctions").
      if (p.kind != "noun" || !child_lemma_in(*obj, {"nmod"})) return false;
    }
  }
  if (const auto* topic = p.Values("topic")) {
    if (!child_lemma_in(*topic, {"xcomp", "ccomp", "obj", "obl", "nmod", "advcl"})) return false;
  }
  if (const auto* with = p.Values("with")) {
    if (!child_lemma_in(*with, {"obl", "nmod", "obj", "xcomp"})) return false;
  }
  return true;
}

bool EventCoder::MatchTrigger(const SentenceState& st, int token, Candidate* out) const {
  const DependencyTree& tree = st.tree;
  std::string_view upos = tree.upos(token);
  std::string lemma = ToLowerAscii(tree.lemma(token));
  for (const TriggerPattern* p : lexicon_.Lookup(lemma)) {
    if (p->code == "-") continue;
    bool fits_pos = (p->kind == "noun" && (upos == "NOUN" || upos == "PROPN")) ||
                    (p->kind == "adj" && upos == "ADJ") ||
                    (IsVerbalKind(p->kind) && upos == "VERB");
    if (!fits_pos || !PatternFits(st, token, *p)) continue;
    out->pattern = p;
    out->trigger = token;
    out->code = p->code;
    return true;
  }
  return false;
}

void EventCoder::FindVerbArguments(SentenceState& st, int verb, const TriggerPattern& p,
                                   Candidate* c) const {
  const DependencyTree& tree = st.tree;
  bool passive = tree.Child(verb, "nsubj:pass") >= 0 || tree.Child(verb, "aux:pass") >= 0;
  int subject = -1, object = -1;
  if (passive) {
    subject = tree.Child(verb, "obl:agent");
    if (subject < 0) {
      for (int o : tree.Children(verb, "obl")) {
        if (tree.CaseMarker(o) == "by") subject = o;
      }
    }
    object = tree.Child(verb, "nsubj:pass");
    if (object < 0 && tree.deprel(verb) == "acl") object = tree.head(verb);
  } else {
    subject = SubjectOf(st, verb);
    object = tree.Child(verb, "obj");
  }
  c->source_head = subject;
  const std::vector<std::string>* preps = p.Values("prep");
  if (object >= 0 && !p.Has("obj") && ActorFor(st, object) >= 0) {
    c->target_head = object;
  } else {
    int iobj = tree.Child(verb, "iobj");
    if (iobj >= 0) c->target_head = iobj;
    for (int o : tree.Children(verb, "obl", true)) {
      if (c->target_head >= 0) break;
      std::string_view cm = tree.CaseMarker(o);
      if (preps && std::find(preps->begin(), preps->end(), cm) != preps->end()) c->target_head = o;
    }
    if (c->target_head < 0 && object >= 0 && !p.Has("obj")) c->target_head = object;
  }
}

void EventCoder::FindNounArguments(SentenceState& st, int noun, const TriggerPattern& p,
                                   Candidate* c) const {
  const DependencyTree& tree = st.tree;
  const std::vector<std::string>* preps = p.Values("prep");
  const std::vector<std::string>* of = p.Values("of");
  bool of_source = of && (*of)[0] == "source";
  bool of_target = of && (*of)[0] == "target";
  auto in_preps = [&](std::string_view cm) {
    return preps && std::find(preps->begin(), preps->end(), cm) != preps->end();
  };
  for (int ch : tree.children(noun)) {
    std::string_view rel = tree.deprel(ch);
    std::string_view cm = tree.CaseMarker(ch);
    if (c->source_head < 0 &&
        (rel == "nmod:poss" || ((rel == "amod" || rel == "compound") && ActorFor(st, ch) >= 0) ||
         (tree.base_deprel(ch) == "nmod" && (cm == "by" || (cm == "of" && of_source))))) {
      c->source_head = ch;
    } else if (c->target_head < 0 && tree.base_deprel(ch) == "nmod" &&
               (in_preps(cm) || (cm == "of" && of_target))) {
      c->target_head = ch;
    }
  }
  int gov = tree.head(noun);
  std::string_view rel = tree.deprel(noun);
  if (gov >= 0 && (rel == "obj" || rel == "nsubj:pass") &&
      lexicon_.IsCue("light", ToLowerAscii(tree.lemma(gov)))) {
    c->governor = gov;
    if (c->source_head < 0) {
      Candidate verb_args;
      FindVerbArguments(st, gov, p, &verb_args);
      c->source_head = verb_args.source_head;
      if (c->target_head < 0) {
        for (int o : tree.Children(gov, "obl", true)) {
          if (in_preps(tree.CaseMarker(o))) c->target_head = o;
        }
      }
    }
  }
}

void EventCoder::FindArguments(SentenceState& st, Candidate* c) const {
  const TriggerPattern& p = *c->pattern;
  if (p.kind == "noun") {
    FindNounArguments(st, c->trigger, p, c);
  } else if (p.kind == "adj") {
    // "Russia is optimistic about the talks": the adjective heads a copular clause.
    c->source_head = SubjectOf(st, c->trigger);
    for (int o : st.tree.Children(c->trigger, "obl", true)) {
      if (p.Allows("prep", st.tree.CaseMarker(o))) c->target_head = o;
    }
  } else {
    FindVerbArguments(st, c->trigger, p, c);
  }
  c->sources = ExpandConjuncts(st, c->source_head);
  c->targets = ExpandConjuncts(st, c->target_head);
}

bool EventCoder::Recode(SentenceState& st, Candidate* c) const {
  const auto* map = c->pattern->Values("map");
  if (!map) return false;
  const DependencyTree& tree = st.tree;
  int comp = tree.Child(c->trigger, "xcomp");
  if (comp < 0) comp = tree.Child(c->trigger, "ccomp");
  if (comp < 0) comp = tree.Child(c->trigger, "acl");
  if (comp < 0) {
    int obj = tree.Child(c->trigger, "obj");
    if (obj >= 0 && tree.upos(obj) == "NOUN") comp = obj;
  }
  if (comp < 0) return false;
  Candidate inner;
  if (!MatchTrigger(st, comp, &inner)) return false;
  std::string code = lexicon_.Recode((*map)[0], inner.code);
  if (code.empty()) return false;
  c->code = code;
  st.scratch->suppressed[comp] = 1;
  if (c->targets.empty()) {
    FindArguments(st, &inner);
    for (int t : inner.targets) {
      if (IsCodedActor(st.doc->actors[t])) c->targets.push_back(t);
    }
  }
  return true;
}

Modality EventCoder::ModalityOf(const SentenceState& st, int trigger, int governor) const {
  const DependencyTree& tree = st.tree;
  bool negated = false;
  bool hypothetical = false;
  // Walk from the trigger up through the clauses that embed it without asserting it.
  std::vector<int> chain{trigger};
  if (governor >= 0) chain.push_back(governor);
  for (int n = chain.back(), steps = 0; steps < 6; ++steps) {
    std::string_view rel = tree.deprel(n);
    int gov = tree.head(n);
    if (gov < 0) break;
    if (rel == "xcomp" || rel == "conj" || (rel == "advcl" && tree.Child(n, "mark") >= 0)) {
      if (rel == "xcomp" && IsIrrealisGovernor(ToLowerAscii(tree.lemma(gov)))) hypothetical = true;
      if (rel == "conj") break;  // a conjoined clause keeps its own modality
      chain.push_back(gov);
      n = gov;
      continue;
    }
    break;
  }
  for (int n : chain) {
    for (int ch : tree.children(n)) {
      std::string_view rel = tree.deprel(ch);
      std::string lemma = ToLowerAscii(tree.lemma(ch).empty() ? tree.form(ch) : tree.lemma(ch));
      if ((rel == "advmod" || rel == "det" || rel == "cc:preconj") && IsNegator(lemma)) negated = true;
      if (rel == "aux" && IsModalAux(lemma)) hypothetical = true;
      if (rel == "mark" && (lemma == "if" || lemma == "unless" || lemma == "whether")) hypothetical = true;
      if (rel == "amod" && lexicon_.IsCue("modal", lemma)) hypothetical = true;
      if (rel == "advmod" && (lemma == "possibly" || lemma == "perhaps" || lemma == "maybe" ||
                              lemma == "potentially" || lemma == "probably")) {
        hypothetical = true;
      }
    }
  }
  // A question does not assert ("Will Russia withdraw?").
  const Token& last = st.doc->tokens[st.tree.Absolute(static_cast<int>(tree.size()) - 1)];
  if (st.doc->Slice(last) == "?") hypothetical = true;
  if (hypothetical) return Modality::kHypothetical;
  if (negated) return Modality::kNegated;
  return Modality::kAsserted;
}

void EventCoder::Emit(SentenceState& st, const Candidate& c) const {
  const CameoCode* info = cameo_.Find(c.code);
  if (!info || c.sources.empty()) return;
  Modality modality = ModalityOf(st, c.trigger, c.governor);
  int emitted = 0;
  std::vector<int> targets = c.targets;
  if (targets.empty()) targets.push_back(-1);
  for (int s : c.sources) {
    const ActorMention& src = st.doc->actors[s];
    if (options_.require_coded_source && !IsCodedActor(src)) continue;
    for (int t : targets) {
      if (emitted >= options_.max_events_per_trigger) return;
      if (t >= 0 && st.doc->actors[t].code == src.code) continue;
      bool duplicate = false;
      for (size_t e = st.first_event; e < st.doc->events.size(); ++e) {
        const Event& prev = st.doc->events[e];
        if (prev.cameo == c.code && st.doc->actors[prev.source].code == src.code &&
            (prev.target < 0 ? t < 0 : (t >= 0 && st.doc->actors[prev.target].code == st.doc->actors[t].code))) {
          duplicate = true;
        }
      }
      if (duplicate) continue;
      Event ev;
      ev.sentence = st.sentence;
      ev.source = s;
      ev.target = t;
      ev.cameo = info->code;
      ev.root = info->root;
      ev.quad_class = info->quad_class;
      ev.goldstein = info->goldstein;
      ev.plover = info->plover;
      ev.trigger_token = st.tree.Absolute(c.trigger);
      const Token& tok = st.doc->tokens[ev.trigger_token];
      ev.trigger = {tok.start, tok.end};
      ev.modality = modality;
      st.doc->events.push_back(std::move(ev));
      ++emitted;
    }
  }
}

void EventCoder::CodeSentence(Document* doc, uint32_t sentence, Scratch* scratch) const {
  scratch->tree.Build(*doc, sentence);
  const DependencyTree& tree = scratch->tree;
  SentenceState st{doc, sentence, scratch, tree, ParseDayKey(doc->date), doc->actors.size(),
                   doc->events.size()};
  int n = static_cast<int>(tree.size());
  scratch->suppressed.assign(n, 0);
  std::vector<Candidate> statements;
  // Pass 1: verbs that recode their complement (intent, threat, demand, reject).
  // Pass 2: nominal events (which claim their light verbs). Pass 3: everything else.
  for (int pass = 1; pass <= 3; ++pass) {
    for (int t = 0; t < n; ++t) {
      if (scratch->suppressed[t]) continue;
      Candidate c;
      if (!MatchTrigger(st, t, &c)) continue;
      bool recoding = c.pattern->Has("map");
      bool nominal = c.pattern->kind == "noun";
      if ((pass == 1) != recoding || (pass == 2) != (nominal && !recoding)) continue;
      FindArguments(st, &c);
      if (recoding) Recode(st, &c);
      if (nominal && c.governor >= 0) scratch->suppressed[c.governor] = 1;
      scratch->suppressed[t] = 1;
      if (c.pattern->kind == "speech" && c.code == "010") {
        statements.push_back(std::move(c));
        continue;
      }
      Emit(st, c);
    }
  }
  // A bare statement is coded only when the sentence says nothing more specific.
  if (options_.code_statements && doc->events.size() == st.first_event) {
    for (const Candidate& c : statements) Emit(st, c);
  }
}

}  // namespace sitrep
