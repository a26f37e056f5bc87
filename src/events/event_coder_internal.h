// Internal to the event coder: the per-sentence state shared by event_coder.cc,
// event_arguments.cc and event_modality.cc. Not part of the public interface.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "events/event_coder.h"

namespace sitrep {

struct EventCoder::SentenceState {
  Document* doc;
  uint32_t sentence;
  Scratch* scratch;
  const DependencyTree& tree;
  int32_t day;         // the document date as a day key, for actor roles
  size_t first_event;  // first index in doc->events belonging to this sentence
};

struct EventCoder::Candidate {
  const TriggerPattern* pattern = nullptr;
  int trigger = -1;
  int governor = -1;  // light verb that carries a nominal event, or -1
  std::string code;
  int source_head = -1;
  int target_head = -1;
  std::vector<int> sources;  // indices into doc->actors
  std::vector<int> targets;
  bool modality_fixed = false;  // set when tense or recoding already decided it
  Modality modality = Modality::kAsserted;
};

namespace coder_internal {

// True when an actor says whom it belongs to: a country or an international root, not a
// bare role such as "MIL" from an agent noun with no country.
bool IsCodedActor(const ActorMention& a);
// The token's lemma, lowercased (its form when the lemma is missing).
std::string LowerLemma(const DependencyTree& tree, int token);
bool Contains(const std::vector<std::string>* values, std::string_view v);
// True when `clause`, attached to `verb` as an adverbial "to" infinitive, is really the
// verb's complement: the parser's reading of "threatened on Monday to break relations". An
// infinitive after a direct object is a purpose clause ("shunned work to protest").
bool IsInfinitiveComplement(const DependencyTree& tree, int verb, int clause);
// True when `clause` is an adverbial "to" infinitive ("ordered the troops to withdraw" as
// the parser may read it), whatever stands before it.
bool IsToInfinitive(const DependencyTree& tree, int clause);
// True when `verb` is a past participle modifying a noun, read as a passive ("civilians
// killed in the raid"): no object, not a relative clause, not hung on the root (a misread
// main verb).
bool IsParticiplePassive(const DependencyTree& tree, int verb);
// The agent of a passive verb: its "by" phrase (obl:agent or obl), or one the parser hung
// on the passive's second object ("were denied visas by the State Department"); or -1.
int PassiveAgent(const DependencyTree& tree, int verb);

}  // namespace coder_internal
}  // namespace sitrep
