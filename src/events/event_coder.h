// EventCoder: the coding stage. Reads a parsed Document (tokens with UD tags, lemmas and
// dependency arcs) and fills Document::actors and Document::events: who did what to whom,
// in CAMEO and PLOVER, with modality and the exact text that states it.
//
// Per sentence:
//   1. actors     dictionary matches (countries, people by date, organisations, armed
//                 groups, country + agent noun), then pronouns and descriptions ("it", "the
//                 group") resolved to earlier actors of the document;
//   2. triggers   verbs, nouns and adjectives of the event lexicon, with their constraints
//                 (object, particle, complement topic, passive);
//   3. arguments  source and target from the dependency tree: subject/object, passive agent
//                 and patient, control ("agreed to withdraw"), shared subjects of conjoined
//                 verbs, relative clauses, light verbs ("carried out an offensive against"),
//                 nominal events ("the withdrawal of Russian troops from Syria",
//                 "airstrikes on its oil facilities", "talks with Kerry");
//   4. recoding   intent, threat, demand and rejection verbs turn their complement's event
//                 into CAMEO's 03x / 13x / 10x / 12x codes;
//   5. modality   asserted, hypothetical (modals, conditionals, plans, speculation,
//                 questions) or negated;
//   6. output     one event per source x target actor pair (compound actors give several
//                 events), de-duplicated within the sentence.
//
// Thread safety: an EventCoder is immutable once built and may be shared by threads; each
// worker passes its own Scratch. The tables it borrows must outlive it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "actors/actor_dictionary.h"
#include "document/document.h"
#include "events/cameo_table.h"
#include "events/dependency_tree.h"
#include "events/event_lexicon.h"

namespace sitrep {

struct EventCoderOptions {
  // Code a speech verb as CAMEO 010 (make statement) when its sentence yields no other event.
  bool code_statements = true;
  // Drop events whose source actor has neither a country nor an international root.
  bool require_coded_source = true;
  // How many sentences back a pronoun or description may find its antecedent.
  int coreference_window = 3;
  // Most events one trigger may yield (source x target pairs of compound actors).
  int max_events_per_trigger = 6;
  // CAMEO roots whose asserted events are written with a null source when the text names
  // nobody doing them but a coded actor suffering them ("three Iraqi civilians were
  // killed"): coercion, assault, fighting, mass violence.
  std::vector<std::string> unknown_source_roots = {"17", "18", "19", "20"};
  // An article whose tokens are at least this share of sport (or of arts) vocabulary, and
  // at least `leisure_min_words` of them, is a sports or arts report: only its events that
  // involve a government, military, police or intelligence actor are kept. 0 turns it off.
  double leisure_density = 0.02;
  int leisure_min_words = 4;
};

// A readable account of the coder's decisions, for `sitrep code --explain`: which lexicon
// entries each word matched or why they did not, and which candidate events were written or
// dropped. Notes are kept in the order they were made.
struct CoderTrace {
  struct Note {
    uint32_t sentence = 0;
    std::string text;
  };
  std::vector<Note> notes;
  void Add(uint32_t sentence, std::string text) { notes.push_back({sentence, std::move(text)}); }
  void Clear() { notes.clear(); }
};

class EventCoder {
 public:
  // Per-worker working memory, reusable across documents.
  struct Scratch {
    // When set, Code() appends its decisions here (slower; for explanations only).
    CoderTrace* trace = nullptr;
    DependencyTree tree;
    std::vector<ActorMatch> matches;
    ActorDictionary::MatchScratch match_scratch;
    std::vector<int> actor_at;     // per sentence token: index into doc->actors or -1
    std::vector<char> suppressed;  // per sentence token: complement already coded
    std::vector<std::string> persons_named;  // canonical names named in full in this document
  };

  EventCoder(const CameoTable& cameo, const EventLexicon& lexicon, const ActorDictionary& actors,
             EventCoderOptions options = {});

  // Fills doc->actors and doc->events (cleared first). Requires sentences, tokens and
  // syntax (upos, lemma, head, deprel). Never fails: an unparsed sentence yields nothing.
  void Code(Document* doc, Scratch* scratch) const;

