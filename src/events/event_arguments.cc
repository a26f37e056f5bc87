// Event coder, part 2: actors in the sentence and the source and target of each trigger.
#include <algorithm>
#include <array>
#include <unordered_map>

#include "events/event_coder_internal.h"

namespace sitrep {

using coder_internal::Contains;
using coder_internal::IsCodedActor;
using coder_internal::IsInfinitiveComplement;
using coder_internal::LowerLemma;

namespace coder_internal {

bool IsCodedActor(const ActorMention& a) {
  if (a.kind == "agent" || a.code.size() < 3) return false;
  for (int i = 0; i < 3; ++i) {
    if (a.code[i] < 'A' || a.code[i] > 'Z') return false;
  }
  return true;
}

std::string LowerLemma(const DependencyTree& tree, int token) {
  std::string_view l = tree.lemma(token);
  std::string out = ToLowerAscii(l.empty() ? tree.form(token) : l);
  // The treebanks keep some plurals as their own lemma ("troops", "talks", "arms"), and so
  // does the lemmatiser trained on them; the lexicon lists nouns in the singular.
  if (tree.token(token).xpos == "NNS" && out.size() > 3 && out.back() == 's' &&
      out[out.size() - 2] != 's' && out == ToLowerAscii(tree.form(token))) {
    out.pop_back();
  }
  return out;
}

bool Contains(const std::vector<std::string>* values, std::string_view v) {
  return values && std::find(values->begin(), values->end(), v) != values->end();
}

bool IsParticiplePassive(const DependencyTree& tree, int verb) {
  if (tree.base_deprel(verb) != "acl" || tree.deprel(verb) == "acl:relcl" || tree.xpos(verb) != "VBN" ||
      tree.Child(verb, "obj") >= 0 || tree.head(verb) < 0) {
    return false;
  }
  // Hung on a noun the parser made the root, it is a misread main verb: "The parliament
  // threatened on Monday to ...", "Sudanese troops clashed with rebels".
  return tree.deprel(tree.head(verb)) != "root";
}

int PassiveAgent(const DependencyTree& tree, int verb) {
  int agent = tree.Child(verb, "obl:agent");
  if (agent >= 0) return agent;
  for (int c : tree.Children(verb, "obl")) {
    if (tree.CaseMarker(c) == "by") return c;
  }
  if (int obj = tree.Child(verb, "obj"); obj >= 0) {
    for (int c : tree.Children(obj, "nmod")) {
      if (tree.CaseMarker(c) == "by") return c;
    }
  }
  return -1;
}

bool IsToInfinitive(const DependencyTree& tree, int clause) {
  if (tree.deprel(clause) != "advcl" || tree.upos(clause) != "VERB") return false;
  int mark = tree.Child(clause, "mark");
  return mark >= 0 && LowerLemma(tree, mark) == "to";
}

bool IsInfinitiveComplement(const DependencyTree& tree, int verb, int clause) {
  return IsToInfinitive(tree, clause) && tree.Child(verb, "obj") < 0;
}

}  // namespace coder_internal

namespace {

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
      lemma == "authority" || lemma == "leadership" || lemma == "cabinet")
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

}  // namespace

void EventCoder::FindActors(Document* doc, uint32_t sentence, Scratch* scratch) const {
  const Sentence& sent = doc->sentences[sentence];
  scratch->matches.clear();
  actors_.Match(*doc, sent, &scratch->matches, &scratch->match_scratch);
  scratch->actor_at.assign(sent.token_count, -1);
  int32_t day = ParseDayKey(doc->date);
  const uint32_t dateline_end = DatelineEnd(*doc, sent);
  for (const ActorMatch& m : scratch->matches) {
    const ActorEntry* entry = actors_.ResolveAt(m, day);
    if (!SurnameStandsForPerson(*doc, m, entry, day, scratch)) continue;
    if (InsideOtherName(*doc, sent, m, entry)) continue;
    ActorMention a;
    a.sentence = sentence;
    a.first_token = m.first_token;
    a.last_token = m.last_token;
    a.span = {doc->tokens[m.first_token].start, doc->tokens[m.last_token].end};
    const ActorEntry* person = entry ? entry : m.candidates.front();
    if (entry && !(entry->kind == ActorKind::kPerson && entry->code.size() == 3)) {
      a.code = entry->code;
      a.name = entry->canonical;
      a.kind = std::string(ActorKindName(entry->kind));
    } else if (person->kind == ActorKind::kPerson) {
      // A person out of office is still someone of that country: an elite, not the state.
      a.code = std::string(person->root()) + "ELI";
      a.name = person->canonical;
      a.kind = "person";
    } else {
      continue;  // an organisation named outside its dates ("FSA" in 2004) is someone else
    }
    // The head is the token whose own head lies outside the match.
    a.head_token = m.last_token;
    for (uint32_t t = m.first_token; t <= m.last_token; ++t) {
      int h = doc->tokens[t].head;
      uint32_t abs_head = h < 0 ? UINT32_MAX : sent.first_token + h;
      if (abs_head < m.first_token || abs_head > m.last_token) a.head_token = t;
    }
    // A dateline ("SANAA, Yemen —") says where the report was filed: it gives the context
    // country of what follows, but nobody in it acts.
    bool in_dateline = m.last_token < dateline_end;
    if (in_dateline) a.kind = "dateline";
    int index = static_cast<int>(doc->actors.size());
    doc->actors.push_back(std::move(a));
    if (in_dateline) continue;
    for (uint32_t t = m.first_token; t <= m.last_token; ++t) {
      scratch->actor_at[t - sent.first_token] = index;
    }
  }
}

