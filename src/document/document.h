// Document: the one object that every pipeline stage fills in, in order.
//
//   text stage    id, url, title, date, author, site, text, paragraphs, boilerplate
//   segmenter     sentences, tokens (Token::start/end)
//   syntax stage  Token::upos/xpos/lemma/head/deprel, entities
//   later stages  actor mentions, events, places, times (added by their issues)
//
// Offsets: every Span is a half-open range of UTF-8 *byte* offsets into Document::text.
// `text` is never rewritten after the text stage, so an offset taken by any stage stays
// valid and evidence can always be shown.
//
// Ownership: a Document owns all its strings. It is movable, not copyable by accident
// (copying a large article is almost always a bug; use Clone() when it is meant).
// Thread safety: a Document is owned by one worker at a time.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

// A half-open byte range [start, end) into Document::text.
struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - start; }
  bool empty() const { return end <= start; }
  bool Contains(const Span& other) const { return start <= other.start && other.end <= end; }
  friend bool operator==(const Span& a, const Span& b) = default;
};

// Why a stretch of input text was judged not to be part of the article.
struct BoilerplateSpan {
  Span span;
  std::string reason;  // e.g. "navigation", "caption", "teaser", "appeal", "bio", "source-line"
};

// One token, following Universal Dependencies English conventions ("n't", "'s" split off).
// The token's surface is always the exact bytes text[start, end).
struct Token {
  uint32_t start = 0;
  uint32_t end = 0;
  // Filled by the syntax stage. Empty strings mean "not yet tagged/parsed".
  std::string upos;
  std::string xpos;
  std::string lemma;
  std::string deprel;
  int32_t head = -1;  // index of the head token within the sentence; -1 for the root
};

struct Sentence {
  Span span;                 // from the first token's start to the last token's end
  uint32_t first_token = 0;  // index into Document::tokens
  uint32_t token_count = 0;
  uint32_t paragraph = 0;    // index into Document::paragraphs
};

// A named-entity span over whole tokens of one sentence.
struct EntityMention {
  uint32_t sentence = 0;     // index into Document::sentences
  uint32_t first_token = 0;  // index into Document::tokens (absolute)
  uint32_t last_token = 0;   // inclusive, absolute
  std::string type;          // GUM types: person, organization, place, event, time, ...
};

// An actor found in the text: a dictionary match, a country adjective combined with an agent
// noun ("Russian troops"), or a pronoun/description resolved to an earlier actor.
struct ActorMention {
  uint32_t sentence = 0;
  uint32_t first_token = 0;  // absolute token indices, inclusive
  uint32_t last_token = 0;
  uint32_t head_token = 0;   // syntactic head of the mention
  Span span;                 // the text that names the actor in this sentence
  std::string code;          // CAMEO actor code, e.g. "RUSMIL"; "" when unknown
  std::string name;          // canonical name, e.g. "Russia"
  std::string kind;          // country, person, igo, armed_group, agent, ...; for targets the
                             // text leaves unsaid (events/implicit_targets.h): "location"
                             // (the country where the event happened) or "domestic" (the
                             // source's own country; empty span)
  int32_t antecedent = -1;   // for resolved pronouns: index of the mention it refers to
};

enum class Modality { kAsserted, kHypothetical, kNegated };
const char* ModalityName(Modality m);

// A resolved place, filled by the place stage.
struct Location {
  std::string name;
  std::string country;       // ISO 3166-1 alpha-3 (or "" when unknown)
  double lat = 0;
  double lon = 0;
  int64_t geonames_id = 0;
  std::string precision;     // "point", "city", "region" or "country"
  Span span;                 // the toponym in the text; empty when inferred
};

// One coded event: who did what to whom, with the exact text that states it.
struct Event {
  uint32_t sentence = 0;
  int32_t source = -1;       // index into Document::actors
  int32_t target = -1;       // index into Document::actors; -1 when there is none
  std::string cameo;         // full CAMEO code, e.g. "190"
  std::string root;          // two-digit root, e.g. "19"
  int quad_class = 0;        // 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
  double goldstein = 0;
  std::string plover;        // PLOVER 2.0 type, e.g. "ASSAULT"
  Span trigger;              // the word(s) that express the event
  uint32_t trigger_token = 0;
  Modality modality = Modality::kAsserted;
  // True when the trigger takes a target but the text names none (the implicit-target
  // stage may then supply one).
  bool target_open = false;
  // Filled by the time and place stages. Empty / has_location=false until then.
  std::string date;            // ISO 8601 (TimeML value) of the event itself
  std::string date_precision;  // "day", "month", "year", ...
  bool has_location = false;
  Location location;
};

struct Document {
  Document() = default;
  Document(Document&&) = default;
  Document& operator=(Document&&) = default;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;
  Document Clone() const;

  // --- metadata (text stage). Empty means unknown. ---
  std::string id;      // JSON Lines `id`, else the file name without its extensions
  std::string origin;  // where it came from, for messages: "feed.jsonl:12", "page.html"
  std::string url;
  std::string title;
  std::string date;    // publication date, ISO 8601 ("2016-12-13" or with time)
  std::string author;
  std::string site;

  // --- content (text stage) ---
  std::string text;                          // valid UTF-8
  std::vector<Span> paragraphs;              // article paragraphs, in order, within text
  std::vector<BoilerplateSpan> boilerplate;  // marked, never removed, for text inputs

  // --- segmentation and syntax ---
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<EntityMention> entities;

  // --- event coding ---
  std::vector<ActorMention> actors;
  std::vector<Event> events;

  std::string_view Slice(Span s) const { return std::string_view(text).substr(s.start, s.size()); }
  std::string_view Slice(const Token& t) const {
    return std::string_view(text).substr(t.start, t.end - t.start);
  }
  std::string_view SentenceText(const Sentence& s) const { return Slice(s.span); }
};

}  // namespace sitrep