 private:
  struct SentenceState;
  struct Candidate;
  void FindActors(Document* doc, uint32_t sentence, Scratch* scratch) const;
  // The first token after the sentence's dateline ("SANAA, Yemen —"), or its first token
  // when it has none.
  uint32_t DatelineEnd(const Document& doc, const Sentence& sent) const;
  // True when `place` (an actor of this sentence) is where an organisation is based ("a
  // group based in Britain"): no context country for the sentence's other actors.
  bool IsSeatOfOrganisation(const SentenceState& st, const ActorMention& place) const;
  // True when match `m` (no person) continues an unknown name ("Michael London").
  bool InsideOtherName(const Document& doc, const Sentence& sent, const ActorMatch& m,
                       const ActorEntry* entry) const;
  // False for a surname alone ("Bennett") that cannot stand for the dictionary's person
  // here (see event_arguments.cc).
  bool SurnameStandsForPerson(const Document& doc, const ActorMatch& m, const ActorEntry* entry,
                              int32_t day, Scratch* scratch) const;
  void CodeSentence(Document* doc, uint32_t sentence, Scratch* scratch) const;
  // The actors of the other country adjectives conjoined before the agent noun at `head`
  // ("American, Iraqi and Kurdish forces"), besides `first`, the actor of the phrase.
  std::vector<int> SharedAgentActors(SentenceState& st, int head, int first) const;
  // The coded actors the complement of `word` (a word of intent, appeal, demand, threat,
  // refusal) is aimed at, other than `sources`; empty when none.
  std::vector<int> ComplementTargets(SentenceState& st, int word, const std::vector<int>& sources) const;
  // Mends the parser's known misattachments in the sentence's view (see RepairTree in
  // event_coder.cc); the Document keeps the parser's arcs.
  void RepairTree(DependencyTree* tree) const;
  // True when `doc` reads as a sports or arts report (see leisure_density).
  bool IsLeisureReport(const Document& doc) const;
  // In a sports or arts report, drops the events no state actor takes part in.
  void KeepStateEventsOfLeisureReport(Document* doc, Scratch* scratch) const;
  void CodeReportedObligation(SentenceState& st, const Candidate& speech) const;

  // Trigger matching (event_coder.cc).
  bool IsBlocked(const SentenceState& st, int token) const;
  // True when every addressee of `order` is the armed forces or police of the state whose
  // government or leader gives it ("Putin ordered Russia's military to withdraw").
  bool OrdersOwnForces(const SentenceState& st, const Candidate& order) const;
  // True when `token` is part of a name the dictionaries know ("Christian Aid").
  bool InsideName(const SentenceState& st, int token) const;
  // True for a capitalised word of time inside the sentence ("in March"): a date.
  bool IsDateWord(const SentenceState& st, int token) const;
  // True when the pattern's constraints hold at `token`; otherwise *why (when given) names
  // the first constraint that failed.
  bool PatternFits(const SentenceState& st, int token, const TriggerPattern& p,
                   std::string* why = nullptr) const;
  void TraceLexicon(const SentenceState& st, int token) const;
  // The head of the "of" phrase behind measures, portions and numbers, or `head` itself.
  int ThroughMeasure(const SentenceState& st, int head) const;
  bool PlaceNameFits(const SentenceState& st, int head, const std::vector<std::string>& values) const;
  // True when `values` hold the pseudo-value "*person" and `head` names a person.
  bool PersonFits(const SentenceState& st, int head, const std::vector<std::string>& values) const;
  std::vector<const TriggerPattern*> FittingPatterns(const SentenceState& st, int token) const;
  // The plain trigger at `token`. A noun that codes only under a light verb (`alone: no`)
  // also codes as the complement of a complement-taking word when `as_complement`.
  bool PlainTrigger(const SentenceState& st, int token, Candidate* out,
                    bool as_complement = false) const;
  // The light verb a nominal trigger is the object of ("carried out an offensive"), or -1.
  int LightGovernor(const SentenceState& st, int noun) const;
  bool ComplementTrigger(SentenceState& st, int token, Candidate* out) const;
  // True when a complement-taking word governs a clause (infinitive or "that" clause) and
  // may code its own fallback code when that clause is no coded event.
  // The one-word obligation cue ("must", "should") an auxiliary lemma is, or null; the
  // "have" of "have to" is none (it also makes perfects: "had bombed").
  const TriggerPattern* AuxObligation(std::string_view lemma) const;
  // Whether `clause` (a "that" clause of `governor`) is what a demand, appeal or promise
  // asks for: a bare verb or one under a modal ("demanded that Turkey stop", "agreed that
  // they should cooperate").
  bool IsWantedClause(const SentenceState& st, int governor, int clause) const;
  // Whether the verb `noun` is the object of has an entry that lists it among its objects
  // ("called off a strike"): then the verb's event stands for both. Light verbs never do.
  bool VerbClaimsObject(SentenceState& st, int noun) const;
  // Whether `noun` is an event noun compounded with a frame noun ("the *dialogue* process",
  // "a *mediation* effort"), which stands for it.
  bool FramedByHead(const SentenceState& st, int noun) const;
  bool HasClausalComplement(const SentenceState& st, int token, const TriggerPattern& p) const;
  bool HasPlainFit(const SentenceState& st, int token) const;
  // True when `token` codes an event of its own here (a plain entry, or a complement word
  // with something to govern).
  bool YieldsEvent(const SentenceState& st, int token) const;
  bool FallbackComplementTrigger(SentenceState& st, int token, const TriggerPattern& p,
                                 Candidate* out) const;
  int GovernedEvent(const SentenceState& st, int token, const TriggerPattern& p,
                    Candidate* inner) const;