bool EventCoder::InsideOtherName(const Document& doc, const Sentence& sent, const ActorMatch& m,
                                 const ActorEntry* entry) const {
  // "Sideways producer Michael London", "Jack Paris": a place name that continues a
  // person's name the dictionaries do not know is part of that name.
  if (entry && entry->kind == ActorKind::kPerson) return false;
  const Token& first = doc.tokens[m.first_token];
  if (first.deprel != "flat" || first.head < 0) return false;
  uint32_t head = sent.first_token + static_cast<uint32_t>(first.head);
  return head < m.first_token && doc.tokens[head].upos == "PROPN";
}

uint32_t EventCoder::DatelineEnd(const Document& doc, const Sentence& sent) const {
  // "CARACAS, Venezuela — ...", "MOSCOW, March 14, 2016 — ...", "BAGHDAD, April 9 (Xinhua)
  // -- ...": an upper-case place, then commas, names, dates or an agency in brackets, then a
  // dash, within the first dozen tokens.
  uint32_t first = sent.first_token;
  std::string_view head = doc.Slice(doc.tokens[first]);
  size_t letters = 0;
  for (char ch : head) {
    if (ch >= 'a' && ch <= 'z') return first;
    letters += ch >= 'A' && ch <= 'Z';
  }
  if (letters < 2) return first;
  uint32_t last = std::min<uint32_t>(first + 12, first + sent.token_count);
  for (uint32_t t = first + 1; t < last; ++t) {
    std::string_view w = doc.Slice(doc.tokens[t]);
    if (w == "\u2014" || w == "\u2013" || w == "--" || w == "-") return t;
  }
  return first;
}

bool EventCoder::SurnameStandsForPerson(const Document& doc, const ActorMatch& m,
                                        const ActorEntry* entry, int32_t day,
                                        Scratch* scratch) const {
  // News names a person in full (or with a title) before it uses the surname alone; a bare
  // "Bennett" in a rugby report is somebody else. A surname stands for the dictionary's
  // person when the full name came earlier in the document, when a title stands before it
  // ("President Bush"), when the document is dated and the person is in office then
  // ("Putin said"), or, in an undated document, when the surname is not a common one
  // (cue kind `common_name`).
  const ActorEntry* person = entry ? entry : m.candidates.front();
  if (person->kind != ActorKind::kPerson) return true;
  std::string_view text = doc.Slice(Span{doc.tokens[m.first_token].start, doc.tokens[m.last_token].end});
  const std::string& full = person->canonical;
  bool short_form = text.size() < full.size() &&
                    ToLowerAscii(full.substr(full.size() - text.size())) == ToLowerAscii(text);
  auto& named = scratch->persons_named;
  if (!short_form) {
    if (std::find(named.begin(), named.end(), full) == named.end()) named.push_back(full);
    return true;
  }
  if (std::find(named.begin(), named.end(), full) != named.end()) return true;
  if (day != kNoDay && entry && entry->dated() && entry->ValidOn(day)) return true;
  // Undated: a distinctive surname ("Putin", "Erdogan") still names the person; a common
  // one ("Brown", "Bennett") needs a title.
  if (day == kNoDay && !lexicon_.IsCue("common_name", ToLowerAscii(text))) return true;
  if (m.first_token == 0) return false;
  std::string before = ToLowerAscii(doc.Slice(doc.tokens[m.first_token - 1]));
  if (!before.empty() && before.back() == '.') before.pop_back();  // "Mr.", "Gen."
  return lexicon_.IsCue("title", before);
}

int EventCoder::CountryRoleActor(SentenceState& st, int country_actor, std::string_view role,
                                 int token) const {
  const ActorMention& country = st.doc->actors[country_actor];
  std::string root = country.code.substr(0, 3);
  // "Red Cross officials", "U.N. helicopters": an organisation's people and means are the
  // organisation itself, coded as it is.
  bool organisation = ActorDictionary::IsInternationalRoot(root);
  const ActorEntry* entry = organisation ? nullptr : actors_.FindCountryAgent(root, role);
  ActorMention a;
  a.sentence = st.sentence;
  uint32_t abs = st.tree.Absolute(token);
  a.first_token = std::min(country.first_token, abs);
  a.last_token = std::max(country.last_token, abs);
  if (country.sentence != st.sentence) a.first_token = a.last_token = abs;
  a.head_token = abs;
  a.span = {st.doc->tokens[a.first_token].start, st.doc->tokens[a.last_token].end};
  a.code = organisation ? country.code : entry ? entry->code : root + std::string(role);
  a.name = entry ? entry->canonical : country.name;
  a.kind = "country_agent";
  a.antecedent = country.antecedent;
  int index = static_cast<int>(st.doc->actors.size());
  st.doc->actors.push_back(std::move(a));
  return index;
}

