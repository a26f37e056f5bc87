// Event coder, part 3: modality (asserted, hypothetical, negated), the future and
// obligations in reported speech, and writing events out.
#include <algorithm>

#include "events/event_coder_internal.h"

namespace sitrep {

using coder_internal::IsCodedActor;
using coder_internal::LowerLemma;

namespace {

bool IsSpeechVerb(const EventLexicon& lexicon, std::string_view lemma) {
  for (const TriggerPattern* p : lexicon.Lookup(lemma)) {
    if (p->kind == "speech") return true;
  }
  return false;
}

// True when `target` is the source's own forces: reached through a pronoun ("Russia withdrew
// its troops") or given the source's country by context ("India mobilised troops").
bool IsOwnForces(const std::vector<ActorMention>& actors, const ActorMention& source,
                 const ActorMention& target) {
  bool same_country = target.code.compare(0, 3, source.code, 0, 3) == 0;
  if (!same_country) return false;
  if (target.antecedent >= 0) return target.code.compare(0, source.code.size(), source.code) == 0;
  return target.kind == "country_agent" && target.code.size() == 6 &&
         target.code.compare(3, 3, "MIL") == 0 && source.code.compare(3, 3, "MIL") != 0;
}

// An agent noun for an arm of a state ("police", "prosecutors", "troops") acts for a state
// even when the text does not say which: a political actor, unlike "people" or "gunmen".
// Titles and spokespeople of no stated country ("a spokeswoman said", "Academy president
// Frank Pierson") are not: most belong to companies, clubs and academies.
bool IsStateRole(const ActorMention& a) {
  if (a.kind != "agent") return false;
  return a.code == "COP" || a.code == "JUD" || a.code == "MIL" || a.code == "LEG" ||
         a.code == "SPY";
}

}  // namespace

bool EventCoder::UnderAccusation(const DependencyTree& tree, int trigger) const {
  int n = trigger;
  for (int steps = 0; steps < 4; ++steps) {
    int gov = tree.head(n);
    if (gov < 0) return false;
    std::string_view rel = tree.base_deprel(n);
    bool argument = rel == "obj" || rel == "obl" || rel == "nmod" || rel == "advcl" ||
                    rel == "acl" || rel == "xcomp" || rel == "ccomp" || rel == "amod";
    if (!argument) return false;
    for (const TriggerPattern* p : lexicon_.Lookup(LowerLemma(tree, gov))) {
      if (p->kind == "accuse" && tree.upos(gov) == "VERB") return true;
    }
    n = gov;
  }
  return false;
}

bool EventCoder::NeitherNor(const DependencyTree& tree, int clause) const {
  for (int arg : tree.children(clause)) {
    std::string_view rel = tree.base_deprel(arg);
    if (rel != "nsubj" && rel != "obj") continue;
    std::vector<int> items = tree.Conjuncts(arg);
    items.push_back(arg);
    for (int item : items) {
      for (int ch : tree.children(item)) {
        std::string lemma = LowerLemma(tree, ch);
        if (tree.base_deprel(ch) == "cc" && (lemma == "neither" || lemma == "nor")) return true;
      }
    }
  }
  return false;
}

const TriggerPattern* EventCoder::AuxObligation(std::string_view lemma) const {
  const TriggerPattern* found = nullptr;
  for (const TriggerPattern* p : lexicon_.Cues("obligation", lemma)) {
    if (p->extra.empty()) found = p;
  }
  return found;
}

bool EventCoder::IsWantedClause(const SentenceState& st, int governor, int clause) const {
  const DependencyTree& tree = st.tree;
  if (tree.upos(clause) != "VERB") return false;
  bool wanting = false;
  for (const TriggerPattern* p : lexicon_.Lookup(LowerLemma(tree, governor))) {
    if (p->kind == "demand" || p->kind == "appeal" || p->kind == "intent") wanting = true;
  }
  if (!wanting) return false;
  // The bare form: "that Israel ease", "that the rebels withdraw" (tagged VBP like any
  // present tense, or even VBD: the form, not the tag, decides).
  if (ToLowerAscii(tree.form(clause)) == LowerLemma(tree, clause)) return true;
  for (int ch : tree.children(clause)) {
    if (tree.base_deprel(ch) != "aux") continue;
    std::string lemma = LowerLemma(tree, ch);
    if (lexicon_.IsCue("modal", lemma) || lexicon_.IsCue("future", lemma)) return true;
    if (AuxObligation(lemma)) return true;  // "must", "should"; not the "have" of "had bombed"
  }
  return false;
}

Modality EventCoder::ModalityOf(const SentenceState& st, int trigger, int governor) const {
  const DependencyTree& tree = st.tree;
  bool negated = false;
  bool hypothetical = false;
  // The trigger, its light verb, and the clauses that embed it without asserting it.
  std::vector<int> chain{trigger};
  if (governor >= 0) chain.push_back(governor);
  for (int n = chain.back(), steps = 0; steps < 6; ++steps) {
    std::string_view rel = tree.deprel(n);
    int gov = tree.head(n);
    if (gov < 0 || rel == "conj") break;
    bool embedded = rel == "xcomp" || (rel == "advcl" && tree.Child(n, "mark") >= 0) ||
                    (rel == "obj" && tree.upos(n) == "NOUN");
    std::string gov_lemma = LowerLemma(tree, gov);
    // "Hezbollah denied attacking the patrol", "Russia denied that its jets bombed the town".
    if ((rel == "xcomp" || rel == "ccomp" || rel == "obj") && lexicon_.IsCue("denial", gov_lemma)) {
      negated = true;
    }
    // "demanded that Turkey stop attacking", "the demand that Israel ease restrictions",
    // "agreed that the two should cooperate": the act a demand, appeal or promise asks for
    // in a "that" clause is not done. Only a bare (subjunctive) verb or one with a modal
    // counts: "insisted that its jets had not bombed the town" reports a fact.
    if ((rel == "ccomp" || (rel == "acl" && tree.Child(n, "mark") >= 0)) && IsWantedClause(st, gov, n)) {
      hypothetical = true;
    }
    if (!embedded) break;
    // What a word of intention, appeal, demand, refusal or threat governs is not done:
    // "threatened to break relations", "urged Russia to withdraw".
    if (rel == "xcomp" || coder_internal::IsInfinitiveComplement(tree, gov, n)) {
      for (const TriggerPattern* p : lexicon_.Lookup(gov_lemma)) {
        if (p->governs_complement()) hypothetical = true;
      }
    }
    if (rel == "xcomp" || rel == "obj") {
      // Planned, attempted, or asked of someone ("urged Russia to withdraw"): not done.
      if (lexicon_.IsCue("modal", gov_lemma) ||
          (rel == "xcomp" && lexicon_.IsCue("object_control", gov_lemma))) {
        hypothetical = true;
      }
      if (lexicon_.IsCue("negation", gov_lemma)) negated = true;  // "failed to"
    }
    chain.push_back(gov);
    n = gov;
  }
  const size_t own = governor >= 0 ? 2 : 1;  // the trigger and its light verb
  for (size_t i = 0; i < chain.size(); ++i) {
    int n = chain[i];
    for (int ch : tree.children(n)) {
      std::string_view rel = tree.base_deprel(ch);
      std::string lemma = LowerLemma(tree, ch);
      // What a clause to come or a clause of obligation embeds is not done yet either: "the
      // countries should cooperate to encourage refugees to return" (the trigger's own
      // tense and obligation are ApplyTense's).
      if (i >= own && rel == "aux") {
        if (lexicon_.IsCue("future", lemma)) hypothetical = true;
        if (AuxObligation(lemma)) hypothetical = true;  // "must", "should"; not "have" (to)
      }
      if ((rel == "advmod" || rel == "det" || rel == "cc" || rel == "mark" || rel == "case") &&
          lexicon_.IsCue("negation", lemma) && lemma != "fail") {
        negated = true;
      }
      if ((rel == "aux" || rel == "advmod" || rel == "amod" || rel == "mark") &&
          lexicon_.IsCue("modal", lemma)) {
        hypothetical = true;
      }
    }
  }
  // "New sanctions may be legal": an event noun that is the subject of a modal clause is
  // only being weighed.
  if (governor < 0 && tree.upos(trigger) == "NOUN" && tree.base_deprel(trigger) == "nsubj" &&
      tree.head(trigger) >= 0) {
    for (int ch : tree.children(tree.head(trigger))) {
      if (tree.base_deprel(ch) == "aux" && lexicon_.IsCue("modal", LowerLemma(tree, ch))) hypothetical = true;
    }
  }
  // "accused Ukrainian forces of attacking civilians": what an accusation alleges is not
  // asserted, wherever the parser hangs it below the accusing word.
  if (UnderAccusation(tree, trigger)) hypothetical = true;
  // "Neither Russia nor China criticised Syria": the negation sits on the arguments.
  if (NeitherNor(tree, chain.back())) negated = true;
  // A question does not assert ("Will Russia withdraw?").
  int last = static_cast<int>(tree.size()) - 1;
  if (last >= 0 && tree.form(last) == "?") hypothetical = true;
  if (hypothetical) return Modality::kHypothetical;
  if (negated) return Modality::kNegated;
  return Modality::kAsserted;
}

int EventCoder::ReportingSpeaker(SentenceState& st, int clause) const {
  const DependencyTree& tree = st.tree;
  int gov = tree.head(clause);
  std::string_view rel = tree.deprel(clause);
  int speech = -1;
  if (gov >= 0 && (rel == "ccomp" || rel == "parataxis") && IsSpeechVerb(lexicon_, LowerLemma(tree, gov))) {
    speech = gov;
  }
  for (int ch : tree.children(clause)) {
    if (speech < 0 && tree.deprel(ch) == "parataxis" && IsSpeechVerb(lexicon_, LowerLemma(tree, ch))) {
      speech = ch;
    }
  }
  if (speech < 0) return -1;
  return ActorFor(st, SubjectOf(st, speech));
}

bool EventCoder::HasPlainCondition(const SentenceState& st, int clause) const {
  // "would launch an operation if the talks fail": "would" with an "if" clause that is no
  // threat's condition ("unless", "if ... not": IsConditioned).
  const DependencyTree& tree = st.tree;
  bool would = false;
  for (int ch : tree.Children(clause, "aux")) would |= LowerLemma(tree, ch) == "would";
  if (!would || IsConditioned(st, clause)) return false;
  for (int a : tree.Children(clause, "advcl")) {
    int mark = tree.Child(a, "mark");
    if (mark >= 0 && LowerLemma(tree, mark) == "if") return true;
  }
  return false;
}

bool EventCoder::IsConditioned(const SentenceState& st, int clause) const {
  // "will withdraw unless Chad agrees", "will attack if they do not leave". The condition
  // may hang on the verb that reports the clause ("announced that it will withdraw ...
  // unless").
  const DependencyTree& tree = st.tree;
  std::vector<int> heads{clause};
  int gov = tree.head(clause);
  if (gov >= 0 && tree.deprel(clause) == "ccomp" && IsSpeechVerb(lexicon_, LowerLemma(tree, gov))) {
    heads.push_back(gov);
  }
  for (int h : heads)
  for (int a : tree.Children(h, "advcl")) {
    int mark = tree.Child(a, "mark");
    std::string m = mark >= 0 ? LowerLemma(tree, mark) : "";
    if (m == "unless") return true;
    if (m == "if") {
      for (int ch : tree.children(a)) {
        if (tree.base_deprel(ch) == "advmod" && lexicon_.IsCue("negation", LowerLemma(tree, ch))) return true;
      }
    }
  }
  return false;
}

bool EventCoder::ApplyFailure(SentenceState& st, Candidate* c) const {
  // "Palestinians and Israelis failed to reach agreement": a failure to cooperate is a
  // rejection (12x), asserted, by whoever failed.
  const DependencyTree& tree = st.tree;
  int clause = c->governor >= 0 ? c->governor : c->trigger;
  int gov = tree.head(clause);
  if (gov < 0 || tree.deprel(clause) != "xcomp" || LowerLemma(tree, gov) != "fail") return false;
  const CameoCode* info = cameo_.Find(c->code);
  if (!info || info->quad_class > 2) return false;
  std::string code = lexicon_.Recode("reject", c->code);
  if (code.empty()) return false;
  c->code = code;
  c->modality_fixed = true;
  c->modality = Modality::kAsserted;
  return true;
}

void EventCoder::ApplyTense(SentenceState& st, Candidate* c) const {
  const DependencyTree& tree = st.tree;
  if (ApplyFailure(st, c)) return;
  int clause = c->governor >= 0 ? c->governor : c->trigger;
  if (tree.upos(clause) != "VERB") return;
  bool future = false;
  bool negated = false;
  const TriggerPattern* obligation = nullptr;
  for (int ch : tree.children(clause)) {
    std::string_view rel = tree.base_deprel(ch);
    std::string lemma = LowerLemma(tree, ch);
    if (rel == "aux" && (lexicon_.IsCue("future", lemma) || lemma == "would")) future = true;
    if (rel == "aux") {
      if (const TriggerPattern* p = AuxObligation(lemma)) obligation = p;
    }
    if ((rel == "advmod" || rel == "det") && lexicon_.IsCue("negation", lemma)) negated = true;
  }
  // "have to" / "need to": the clause is the complement of the obligation verb.
  int gov = tree.head(clause);
  if (!obligation && gov >= 0 && tree.deprel(clause) == "xcomp") {
    for (const TriggerPattern* p : lexicon_.Cues("obligation", LowerLemma(tree, gov))) obligation = p;
  }
  if (!future && !obligation) return;
  // "Would Russia invade Estonia?", "if the talks fail, Turkey would launch an operation":
  // a question or a conditional is no statement of intent.
  int last = static_cast<int>(tree.size()) - 1;
  bool question = last >= 0 && tree.form(last) == "?";
  int speaker = ReportingSpeaker(st, obligation && gov >= 0 && tree.deprel(clause) == "xcomp" ? gov : clause);
  c->modality_fixed = true;
  c->modality = Modality::kHypothetical;
  // A question, or a conditional nobody reports as a promise or threat ("if the talks
  // fail, Turkey would launch an operation"), is no statement of intent; "they said they
  // would meet him if ..." is.
  if (question || (future && speaker < 0 && HasPlainCondition(st, clause))) return;
  if (future && negated) {
    std::string code = lexicon_.Recode("reject", c->code);
    if (!code.empty() && speaker >= 0) {
      c->code = code;
      c->modality = Modality::kAsserted;
    }
    return;
  }
  const std::string speaker_code = speaker >= 0 ? st.doc->actors[speaker].code : "";
  // The speaker speaks for the clause's actor when both belong to the same state or body
  // ("Russia will withdraw, the Kremlin said"; "the UN will provide aid, the WFP said").
  bool same_actor = c->sources.empty() || speaker < 0;
  for (int s : c->sources) {
    same_actor |= st.doc->actors[s].code.compare(0, 3, speaker_code, 0, 3) == 0;
  }
  if (future && same_actor) {
    // "Russia will withdraw", "Russia said it would withdraw": CAMEO codes an actor's
    // statement about its own future as intent (03x) or, for conflict, a threat (13x); a
    // future act held over someone ("will withdraw its force unless Chad agrees") is a
    // threat whatever the act.
    bool conditioned = IsConditioned(st, clause);
    std::string code = lexicon_.Recode(conditioned ? "threat" : "future", c->code);
    if (conditioned && code.empty()) code = "130";
    if (!code.empty()) c->code = code;
    if (speaker >= 0) c->sources = {speaker};
    c->modality = Modality::kAsserted;
  } else if (obligation && speaker >= 0 && !same_actor) {
    // "X said Y must withdraw": a demand (10x) or an appeal (02x) by X on Y.
    std::string code = lexicon_.Recode((*obligation->Values("map"))[0], c->code);
    if (!code.empty()) c->code = code;
    c->targets = c->sources;
    c->sources = {speaker};
    c->modality = Modality::kAsserted;
  }
  // Otherwise a forecast about someone else, or an obligation nobody states: hypothetical.
}

namespace {

// Armed actors of no known side ("gunmen", "rebels", "militants"): CAMEO codes them without
// a country (UAF, REB, ...), and they may act in material conflict.
bool IsArmedRole(const ActorMention& a) {
  return a.kind == "agent" && (a.code == "UAF" || a.code == "REB" || a.code == "INS" ||
                               a.code == "SEP" || a.code == "CRM");
}

std::string CodeOf(const Document& doc, int actor) {
  return actor >= 0 ? doc.actors[actor].code : "";
}

}  // namespace

// The targets worth writing, the sources once each (one actor named twice acts once).
void EventCoder::ArgumentsToWrite(const SentenceState& st, const Candidate& c,
                                  std::vector<int>* sources, std::vector<int>* targets) const {
  for (int t : c.targets) {
    // Forces of no known side ("mobilised troops") say nothing about a target.
    const ActorMention& a = st.doc->actors[t];
    if (a.kind == "agent" && (a.code == "MIL" || a.code == "COP")) continue;
    targets->push_back(t);
  }
  for (int s : c.sources) {
    bool seen = false;
    for (int k : *sources) seen |= CodeOf(*st.doc, k) == CodeOf(*st.doc, s);
    if (!seen) sources->push_back(s);
  }
}

bool EventCoder::UnknownSourceAllowed(const SentenceState& st, const Candidate& c,
                                      const CameoCode& info, Modality modality) const {
  // "Three civilians were killed in a bombing": violence and coercion are news even when
  // nobody is named as doing them, provided someone coded suffers them.
  if (modality != Modality::kAsserted) return false;
  if (std::find(options_.unknown_source_roots.begin(), options_.unknown_source_roots.end(),
                info.root) == options_.unknown_source_roots.end()) {
    return false;
  }
  // A subject that names no actor must itself be violence or a weapon ("a roadside bombing
  // killed", "a rocket hit"), not a disease or a storm ("the virus killed six people").
  if (c.source_head >= 0 && !ViolentThing(st, c.source_head)) return false;
  for (int t : c.targets) {
    if (IsCodedActor(st.doc->actors[t])) return true;
  }
  return false;
}

bool EventCoder::ViolentThing(const SentenceState& st, int token) const {
  std::string lemma = LowerLemma(st.tree, token);
  if (lexicon_.IsCue("weapon", lemma)) return true;
  for (const TriggerPattern* p : lexicon_.Lookup(lemma)) {
    const CameoCode* info = cameo_.Find(p->code);
    if (p->pos == "noun" && info && info->quad_class == 4) return true;
  }
  return false;
}

bool EventCoder::SourceAccepted(const ActorMention& src, const CameoCode& info) const {
  if (!options_.require_coded_source || IsCodedActor(src) || IsStateRole(src)) return true;
  return info.quad_class == 4 && IsArmedRole(src);
}

bool EventCoder::RepeatsEvent(const SentenceState& st, const std::string& code, int source,
                              int target) const {
  for (size_t e = st.first_event; e < st.doc->events.size(); ++e) {
    const Event& prev = st.doc->events[e];
    if (prev.cameo == code && CodeOf(*st.doc, prev.source) == CodeOf(*st.doc, source) &&
        CodeOf(*st.doc, prev.target) == CodeOf(*st.doc, target)) {
      return true;
    }
  }
  return false;
}

void EventCoder::WriteEvent(SentenceState& st, const Candidate& c, const CameoCode& info,
                            Modality modality, int source, int target) const {
  Event ev;
  ev.sentence = st.sentence;
  ev.source = source;
  ev.target = target;
  ev.cameo = info.code;
  ev.root = info.root;
  ev.quad_class = info.quad_class;
  ev.goldstein = info.goldstein;
  ev.plover = info.plover;
  ev.trigger_token = st.tree.Absolute(c.trigger);
  const Token& tok = st.doc->tokens[ev.trigger_token];
  ev.trigger = {tok.start, tok.end};
  ev.modality = modality;
  ev.target_open = target < 0 && c.pattern && c.pattern->kind != "speech" && !c.pattern->Has("target");
  st.doc->events.push_back(std::move(ev));
}

void EventCoder::Emit(SentenceState& st, const Candidate& c) const {
  const CameoCode* info = cameo_.Find(c.code);
  CoderTrace* trace = st.scratch->trace;
  auto note = [&](const std::string& what) {
    if (trace) {
      trace->Add(st.sentence, "candidate " + c.code + " at word " + std::to_string(c.trigger + 1) +
                                  " '" + std::string(st.tree.form(c.trigger)) + "': " + what);
    }
  };
  if (!info) return note("dropped: unknown CAMEO code");
  Modality modality = c.modality_fixed ? c.modality : ModalityOf(st, c.trigger, c.governor);
  std::vector<int> sources, targets;
  ArgumentsToWrite(st, c, &sources, &targets);
  if (sources.empty()) {
    if (!UnknownSourceAllowed(st, c, *info, modality)) {
      return note(c.source_head < 0 ? "dropped: no source found"
                                    : "dropped: source '" + std::string(st.tree.form(c.source_head)) +
                                          "' is no actor");
    }
    sources.push_back(-1);  // nobody named: written with a null source
  }
  // "Turkey and Qatar signed an agreement": cooperation between conjoined actors is mutual.
  bool mutual = targets.empty() && sources.size() >= 2 && info->quad_class <= 2;
  if (targets.empty()) targets.push_back(-1);
  int emitted = 0;
  for (int s : sources) {
    if (mutual) {
      targets.clear();
      for (int other : sources) {
        if (other != s) targets.push_back(other);
      }
    }
    if (s >= 0 && !SourceAccepted(st.doc->actors[s], *info)) {
      note("dropped: source " + CodeOf(*st.doc, s) + " has no country or international root");
      continue;
    }
    for (int t : targets) {
      if (emitted >= options_.max_events_per_trigger) {
        return note("stopped: " + std::to_string(emitted) + " events is the most one trigger gives");
      }
      if (t >= 0 && s >= 0 && CodeOf(*st.doc, t) == CodeOf(*st.doc, s)) {
        note("dropped: target " + CodeOf(*st.doc, s) + " is the source itself");
        continue;
      }
      if (t >= 0 && s >= 0 && targets.size() == 1 &&
          IsOwnForces(st.doc->actors, st.doc->actors[s], st.doc->actors[t])) {
        t = -1;  // "Russia withdrew its troops": the troops are Russia's own, not a target
      }
      if (RepeatsEvent(st, info->code, s, t)) {
        note("dropped: repeats an event of this sentence");
        continue;
      }
      note("written: " + (s >= 0 ? CodeOf(*st.doc, s) : std::string("(unknown)")) + " -> " +
           (t >= 0 ? CodeOf(*st.doc, t) : "-") + " " + ModalityName(modality));
      WriteEvent(st, c, *info, modality, s, t);
      ++emitted;
    }
  }
}

}  // namespace sitrep