  // Arguments and actors (event_arguments.cc).
  void FindArguments(SentenceState& st, Candidate* c) const;
  void FindVerbArguments(SentenceState& st, int verb, const TriggerPattern& p, Candidate* c) const;
  void FindNounArguments(SentenceState& st, int noun, const TriggerPattern& p, Candidate* c) const;
  // A nominal event's source (or, after a verb of undergoing, target) from the clause it
  // is an argument of.
  void InheritFromClause(SentenceState& st, int noun, const TriggerPattern& p,
                         bool pronoun_possessor, Candidate* c) const;
  int SubjectOf(SentenceState& st, int verb, int depth = 0) const;
  // The dependent of `phrase` that names the actor an event is aimed at: an "against", "to",
  // "for", "on", "with", "by"... phrase (or, with `owners`, a possessor or a modifier), or -1.
  // An actor of the source's own state (`source_actor`'s country) is never the one aimed at.
  int AimedActorIn(SentenceState& st, int phrase, const TriggerPattern& p, bool owners,
                   int source_actor) const;
  int NearestActorBefore(SentenceState& st, int verb) const;
  int ActorFor(SentenceState& st, int head) const;
  int ActorInside(SentenceState& st, int head) const;
  int ResolveReference(SentenceState& st, int token) const;
  // The country-like actor that a bare "the government" or "the army" belongs to, or -1.
  int ContextCountry(SentenceState& st, int token) const;
  int CountryRoleActor(SentenceState& st, int country_actor, std::string_view role, int token) const;
  std::vector<int> ExpandConjuncts(SentenceState& st, int head) const;

  // Modality, future and obligation (event_modality.cc).
  Modality ModalityOf(const SentenceState& st, int trigger, int governor) const;
  int ReportingSpeaker(SentenceState& st, int clause) const;
  void ApplyTense(SentenceState& st, Candidate* c) const;
  // True when `clause` has "would" and a plain "if" clause (no threat's condition).
  bool HasPlainCondition(const SentenceState& st, int clause) const;
  // True when `trigger` stands in an argument of a verb of accusation ("accused X of
  // attacking civilians"): the act is alleged.
  bool UnderAccusation(const DependencyTree& tree, int trigger) const;
  // True when the clause's subject or object is a "neither ... nor" pair.
  bool NeitherNor(const DependencyTree& tree, int clause) const;
  // True when `clause` is held over someone by an "unless" or "if ... not" clause.
  bool IsConditioned(const SentenceState& st, int clause) const;
  // "failed to reach agreement": recodes a cooperative event as its rejection (12x).
  bool ApplyFailure(SentenceState& st, Candidate* c) const;
  // Writes the candidate's events: one per source x target pair (cooperation between
  // conjoined sources is mutual), without repeats; a null source only where
  // UnknownSourceAllowed.
  void Emit(SentenceState& st, const Candidate& c) const;
  void ArgumentsToWrite(const SentenceState& st, const Candidate& c, std::vector<int>* sources,
                        std::vector<int>* targets) const;
  bool UnknownSourceAllowed(const SentenceState& st, const Candidate& c, const CameoCode& info,
                            Modality modality) const;
  bool SourceAccepted(const ActorMention& src, const CameoCode& info) const;
  // True when `token` names violence (a material-conflict event noun) or a weapon.
  bool ViolentThing(const SentenceState& st, int token) const;
  bool RepeatsEvent(const SentenceState& st, const std::string& code, int source, int target) const;
  void WriteEvent(SentenceState& st, const Candidate& c, const CameoCode& info, Modality modality,
                  int source, int target) const;

  const CameoTable& cameo_;
  const EventLexicon& lexicon_;
  const ActorDictionary& actors_;
  EventCoderOptions options_;
};

}  // namespace sitrep