int EventCoder::ResolveReference(SentenceState& st, int token) const {
  const DependencyTree& tree = st.tree;
  std::string lemma = LowerLemma(tree, token);
  bool definite = tree.upos(token) == "NOUN";
  if (definite) {
    int det = tree.Child(token, "det");
    if (det < 0) return -1;
    std::string d = ToLowerAscii(tree.form(det));
    if (d != "the" && d != "this" && d != "that") return -1;
  }
  ReferenceClass rc = ClassifyReference(lemma, definite);
  if (rc == ReferenceClass::kNone) return -1;
  uint32_t abs = tree.Absolute(token);
  uint32_t window = static_cast<uint32_t>(options_.coreference_window);
  uint32_t earliest = st.sentence > window ? st.sentence - window : 0;
  for (int i = static_cast<int>(st.doc->actors.size()) - 1; i >= 0; --i) {
    const ActorMention& cand = st.doc->actors[i];
    if (cand.sentence < earliest) break;
    if (cand.sentence == st.sentence && cand.last_token >= abs) continue;
    if (cand.antecedent >= 0 || !KindFits(rc, cand.kind) || !IsCodedActor(cand)) continue;
    if (rc == ReferenceClass::kGovernment && cand.code.size() == 3) {
      int gov = CountryRoleActor(st, i, "GOV", token);
      ActorMention& g = st.doc->actors[gov];
      g.first_token = g.last_token = g.head_token = abs;
      g.span = {st.doc->tokens[abs].start, st.doc->tokens[abs].end};
      g.antecedent = i;
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
  // "Egyptians protested against the government": with no earlier country, the government
  // is that of the country in context.
  if (rc == ReferenceClass::kGovernment) {
    int country = ContextCountry(st, token);
    if (country < 0) return -1;
    int gov = CountryRoleActor(st, country, "GOV", token);
    ActorMention& g = st.doc->actors[gov];
    g.first_token = g.last_token = g.head_token = abs;
    g.span = {st.doc->tokens[abs].start, st.doc->tokens[abs].end};
    return gov;
  }
  return -1;
}

bool EventCoder::IsSeatOfOrganisation(const SentenceState& st, const ActorMention& place) const {
  // "a monitoring group based in Britain", "the London-headquartered bank": where an
  // organisation sits says nothing about who the others in the sentence are.
  const DependencyTree& tree = st.tree;
  int head = static_cast<int>(place.head_token) - static_cast<int>(tree.Absolute(0));
  if (head < 0 || head >= static_cast<int>(tree.size())) return false;
  int gov = tree.head(head);
  return gov >= 0 && tree.base_deprel(head) == "obl" &&
         lexicon_.IsCue("seat_verb", LowerLemma(tree, gov));
}

int EventCoder::ContextCountry(SentenceState& st, int token) const {
  // The nearest country-like mention: earlier in this sentence, else later in it, else the
  // most recent one in the sentences before (within the coreference window).
  uint32_t abs = st.tree.Absolute(token);
  uint32_t window = static_cast<uint32_t>(options_.coreference_window);
  int before = -1, after = -1, earlier = -1;
  for (size_t i = 0; i < st.doc->actors.size(); ++i) {
    const ActorMention& cand = st.doc->actors[i];
    // Any actor of a state counts ("the Syrian army", "Assad"), not international ones, and
    // not the media: "(Reuters) - A suicide bomber ..." says nothing about the bomber.
    bool media = cand.kind == "media" ||
                 (cand.code.size() >= 6 && cand.code.compare(3, 3, "MED") == 0);
    bool countryish = IsCodedActor(cand) && !media &&
                      !ActorDictionary::IsInternationalRoot(cand.code.substr(0, 3));
    if (!countryish || cand.sentence + window < st.sentence) continue;
    if (cand.sentence == st.sentence && IsSeatOfOrganisation(st, cand)) continue;
    if (cand.sentence < st.sentence) {
      earlier = static_cast<int>(i);
    } else if (cand.sentence == st.sentence && cand.last_token < abs) {
      before = static_cast<int>(i);
    } else if (cand.sentence == st.sentence && cand.first_token > abs && after < 0) {
      after = static_cast<int>(i);
    }
  }
  if (before >= 0 || after >= 0 || earlier < 0) return before >= 0 ? before : after;
  // From the sentences before, the country the report is most about ("HOMS, Syria — ...
  // a monitoring group based in Britain said ..." is still about Syria); the latest on a tie.
  std::unordered_map<std::string, int> mentions;
  for (size_t i = 0; i < st.doc->actors.size(); ++i) {
    const ActorMention& cand = st.doc->actors[i];
    if (cand.sentence < st.sentence && cand.sentence + window >= st.sentence && IsCodedActor(cand)) {
      ++mentions[cand.code.substr(0, 3)];
    }
  }
  int best = earlier, best_count = 0;
  for (size_t i = 0; i < st.doc->actors.size(); ++i) {
    const ActorMention& cand = st.doc->actors[i];
    if (cand.sentence >= st.sentence || cand.sentence + window < st.sentence || !IsCodedActor(cand)) continue;
    bool media = cand.kind == "media" || (cand.code.size() >= 6 && cand.code.compare(3, 3, "MED") == 0);
    if (media || ActorDictionary::IsInternationalRoot(cand.code.substr(0, 3))) continue;
    int count = mentions[cand.code.substr(0, 3)];
    if (count >= best_count) {
      best = static_cast<int>(i);
      best_count = count;
    }
  }
  return best;
}

int EventCoder::ActorFor(SentenceState& st, int head) const {
  if (head < 0) return -1;
  const DependencyTree& tree = st.tree;
  auto& actor_at = st.scratch->actor_at;
  int a = actor_at[head];
  if (a >= 0) {
    if (st.doc->actors[a].kind != "agent") return a;
    // A bare agent noun ("troops") takes its country from a modifier ("Syria's troops"), or
    // its side from where it comes ("bombers from the Islamic State group").
    for (int c : tree.children(head)) {
      std::string_view rel = tree.deprel(c);
      if (rel == "nmod" && tree.CaseMarker(c) == "from" && actor_at[c] >= 0 &&
          st.doc->actors[actor_at[c]].kind == "armed_group") {
        actor_at[head] = actor_at[c];
        return actor_at[c];
      }
      // "a spokesman for the Israeli prime minister" speaks for the prime minister's side.
      bool speaks_for = rel == "nmod" && tree.CaseMarker(c) == "for" &&
                        lexicon_.IsCue("representative", LowerLemma(tree, head));
      bool modifier = rel == "amod" || rel == "compound" || rel == "nmod:poss" ||
                      (rel == "nmod" && tree.CaseMarker(c) == "of") || speaks_for;
      if (!modifier) continue;
      if (actor_at[c] < 0 && rel == "nmod:poss") {
        int r = ResolveReference(st, c);  // "its troops"
        if (r >= 0) actor_at[c] = r;
      }
      if (actor_at[c] < 0 || actor_at[c] == a || !IsCodedActor(st.doc->actors[actor_at[c]])) continue;
      int combined = CountryRoleActor(st, actor_at[c], st.doc->actors[a].code, head);
      actor_at[head] = combined;
      return combined;
    }
    // "the government", "the army", "rebels": the country is the one in context.
    int r = ResolveReference(st, head);
    int det = tree.Child(head, "det");
    if (r < 0 && (det < 0 || ToLowerAscii(tree.form(det)) == "the")) {
      int country = ContextCountry(st, head);
      if (country >= 0) r = CountryRoleActor(st, country, st.doc->actors[a].code, head);
    }
    if (r >= 0) {
      st.doc->actors[r].first_token = st.doc->actors[r].last_token = st.tree.Absolute(head);
      actor_at[head] = r;
      return r;
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
  std::string lemma = LowerLemma(tree, head);
  for (int c : tree.children(head)) {
    std::string_view rel = tree.deprel(c);
    std::string_view cm = tree.CaseMarker(c);
    bool quantity = lexicon_.IsCue("quantity", lemma);
    bool of_link = rel == "nmod" && cm == "of" && (quantity || lexicon_.IsCue("representative", lemma));
    // Titles and descriptions stand beside a name without a preposition ("President Boris
    // Yeltsin"), whatever subtype a treebank gives them.
    bool description = tree.base_deprel(c) == "nmod" && cm.empty();
    // "its partners", "Iran's neighbours": the possessor of a relational noun is the other
    // side, never the noun itself.
    bool owner = rel == "nmod:poss" && !lexicon_.IsCue("relational", lemma);
    bool linked = rel == "compound" || rel == "flat" || owner || rel == "amod" ||
                  rel == "appos" || of_link || (rel == "nmod" && cm == "by") || description;
    if (!linked) continue;
    int r = actor_at[c] >= 0 ? actor_at[c] : (rel == "nmod:poss" ? ResolveReference(st, c) : -1);
    if (of_link && quantity) r = ActorFor(st, c);  // "dozens of Kurdish journalists"
    if (r >= 0 && (IsCodedActor(st.doc->actors[r]) || of_link)) return r;
  }
  return -1;
}

namespace {

// True when the phrases at `a` and `b` stand side by side in a list: only a comma between
// them, and both before their head.
bool CommaListed(const DependencyTree& tree, int a, int b) {
  int a_first, a_last, b_first, b_last;
  tree.SubtreeRange(a, &a_first, &a_last);
  tree.SubtreeRange(b, &b_first, &b_last);
  int h = tree.head(a);
  if (a_last >= h || b_last >= h) return false;
  if (b_first < a_first) {
    std::swap(a_first, b_first);
    std::swap(a_last, b_last);
  }
  // The comma may hang on either phrase.
  int gap_first = a_last + 1, gap_last = b_first - 1;
  if (gap_first > gap_last && tree.form(b_first) == ",") gap_first = gap_last = b_first;
  if (gap_first > gap_last && tree.form(a_last) == ",") gap_first = gap_last = a_last;
  if (gap_first > gap_last) return false;
  for (int t = gap_first; t <= gap_last; ++t) {
    if (tree.form(t) != ",") return false;
  }
  return true;
}

}  // namespace

std::vector<int> EventCoder::ExpandConjuncts(SentenceState& st, int head) const {
  std::vector<int> out;
  if (head < 0) return out;
  std::vector<int> heads{head};
  for (int c : st.tree.Conjuncts(head)) heads.push_back(c);
  // A clause has one subject: a second one beside it is the parser's split of a list
  // ("Saudi Arabia, the UAE, Bahrain and Egypt cut ties").
  const DependencyTree& tree = st.tree;
  if (tree.base_deprel(head) == "nsubj" && tree.head(head) >= 0) {
    for (int sib : tree.children(tree.head(head))) {
      if (sib == head || tree.deprel(sib) != tree.deprel(head) || !CommaListed(tree, head, sib)) continue;
      heads.push_back(sib);
      for (int c : tree.Conjuncts(sib)) heads.push_back(c);
    }
  }
  auto add = [&out](int a) {
    if (a >= 0 && std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
  };
  for (int h : heads) {
    int a = ActorFor(st, h);
    if (a < 0) a = ActorInside(st, h);
    add(a);
    for (int shared : SharedAgentActors(st, h, a)) add(shared);
  }
  return out;
}

std::vector<int> EventCoder::SharedAgentActors(SentenceState& st, int head, int first) const {
  // "American, Iraqi and Kurdish forces", "Ukrainian and Russian negotiators": conjoined
  // country adjectives share one agent noun, and each makes an actor of its own.
  std::vector<int> out;
  int own = st.scratch->actor_at[head];
  if (own < 0 || first < 0) return out;
  const ActorMention& agent = st.doc->actors[own];
  std::string role = agent.kind == "agent" ? agent.code
                     : agent.kind == "country_agent" && agent.code.size() >= 6 ? agent.code.substr(3)
                                                                               : "";
  if (role.empty()) return out;
  const DependencyTree& tree = st.tree;
  std::vector<int> adjectives;
  for (int c : tree.Children(head, "amod")) {
    std::vector<int> conj = tree.Conjuncts(c);
    if (conj.empty()) continue;
    adjectives.push_back(c);
    adjectives.insert(adjectives.end(), conj.begin(), conj.end());
  }
  for (int adj : adjectives) {
    int country = st.scratch->actor_at[adj];
    if (country < 0) continue;
    const ActorMention& c = st.doc->actors[country];
    if (c.kind != "adjective" && c.kind != "country") continue;
    if (c.code.compare(0, 3, st.doc->actors[first].code, 0, 3) == 0) continue;
    out.push_back(CountryRoleActor(st, country, role, head));
  }
  return out;
}

int EventCoder::ActorInside(SentenceState& st, int head) const {
  // "a camp for Congolese refugees", "the homes of Palestinians", "violations by the
  // Israeli military": when the phrase's head names no actor, the actor it is about sits in
  // an attached "for"/"of"/"by" phrase.
  const DependencyTree& tree = st.tree;
  for (int c : tree.children(head)) {
    std::string_view cm = tree.CaseMarker(c);
    if (tree.base_deprel(c) != "nmod" || (cm != "of" && cm != "for" && cm != "by")) continue;
    int a = ActorFor(st, c);
    if (a >= 0 && IsCodedActor(st.doc->actors[a])) return a;
  }
  return -1;
}

int EventCoder::NearestActorBefore(SentenceState& st, int verb) const {
  // When the parse gives no usable subject, the actor that stands closest before the verb,
  // outside a prepositional phrase, is the likeliest one: a shallow reading as a fallback.
  const DependencyTree& tree = st.tree;
  for (int t = verb - 1; t >= 0 && verb - t <= 12; --t) {
    std::string_view upos = tree.upos(t);
    // Another clause, but not a participle inside the subject ("aircraft using missiles").
    std::string_view trel = tree.deprel(t);
    if (upos == "VERB" && trel != "amod" && trel != "acl") return -1;
    if (tree.form(t) == ";" || tree.form(t) == ":") return -1;
    if (st.scratch->actor_at[t] < 0) continue;
    const ActorMention& a = st.doc->actors[st.scratch->actor_at[t]];
    int head = static_cast<int>(a.head_token - tree.Absolute(0));
    if (head < 0 || head >= static_cast<int>(tree.size())) continue;
    std::string_view cm = tree.CaseMarker(head);
    if (!cm.empty() && cm != "of") continue;  // "in Syria", "with Iran"
    if (tree.deprel(head) == "nmod:poss") continue;
    // A modifier inside such a phrase: "in a BBC interview", "at the UN summit".
    std::string_view hrel = tree.base_deprel(head);
    if ((hrel == "compound" || hrel == "amod") && tree.head(head) >= 0) {
      std::string_view outer = tree.CaseMarker(tree.head(head));
      if (!outer.empty() && outer != "of") continue;
    }
    return head;
  }
  return -1;
}

int EventCoder::SubjectOf(SentenceState& st, int verb, int depth) const {
  const DependencyTree& tree = st.tree;
  int nsubj = tree.Child(verb, "nsubj");
  if (nsubj < 0) nsubj = tree.Child(verb, "expl");  // "it is willing to": taggers mislabel it
  // "Vietnam is committed to": a participle read as a passive names its holder.
  if (nsubj < 0 && tree.upos(verb) == "ADJ") nsubj = tree.Child(verb, "nsubj:pass");
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
    if (obj >= 0 && lexicon_.IsCue("object_control", LowerLemma(tree, gov)) && ActorFor(st, obj) >= 0) return obj;
    return SubjectOf(st, gov, depth + 1);
  }
  if (rel == "conj") return SubjectOf(st, gov, depth + 1);
  // "a declaration demanding that ...": the noun's author, when the noun names no actor, is
  // whoever issued it ("the PKK issued a declaration demanding ...").
  if ((rel == "acl:relcl" || rel == "acl") && ActorFor(st, gov) < 0 &&
      tree.deprel(gov) == "obj" && tree.head(gov) >= 0) {
    return SubjectOf(st, tree.head(gov), depth + 1);
  }
  if (rel == "acl:relcl" || rel == "acl") return gov;
  // "shunned work to protest", "rioted, demanding reforms": purpose clauses and
  // participles share the main clause's subject.
  int mark = tree.Child(verb, "mark");
  if (rel == "advcl" && (mark < 0 || LowerLemma(tree, mark) == "to")) {
    return SubjectOf(st, gov, depth + 1);
  }
  // "has ... rejected" parsed as "has" with a clausal complement: the auxiliary-like head
  // carries the subject.
  std::string gov_lemma = LowerLemma(tree, gov);
  if (rel == "ccomp" && (gov_lemma == "have" || gov_lemma == "be" || gov_lemma == "do") &&
      tree.Child(verb, "mark") < 0) {
    return SubjectOf(st, gov, depth + 1);
  }
  return -1;
}

void EventCoder::FindVerbArguments(SentenceState& st, int verb, const TriggerPattern& p,
                                   Candidate* c) const {
  const DependencyTree& tree = st.tree;
  bool passive = tree.Child(verb, "nsubj:pass") >= 0 || tree.Child(verb, "aux:pass") >= 0;
  // "two Americans accused of helping Ghosn", "civilians killed in the raid": a past
  // participle modifying a noun is passive.
  if (coder_internal::IsParticiplePassive(tree, verb)) passive = true;
  int subject = -1, object = -1;
  // "Serb forces were engaged in ethnic cleansing": in these passives the subject acts.
  if (passive && lexicon_.IsCue("agentive_passive", LowerLemma(tree, verb))) passive = false;
  if (!passive && tree.Child(verb, "nsubj") < 0 && tree.Child(verb, "nsubj:pass") >= 0) {
    subject = tree.Child(verb, "nsubj:pass");
    object = tree.Child(verb, "obj");
  } else if (passive) {
    subject = coder_internal::PassiveAgent(tree, verb);
    object = tree.Child(verb, "nsubj:pass");
    if (object < 0 && tree.deprel(verb) == "acl") object = tree.head(verb);
    // "two journalists who were abducted in Syria": the relative pronoun is its noun.
    if (object >= 0 && tree.deprel(verb) == "acl:relcl" && tree.upos(object) == "PRON") {
      std::string relpro = ToLowerAscii(tree.form(object));
      if (relpro == "who" || relpro == "which" || relpro == "that") object = tree.head(verb);
    }
  } else {
    subject = SubjectOf(st, verb);
    object = tree.Child(verb, "obj");
    if (subject < 0 || ActorFor(st, subject) < 0) {
      int nearest = NearestActorBefore(st, verb);
      if (nearest >= 0) subject = nearest;
    }
  }
  if (const auto* subj_role = p.Values("subject"); subj_role && (*subj_role)[0] == "target") {
    std::swap(subject, object);
  }
  c->source_head = subject;
  if (p.Has("target")) return;  // "target: none"
  const auto* preps = p.Values("prep");
  const auto* places = p.Values("place");
  // The object is the target when it names an actor, whatever the object constraint says
  // ("massacred civilians"); a thing ("imposed sanctions") leaves the target to obliques,
  // and so does the source's own thing ("closed its borders with Iran").
  int object_actor = object >= 0 ? ActorFor(st, object) : -1;
  int subject_actor = subject >= 0 ? ActorFor(st, subject) : -1;
  bool own_thing = object_actor >= 0 && subject_actor >= 0 &&
                   st.doc->actors[object_actor].code == st.doc->actors[subject_actor].code;
  if (object_actor >= 0 && !own_thing) {
    c->target_head = object;
    return;
  }
  int iobj = tree.Child(verb, "iobj");
  if (iobj >= 0 && ActorFor(st, iobj) >= 0) {
    c->target_head = iobj;
    return;
  }
  for (int o : tree.Children(verb, "obl", true)) {
    std::string_view cm = tree.CaseMarker(o);
    if (Contains(places, cm) && !Contains(preps, cm)) continue;
    // A "V P" lemma ("fire on", "agree to") puts its object behind its own preposition.
    bool own_prep = !p.extra.empty() && p.extra.back() == cm;
    // A verb of giving or imposing reaches its recipient with "to" or "on".
    bool recipient = !preps && p.Has("obj") && (cm == "to" || cm == "on" || cm == "against") &&
                     ActorFor(st, o) >= 0;
    if (Contains(preps, cm) || own_prep || recipient) {
      c->target_head = o;
      return;
    }
  }
  if (object >= 0 && !p.Has("obj") && ActorInside(st, object) >= 0) {
    c->target_head = object;
    return;
  }
  // "provide aid to Syria", "threatened action against Russia", "rejected calls by
  // Belarus": the target sits in a phrase attached to the object noun (or to an oblique:
  // "mobilised reservists for a war against Iraq"); "welcomed Reagan's statement",
  // "rejected a United Nations appeal": it owns or qualifies the object.
  if (object >= 0) {
    for (int phrase : {object, ThroughMeasure(st, object)}) {  // "part of a programme for X"
      int n = AimedActorIn(st, phrase, p, /*owners=*/true, subject_actor);
      if (n >= 0) {
        c->target_head = n;
        return;
      }
    }
  }
  // "demanded that the US cancel its plans": the subject of the clause is the addressee of
  // a request, demand, criticism, refusal or threat (not of a mere statement).
  std::string_view root = std::string_view(p.code).substr(0, 2);
  bool addressed = p.kind != "speech" && (root == "02" || root == "10" || root == "11" ||
                                          root == "12" || root == "13");
  for (std::string_view rel : {"ccomp", "xcomp"}) {
    if (!addressed) break;
    int clause = tree.Child(verb, rel);
    if (clause < 0) continue;
    int subj = tree.Child(clause, "nsubj");
    if (subj < 0) subj = tree.Child(clause, "nsubj:pass");
    if (subj >= 0 && subj != c->source_head && ActorFor(st, subj) >= 0) {
      c->target_head = subj;
      return;
    }
  }
  // "attempted to assassinate Allawi", "threatened to deliver blows to the United States":
  // what the verb introduces is aimed at its infinitive's object or recipient.
  int clause = tree.Child(verb, "xcomp");
  for (int a : tree.Children(verb, "advcl")) {
    if (clause < 0 && IsInfinitiveComplement(tree, verb, a)) clause = a;
  }
  if (clause >= 0 && tree.upos(clause) == "VERB") {
    int obj = tree.Child(clause, "obj");
    if (obj >= 0 && ActorFor(st, obj) >= 0 && IsCodedActor(st.doc->actors[ActorFor(st, obj)])) {
      c->target_head = obj;
      return;
    }
    for (int o : tree.Children(clause, "obl", true)) {
      std::string_view cm = tree.CaseMarker(o);
      bool aimed = cm == "to" || cm == "against" || cm == "on" || cm == "at" || cm == "with";
      if (aimed && ActorFor(st, o) >= 0 && IsCodedActor(st.doc->actors[ActorFor(st, o)])) {
        c->target_head = o;
        return;
      }
    }
  }
  // "mobilised reservists for a war against Iraq": the target inside a phrase of purpose or
  // occasion attached to the verb (not inside "with"/"along with" co-actors; not for mere
  // statements, whose circumstances are no target).
  if (p.kind == "speech") return;
  for (int o : tree.Children(verb, "obl", true)) {
    std::string_view cm = tree.CaseMarker(o);
    if (cm != "for" && cm != "in" && cm != "during" && cm != "over" && cm != "at") continue;
    if (Contains(places, cm)) continue;
    int n = AimedActorIn(st, o, p, /*owners=*/false, subject_actor);
    if (n >= 0) {
      c->target_head = n;
      return;
    }
  }
}

int EventCoder::AimedActorIn(SentenceState& st, int phrase, const TriggerPattern& p,
                             bool owners, int source_actor) const {
  std::string source_state =
      source_actor >= 0 ? st.doc->actors[source_actor].code.substr(0, 3) : std::string();
  const DependencyTree& tree = st.tree;
  const auto* preps = p.Values("prep");
  const auto* places = p.Values("place");
  for (int n : tree.children(phrase)) {
    std::string_view cm = tree.CaseMarker(n);
    std::string_view rel = tree.deprel(n);
    bool aimed = cm == "to" || cm == "against" || cm == "on" || cm == "with" || cm == "by" ||
                 cm == "for" || cm == "from" || cm == "toward" || cm == "towards" || cm == "at" ||
                 Contains(preps, cm);
    bool owner = owners && (rel == "nmod:poss" || rel == "amod" || rel == "compound");
    if (!((tree.base_deprel(n) == "nmod" && aimed && !Contains(places, cm)) || owner)) continue;
    int a = ActorFor(st, n);
    if (a < 0) a = ActorInside(st, n);
    // "mobilised army reservists", "a military aid programme": the source's own forces
    // qualify the phrase; they are not what it is aimed at.
    if (a >= 0 && IsCodedActor(st.doc->actors[a]) &&
        (source_state.empty() || st.doc->actors[a].code.compare(0, 3, source_state) != 0)) {
      return n;
    }
  }
  return -1;
}

void EventCoder::FindNounArguments(SentenceState& st, int noun, const TriggerPattern& p,
                                   Candidate* c) const {
  const DependencyTree& tree = st.tree;
  const auto* preps = p.Values("prep");
  const auto* places = p.Values("place");
  const auto* of = p.Values("of");
  bool of_source = of && (*of)[0] == "source";
  bool of_target = of && (*of)[0] == "target";
  bool no_target = p.Has("target");
  bool pronoun_possessor = false;  // "their ties": the clause's subject says whose
  for (int ch : tree.children(noun)) {
    std::string_view rel = tree.deprel(ch);
    std::string_view cm = tree.CaseMarker(ch);
    bool nmod = tree.base_deprel(ch) == "nmod" || tree.base_deprel(ch) == "obl";
    // The event's own phrase names its actor only when the phrase is an actor: "a treaty
    // of friendship" leaves the source to the clause.
    if (c->source_head < 0 && rel == "nmod:poss") {
      c->source_head = ch;
      pronoun_possessor = tree.upos(ch) == "PRON";
      continue;
    }
    if (c->source_head < 0 && (rel == "amod" || rel == "compound" ||
                               (nmod && (cm == "by" || (cm == "of" && of_source)))) &&
        ActorFor(st, ch) >= 0) {
      c->source_head = ch;
      continue;
    }
    if (!no_target && c->target_head < 0 && nmod && !Contains(places, cm) &&
        (Contains(preps, cm) || (cm == "of" && of_target))) {
      c->target_head = ch;
    }
  }
  if (c->governor < 0) {
    InheritFromClause(st, noun, p, pronoun_possessor, c);
    return;
  }
  // Under a light verb the verb's subject acts ("Russia carried out airstrikes"), unless
  // the light verb marks its subject as the target ("Syria came under attack").
  int gov = c->governor;
  const TriggerPattern* light = nullptr;
  for (const TriggerPattern* lp : lexicon_.Cues("light", LowerLemma(tree, gov))) {
    if (!light || lp->Has("subject")) light = lp;
  }
  bool subject_is_target = light && light->Has("subject") && (*light->Values("subject"))[0] == "target";
  Candidate verb_args;
  TriggerPattern plain;
  FindVerbArguments(st, gov, plain, &verb_args);
  if (subject_is_target) {
    if (!no_target) c->target_head = verb_args.source_head;
  } else if (c->source_head < 0 ||
             (pronoun_possessor && verb_args.source_head >= 0 && ActorFor(st, verb_args.source_head) >= 0)) {
    c->source_head = verb_args.source_head;
  }
  if (c->target_head < 0 && !no_target) {
    for (int o : tree.Children(gov, "obl", true)) {
      std::string_view cm = tree.CaseMarker(o);
      if (Contains(preps, cm) && !Contains(places, cm)) c->target_head = o;
    }
  }
}

void EventCoder::InheritFromClause(SentenceState& st, int noun, const TriggerPattern& p,
                                   bool pronoun_possessor, Candidate* c) const {
  // A nominal event that is the object or an oblique of an ordinary verb is done by that
  // verb's subject ("agreed upon a new pact", "returned to Geneva for talks"), unless the
  // verb reports, judges or perceives the event ("condemned the airstrikes", "saw the
  // attack": cue kind `opaque`) or is itself an event, which is coded on its own. With a
  // verb of undergoing ("died in an airstrike": cue kind `victim`) the subject is the target.
  const DependencyTree& tree = st.tree;
  bool own_source = c->source_head >= 0 && !pronoun_possessor;
  int verb = tree.head(noun);
  std::string_view rel = tree.base_deprel(noun);
  if (verb < 0 || tree.upos(verb) != "VERB" || (rel != "obj" && rel != "obl" && rel != "iobj")) return;
  std::string lemma = LowerLemma(tree, verb);
  if (lexicon_.IsCue("opaque", lemma)) return;
  for (const TriggerPattern* q : lexicon_.Lookup(lemma)) {
    if (q->kind == "speech") return;
  }
  if (YieldsEvent(st, verb)) return;
  Candidate args;
  TriggerPattern plain;
  FindVerbArguments(st, verb, plain, &args);
  if (lexicon_.IsCue("victim", lemma)) {
    if (c->target_head < 0 && !p.Has("target")) c->target_head = args.source_head;
    return;
  }
  if (!own_source && args.source_head >= 0 && ActorFor(st, args.source_head) >= 0) {
    c->source_head = args.source_head;
  } else if (own_source && args.source_head >= 0) {
    // "The United States speeded up the withdrawal of some forces": the noun's own actor
    // names a role but no side, and the clause's subject is the side.
    int own = ActorFor(st, c->source_head);
    int side = ActorFor(st, args.source_head);
    if (own >= 0 && side >= 0 && own != side && st.doc->actors[own].kind == "agent" &&
        IsCodedActor(st.doc->actors[side])) {
      int combined = CountryRoleActor(st, side, st.doc->actors[own].code, c->source_head);
      st.scratch->actor_at[c->source_head] = combined;
    }
  }
  // "hosted Japan's prime minister for talks": the verb's object is the one met.
  int object = tree.Child(verb, "obj");
  if (c->target_head < 0 && !p.Has("target") && object >= 0 && object != noun &&
      ActorFor(st, object) >= 0 && IsCodedActor(st.doc->actors[ActorFor(st, object)])) {
    c->target_head = object;
  }
}

std::vector<int> EventCoder::ComplementTargets(SentenceState& st, int word,
                                               const std::vector<int>& sources) const {
  // "threatened to deliver devastating blows to the United States", "demanded a truce with
  // Moslem forces", "prepared to lift the ban on the FIS": when the governed act codes no
  // event of its own (or names no target), the one it is aimed at is the complement's
  // object or the object of its "to/against/on/with" phrase, or of such a phrase on that
  // object.
  const DependencyTree& tree = st.tree;
  std::vector<int> clauses;
  for (int c : tree.children(word)) {
    std::string_view rel = tree.deprel(c);
    // ... or the "for" phrase of "call for", "press for" ("called for action against").
    bool for_phrase = tree.base_deprel(c) == "obl" && tree.upos(c) == "NOUN" && tree.CaseMarker(c) == "for";
    if (rel == "xcomp" || rel == "ccomp" || coder_internal::IsInfinitiveComplement(tree, word, c) ||
        (rel == "obj" && tree.upos(c) == "NOUN") || for_phrase) {
      clauses.push_back(c);
    }
  }
  auto aimed_case = [](std::string_view cm) {
    return cm == "to" || cm == "against" || cm == "on" || cm == "upon" || cm == "with" ||
           cm == "at" || cm == "of";
  };
  std::vector<int> heads;
  for (int clause : clauses) {
    bool noun = tree.upos(clause) == "NOUN";
    std::vector<int> nominals{noun ? clause : -1};
    for (int c : tree.children(clause)) {
      std::string_view rel = tree.base_deprel(c);
      if (!noun && rel == "obj") nominals.push_back(c);
      if ((rel == "obl" || rel == "nmod") && aimed_case(tree.CaseMarker(c)) &&
          (noun || tree.CaseMarker(c) != "of")) {
        heads.push_back(c);
      }
    }
    for (int n : nominals) {
      if (n < 0) continue;
      if (n != clause) heads.push_back(n);
      for (int c : tree.children(n)) {
        if (tree.base_deprel(c) == "nmod" && aimed_case(tree.CaseMarker(c))) heads.push_back(c);
      }
    }
  }
  std::vector<int> out;
  for (int h : heads) {
    for (int a : ExpandConjuncts(st, h)) {
      if (!coder_internal::IsCodedActor(st.doc->actors[a])) continue;
      if (std::find(sources.begin(), sources.end(), a) != sources.end()) continue;
      if (std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
    }
    if (!out.empty()) break;  // the nearest aimed phrase
  }
  return out;
}

void EventCoder::FindArguments(SentenceState& st, Candidate* c) const {
  const TriggerPattern& p = *c->pattern;
  if (p.pos == "noun") {
    // "the dialogue process with Ukraine": a framed event noun's arguments are its frame's.
    int phrase = FramedByHead(st, c->trigger) ? st.tree.head(c->trigger) : c->trigger;
    FindNounArguments(st, phrase, p, c);
  } else if (p.pos == "adj") {
    // "Russia is critical of the plan": the adjective heads a copular clause.
    c->source_head = SubjectOf(st, c->trigger);
    if (c->source_head < 0 || ActorFor(st, c->source_head) < 0) {
      int nearest = NearestActorBefore(st, c->trigger);
      if (nearest >= 0) c->source_head = nearest;
    }
    for (int o : st.tree.Children(c->trigger, "obl", true)) {
      if (Contains(p.Values("prep"), st.tree.CaseMarker(o))) c->target_head = o;
    }
  } else {
    FindVerbArguments(st, c->trigger, p, c);
  }
  c->sources = ExpandConjuncts(st, c->source_head);
  c->targets = ExpandConjuncts(st, c->target_head);
}

}  // namespace sitrep
